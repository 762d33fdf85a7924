package dev.oro.web;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.oro.api.AblationLab;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(AblationLab.class)
class AblationsPageTest {

    @Test
    void should_offer_the_suites_and_models_to_start_from() {
        given().get("/ablations").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<option value=\"brief.yaml\">brief.yaml</option>"))
                .body(containsString("name=\"models\" value=\"fake\""))
                .body(containsString("<option value=\"brief\">"))
                .body(containsString("/css/ablations.css"));
    }

    @Test
    void should_show_the_refusal_in_the_form_as_text() {
        given().formParam("ref", "<img src=x onerror=alert(1)>").formParam("suite", "brief.yaml").formParam("models", "fake")
                .post("/ablations").then().statusCode(400).contentType(containsString("text/html"))
                .body(containsString("&#39;ref&#39;: invalid prompt name &#39;&lt;img src=x onerror=alert(1)&gt;&#39;"))
                .body(containsString("value=\"&lt;img src=x onerror=alert(1)&gt;\""))
                .body(not(containsString("<img src=x")))
                .body(containsString("value=\"fake\" checked"));
        given().formParam("ref", "brief").formParam("suite", "brief.yaml").formParam("repeat", "often").post("/ablations").then()
                .statusCode(400).body(containsString("&#39;repeat&#39; must be a whole number, not &#39;often&#39;"));
    }

    @Test
    void should_show_each_swept_setting_with_its_consistency_once_the_ablation_completed() {
        String location = given().redirects().follow(false).formParam("ref", "brief@1").formParam("suite", "brief.yaml")
                .formParam("models", "fake").formParam("rules", "GR3").formParam("repeat", "2").formParam("sweep", "temperature=0,1")
                .post("/ablations").then().statusCode(303).extract().header("Location");
        String id = location.substring(location.lastIndexOf('/') + 1);
        assertThat(dev.oro.api.AblationResourceTest.awaitFinished(id).getString("status")).isEqualTo("completed");
        given().get("/ablations/" + id).then().statusCode(200)
                .body(containsString("GR3 (fake · temperature=0, fake · temperature=1) helped"))
                .body(containsString("The base at each setting"))
                .body(containsString("<td>temperature=1</td><td>0%</td><td>0.000</td><td>pass^2 0%</td>"))
                .body(containsString("<td>0% → 100%</td>"))
                .body(containsString("<td>helped</td>"));
        given().get("/ablations/" + id + "/progress").then().statusCode(200).header("HX-Refresh", "true");
        given().formParam("ref", "brief").formParam("suite", "brief.yaml").formParam("sweep", "temperature").post("/ablations").then()
                .statusCode(400).body(containsString("&#39;sweep&#39; must look like temperature=0,0.5,1"));
    }

    @Test
    void should_answer_404_for_an_unknown_ablation() {
        given().get("/ablations/00000000-0000-0000-0000-000000000000").then().statusCode(404);
        given().get("/ablations/nope/progress").then().statusCode(404);
    }
}
