package dev.oro.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AblationLab.class)
public class AblationResourceTest {

    @Test
    void should_run_an_ablation_in_the_background_and_name_gr3_as_the_rule_that_helped() {
        String id = start(Map.of("ref", "brief@1", "suite", "brief.yaml", "rules", List.of("GR3", "GR9")));
        JsonPath done = awaitFinished(id);
        assertThat(done.getString("status")).isEqualTo("completed");
        assertThat(done.getString("base")).isEqualTo("brief@1");
        assertThat(done.getString("suite")).isEqualTo("evals/brief.yaml");
        assertThat(done.getString("report.rows.find { it.rule == 'GR3' }.verdict")).isEqualTo("HELPED");
        assertThat(done.getDouble("report.rows.find { it.rule == 'GR3' }.variantPassRate")).isEqualTo(1.0);
        assertThat(done.getString("report.rows.find { it.rule == 'GR9' }.verdict")).isEqualTo("NO_MEASURABLE_DIFFERENCE");
        assertThat(done.getString("report.summary")).contains("GR3 (fake) helped", "GR9 (fake) made no measurable difference");
        given().get("/api/ablations").then().statusCode(200).body("id", hasItem(id));
        String html = given().get("/api/ablations/" + id + "/report.html").then().statusCode(200).contentType(containsString("text/html"))
                .extract().asString();
        assertThat(html).contains("<svg", "GR3 (fake) helped", "brief@1");
        given().get("/api/runs/" + done.getString("runId")).then().statusCode(200).body("status", equalTo("completed"));
    }

    @Test
    void should_report_each_swept_temperature_with_its_consistency() {
        String id = start(Map.of("ref", "brief@1", "suite", "evals/brief.yaml", "rules", List.of("GR3"), "repeat", 2,
                "models", List.of("fake"), "sweep", Map.of("temperature", List.of(0, 1))));
        JsonPath done = awaitFinished(id);
        assertThat(done.getList("report.rows.params")).containsExactly("temperature=0", "temperature=1");
        assertThat(done.getList("report.rows.verdict")).containsOnly("HELPED");
        assertThat(done.getList("report.rows.baseConsistency", Double.class)).containsOnly(0.0);
        assertThat(done.getList("report.rows.variantConsistency", Double.class)).containsOnly(1.0);
        assertThat(done.getList("report.settings.k", Integer.class)).containsOnly(2);
    }

