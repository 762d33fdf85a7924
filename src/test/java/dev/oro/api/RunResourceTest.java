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
@WithTestResource(EvalLibrary.class)
class RunResourceTest {

    static final String CUT = "count@1 · fake · maxTokens=3";

    @Test
    void should_accept_a_run_then_report_its_exact_summary() {
        String id = start(Map.of("suite", "count.yaml"));
        JsonPath run = awaitFinished(id);
        assertThat(run.getString("status")).isEqualTo("completed");
        assertThat(run.getString("suite")).isEqualTo("evals/count.yaml");
        assertThat(run.getMap("summary")).containsEntry("cases", 6).containsEntry("passed", 3).containsEntry("failed", 3)
                .containsEntry("errors", 0);
        assertThat(run.getList("variants.variant")).containsExactly("count@1 · fake · maxTokens=20", CUT);
        assertThat(run.getInt("variants.find { it.variant == '" + CUT + "' }.passed")).isEqualTo(1);
        assertThat(run.getString("progress")).isNull();
        given().get("/api/runs").then().statusCode(200).body("id", hasItem(id));
    }

    @Test
    void should_page_through_results_with_filters() {
        String id = start(Map.of("suite", "evals/count.yaml"));
        awaitFinished(id);
        JsonPath page = given().queryParam("offset", 2).queryParam("limit", 3).get("/api/runs/" + id + "/results").then().statusCode(200)
                .body("total", equalTo(6)).body("offset", equalTo(2)).body("results.size()", equalTo(3)).extract().jsonPath();
        JsonPath all = given().get("/api/runs/" + id + "/results").then().statusCode(200).extract().jsonPath();
        assertThat(page.getList("results.caseKey")).isEqualTo(all.getList("results.caseKey").subList(2, 5));
        given().queryParam("variant", CUT).queryParam("failures", true).get("/api/runs/" + id + "/results").then().statusCode(200)
                .body("total", equalTo(2)).body("results.testId", equalTo(List.of("t1", "t2")))
                .body("results[0].output", equalTo("one two three"));
        given().queryParam("limit", 1001).get("/api/runs/" + id + "/results").then().statusCode(400)
                .body("detail", containsString("'limit' between 1 and 1000"));
        given().get("/api/runs/nope/results").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void should_take_human_ratings_of_outputs() {
        String id = start(Map.of("suite", "count.yaml"));
        awaitFinished(id);
        String key = given().get("/api/runs/" + id + "/results").then().extract().jsonPath().getString("results[0].caseKey");
        given().contentType("application/json").body(Map.of("rating", -1, "comment", "stops too early", "ratedBy", "ana"))
                .put("/api/runs/" + id + "/results/" + key + "/rating").then().statusCode(204);
        given().get("/api/runs/" + id + "/ratings").then().statusCode(200)
                .body("caseKey", equalTo(List.of(key))).body("[0].rating", equalTo(-1)).body("[0].comment", equalTo("stops too early"));
        given().contentType("application/json").body(Map.of("rating", 3))
                .put("/api/runs/" + id + "/results/" + key + "/rating").then().statusCode(400).body("detail", containsString("'rating'"));
        given().contentType("application/json").body(Map.of("rating", 1))
                .put("/api/runs/" + id + "/results/unknown/rating").then().statusCode(404);
    }

    @Test
    void should_stream_progress_then_finished() {
        String id = start(Map.of("suite", "count.yaml", "noCache", true, "concurrency", 1));
        String events = given().get("/api/runs/" + id + "/events").then().statusCode(200).contentType(startsWith("text/event-stream"))
                .extract().asString();
        assertThat(events).contains("event:progress", "\"total\":6", "event:finished", "\"passed\":3", "\"status\":\"completed\"");
        assertThat(events.indexOf("event:progress")).isLessThan(events.indexOf("event:finished"));
        String again = given().get("/api/runs/" + id + "/events").then().statusCode(200).extract().asString();
        assertThat(again).startsWith("event:finished").contains("\"cases\":6");
    }

    @Test
    void should_refuse_bad_suites_before_accepting_a_run() {
        post(Map.of("suite", "../outside.yaml")).then().statusCode(400).contentType("application/problem+json")
                .body("detail", startsWith("'suite' must name a file inside the evals folder"));
        post(Map.of("suite", "missing.yaml")).then().statusCode(404).body("detail", equalTo("no suite file evals/missing.yaml"));
        post(Map.of("suite", "bad.yaml")).then().statusCode(400).body("detail", containsString("evals/bad.yaml")).body("detail",
                containsString("line"));
        post(Map.of("suite", "ghost.yaml")).then().statusCode(404).body("detail", startsWith("no model profile named 'ghost'"));
        post(Map.of("suite", "count.yaml", "repeat", 0)).then().statusCode(400).body("detail", startsWith("'repeat' must be 1 or more"));
        post(Map.of()).then().statusCode(400).body("detail", startsWith("'suite' is required"));
        given().get("/api/runs/nope").then().statusCode(404).body("detail", equalTo("no run with id 'nope'"));
        given().get("/api/runs/nope/events").then().statusCode(404).contentType("application/problem+json");
    }

    @Test
    void should_compare_a_run_with_its_cached_repeat() {
        String a = start(Map.of("suite", "count.yaml"));
        awaitFinished(a);
        String b = start(Map.of("suite", "count.yaml"));
        awaitFinished(b);
        given().queryParam("failures", false).get("/api/runs/" + b + "/results").then().body("results.cached", equalTo(List.of(true,
                true, true, true, true, true)));
        JsonPath compare = given().queryParam("a", a).queryParam("b", b).get("/api/runs/compare").then().statusCode(200).extract().jsonPath();
        assertThat(compare.getList("variants")).hasSize(2);
        String cut = "variants.find { it.a.variant == '" + CUT + "' }";
        assertThat(compare.getInt(cut + ".a.passed")).isEqualTo(1).isEqualTo(compare.getInt(cut + ".b.passed"));
        assertThat(compare.getMap(cut + ".pairs")).containsEntry("bothPass", 1).containsEntry("onlyA", 0).containsEntry("onlyB", 0)
                .containsEntry("neither", 2);
        assertThat(compare.getDouble(cut + ".mcnemarP")).isEqualTo(1.0);
        assertThat(compare.getString(cut + ".verdict")).isEqualTo("NO_SIGNIFICANT_DIFFERENCE");
        assertThat(compare.getString(cut + ".sentence")).startsWith("no significant difference");
        given().queryParam("a", a).get("/api/runs/compare").then().statusCode(400).body("detail", containsString("'a' and 'b'"));
    }

    private static io.restassured.response.Response post(Map<String, Object> body) {
        return given().contentType("application/json").body(body).post("/api/runs");
    }

    private static String start(Map<String, Object> body) {
        return post(body).then().statusCode(202).body("status", equalTo("running"))
                .header("Location", containsString("/api/runs/")).extract().path("id");
    }

    private static JsonPath awaitFinished(String id) {
        long deadline = System.currentTimeMillis() + 60_000;
        while (true) {
            JsonPath run = given().get("/api/runs/" + id).then().statusCode(200).extract().jsonPath();
            if (!"running".equals(run.getString("status")) || System.currentTimeMillis() > deadline) {
                return run;
            }
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                throw new IllegalStateException(e);
            }
        }
    }
}
