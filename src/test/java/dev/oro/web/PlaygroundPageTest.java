package dev.oro.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(PlaygroundLibrary.class)
class PlaygroundPageTest {

    @Test
    void should_open_a_shared_link_with_its_prompts_models_params_and_variables() {
        given().queryParam("prompt", "summarize@production").queryParam("model", "fake").queryParam("temperature", "0.2")
                .queryParam("var.text", "Oro keeps prompts.")
                .get("/playground").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<input type=\"hidden\" name=\"prompt\" value=\"summarize@production\" data-version=\"2\">"))
                .body(containsString("value=\"fake\" data-priced=\"true\" checked>"))
                .body(containsString("value=\"free\" data-priced=\"false\">"))
                .body(containsString("<input type=\"checkbox\" id=\"set-temperature\" aria-label=\"Set Temperature\" checked>"))
                .body(containsString("id=\"temperature\" min=\"0\" max=\"2\" step=\"0.05\" value=\"0.2\""))
                .body(containsString(">Oro keeps prompts.</textarea>"))
                .body(containsString("<option value=\"summarize@production\">v2</option>"));
    }

    @Test
    void should_start_unset_sliders_at_the_first_prompts_own_values() {
        given().queryParam("prompt", "summarize@production").get("/playground").then().statusCode(200)
                .body(containsString("<input type=\"checkbox\" id=\"set-maxTokens\" aria-label=\"Set Max tokens\">"))
                .body(containsString("id=\"maxTokens\" min=\"1\" max=\"4096\" step=\"1\" value=\"500\""));
    }

    @Test
    void should_name_a_bad_parameter_and_an_unknown_prompt_or_model_without_failing() {
        given().queryParam("prompt", "nope@1").queryParam("model", "ghost").queryParam("temperature", "hot")
                .queryParam("maxTokens", "2.5")
                .get("/playground").then().statusCode(200)
                .body(containsString("&#39;temperature&#39; must be a number from 0 to 2, got &#39;hot&#39;"))
                .body(containsString("&#39;maxTokens&#39; must be a whole number of at least 1, got &#39;2.5&#39;"))
                .body(containsString("no prompt named &#39;nope&#39; in the library"))
                .body(containsString("no such profile"));
    }

    @Test
    void should_build_the_variables_form_from_the_union_of_the_chosen_versions() {
        given().queryParam("prompt", "summarize@1").queryParam("prompt", "qa-with-context@production")
                .get("/playground/selection").then().statusCode(200)
                .body(containsString("name=\"var.text\""), containsString("name=\"var.question\""), containsString("name=\"var.context\""))
                .body(containsString("<span class=\"pg-meta\">in summarize@1</span>"));
    }

    @Test
    void should_check_the_readiness_of_one_profile_for_its_badge() {
        given().queryParam("check", true).get("/api/models/fake").then().statusCode(200)
                .body("ready", equalTo(true)).body("provider", equalTo("openai"));
        given().queryParam("check", true).get("/api/models/down").then().statusCode(200)
                .body("ready", equalTo(false)).body("detail", containsString("127.0.0.1:1"));
        given().get("/api/models/ghost").then().statusCode(404).contentType("application/problem+json")
                .body("detail", startsWith("no model profile named 'ghost'"));
    }

    @Test
    void should_show_prompt_content_as_text_and_never_an_api_key() {
        given().contentType("text/plain")
                .body("---\nvariables:\n  who:\n    description: <img src=x onerror=alert(1)>\n---\nHi {who}\n")
                .post("/api/prompts/markup/versions").then().statusCode(201);
        given().queryParam("prompt", "markup").get("/playground").then().statusCode(200)
                .body(containsString("&lt;img src=x onerror=alert(1)&gt;"))
                .body(allOf(not(containsString("<img src=x")), not(containsString("ORO_TEST")), not(containsString("127.0.0.1:1"))));
    }
}