    @Test
    void should_refuse_bad_input_naming_the_field_and_write_nothing() {
        int versions = versionsOfBrief();
        post(Map.of("ref", "missing", "suite", "brief.yaml")).then().statusCode(404).contentType("application/problem+json")
                .body("detail", startsWith("'ref': no prompt named 'missing'")).body("field", equalTo("ref"));
        post(Map.of("ref", "brief", "suite", "../outside.yaml")).then().statusCode(400)
                .body("detail", startsWith("'suite' must name a file inside the evals folder")).body("field", equalTo("suite"));
        post(Map.of("ref", "brief", "suite", "brief.yaml", "models", List.of("ghost"))).then().statusCode(404)
                .body("detail", startsWith("'models': no model profile named 'ghost'"));
        post(Map.of("ref", "brief", "suite", "brief.yaml", "rules", List.of("GR42"))).then().statusCode(400)
                .body("detail", startsWith("'rules': no rewrite for rule 'GR42'"));
        post(Map.of("ref", "brief", "suite", "brief.yaml", "sweep", Map.of("temperature", List.of(0, 9)))).then().statusCode(400)
                .body("detail", equalTo("'sweep' temperature=0,9: 'temperature' must be a number from 0 to 2, got 9"));
        post(Map.of("ref", "brief", "suite", "brief.yaml", "sweep", Map.of("temperature", List.of()))).then().statusCode(400)
                .body("detail", equalTo("'sweep' temperature: give at least one value"));
        given().contentType("application/json").body("{\"ref\": \"brief\", \"suite\": \"brief.yaml\", \"rules\": [null, \"GR42\"]}")
                .post("/api/ablations").then().statusCode(400).body("detail", startsWith("'rules': no rewrite for rule 'GR42'"));
        given().contentType("application/json").body("{\"ref\": \"brief\", \"suite\": \"brief.yaml\", \"sweep\": {\"temperature\": \"hot\"}}")
                .post("/api/ablations").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("'sweep.temperature'"));
        post(Map.of("ref", "brief", "suite", "brief.yaml", "repeat", 0)).then().statusCode(400).body("detail", startsWith("'repeat'"));
        post(Map.of("suite", "brief.yaml")).then().statusCode(400).body("detail", startsWith("'ref' is required"));
        given().contentType("application/json").body("{\"ref\": [").post("/api/ablations").then().statusCode(400)
                .contentType("application/problem+json");
        assertThat(versionsOfBrief()).as("no variant written for a refused request").isEqualTo(versions);
        given().get("/api/ablations/nope").then().statusCode(404).body("detail", equalTo("no ablation with id 'nope'"));
        given().get("/api/ablations/nope/report.html").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void should_write_variants_or_show_them_on_a_dry_run() {
        JsonPath dry = given().contentType("application/json").body(Map.of("ref", "brief@1", "rules", List.of("GR3"), "dryRun", true))
                .post("/api/variants").then().statusCode(200).extract().jsonPath();
        assertThat(dry.getString("base")).isEqualTo("brief@1");
        assertThat(dry.getString("variants[0].rule")).isEqualTo("GR3");
        assertThat(dry.getString("variants[0].ref")).isNull();
        assertThat(dry.getString("variants[0].source")).contains("{#include context");
        int versions = versionsOfBrief();
        String ref = given().contentType("application/json").body(Map.of("ref", "brief@1", "rules", List.of("GR3", "GR9")))
                .post("/api/variants").then().statusCode(201).body("variants.rule", equalTo(List.of("GR3", "GR9")))
                .extract().path("variants[0].ref");
        assertThat(versionsOfBrief()).isEqualTo(versions + 2);
        given().get("/api/prompts/brief/versions/" + ref.substring(ref.indexOf('@') + 1)).then().statusCode(200)
                .body("source", containsString("variant, GR3, from-v1"));
        given().contentType("application/json").body(Map.of("ref", "brief@1", "rules", List.of("GR7"), "examples", "examples.csv",
                "dryRun", true)).post("/api/variants").then().statusCode(200).body("skipped[0]", startsWith("GR7"));
        given().contentType("application/json").body(Map.of("ref", "brief@1", "examples", "../outside.yaml")).post("/api/variants").then()
                .statusCode(400).body("detail", startsWith("'examples' must name a file inside the evals folder"));
        given().contentType("application/json").body(Map.of("ref", "brief@1", "rules", List.of("GR42"))).post("/api/variants").then()
                .statusCode(400).body("detail", startsWith("'rules': no rewrite for rule 'GR42'")).body("field", equalTo("rules"));
        given().contentType("application/json").body(Map.of("ref", "nope")).post("/api/variants").then().statusCode(404)
                .body("detail", startsWith("'ref': no prompt named 'nope'"));
        given().contentType("application/json").body(Map.of("rules", List.of("GR3"))).post("/api/variants").then().statusCode(400)
                .body("detail", startsWith("'ref' is required"));
    }

    @Test
    void should_offer_the_starter_librarys_weak_summarize_its_missing_delimiters_and_role() {
        given().contentType("application/json").body(Map.of("ref", "summarize@1", "dryRun", true)).post("/api/variants").then()
                .statusCode(200).body("base", equalTo("summarize@1")).body("variants.rule", equalTo(List.of("GR3", "GR9")))
                .body("skipped", hasItem(equalTo("GR7: skipped; few-shot examples need a dataset in 'examples'")));
    }

    private static int versionsOfBrief() {
        return given().get("/api/prompts/brief").then().statusCode(200).extract().jsonPath().getList("versions").size();
    }

    private static io.restassured.response.Response post(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/ablations");
    }

    private static String start(Map<String, Object> body) {
        return post(body).then().statusCode(202).body("status", equalTo("running"))
                .header("Location", containsString("/api/ablations/")).extract().path("id");
    }

    /** Polls until the ablation is no longer running (at most a minute) and answers its last view. */
    public static JsonPath awaitFinished(String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonPath view = given().get("/api/ablations/" + id).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(view.getString("status")) || System.currentTimeMillis() > deadline) {
                return view;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
