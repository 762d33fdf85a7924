package dev.oro.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.oro.StarterLibrary;
import dev.oro.library.Hashing;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

@QuarkusTest
@WithTestResource(StarterLibrary.class)
class RenderResourceTest {

    @ConfigProperty(name = "oro.prompts-dir")
    String promptsDir;

    @Test
    void should_render_a_labelled_version_with_its_hash() throws Exception {
        String file = Files.readString(Path.of(promptsDir, "summarize", "2.prompt"));
        given().contentType("application/json")
                .body(Map.of("prompt", "summarize@production", "variables", Map.of("text", "Oro ships today.")))
                .post("/api/render").then().statusCode(200)
                .body("prompt", equalTo("summarize"))
                .body("version", equalTo(2))
                .body("hash", equalTo(Hashing.sha256(file)))
                .body("messages[0].role", equalTo("user"))
                .body("messages[0].content", containsString("Text: \"\"\"\nOro ships today.\n\"\"\""))
                .body("warnings", equalTo(List.of()));
    }

    @Test
    void should_list_every_missing_variable() {
        given().contentType("application/json").body(Map.of("prompt", "qa-with-context@production"))
                .post("/api/render").then().statusCode(400).contentType("application/problem+json")
                .body("type", equalTo("urn:oro:problem:missing-variables"))
                .body("missing", equalTo(List.of("question", "context")))
                .body("detail", equalTo("missing variables question, context for prompts/qa-with-context/2.prompt"));
    }

    @Test
    void should_warn_about_unknown_variables() {
        given().contentType("application/json")
                .body(Map.of("source", "Hi {name}", "variables", Map.of("name", "Ana", "nmae", "x")))
                .post("/api/render").then().statusCode(200)
                .body("prompt", equalTo(null))
                .body("messages[0].content", equalTo("Hi Ana"))
                .body("warnings[0]", containsString("unknown variable 'nmae'"));
    }

    @Test
    void should_keep_json_literals_and_delimiters() {
        String source = "Return {\"name\": \"x\"} for:\n###\n{text}\n###";
        given().contentType("application/json").body(Map.of("source", source, "variables", Map.of("text", "{\"a\": 1}")))
                .post("/api/render").then().statusCode(200)
                .body("messages[0].content", equalTo("Return {\"name\": \"x\"} for:\n###\n{\"a\": 1}\n###"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"{config:test.secret}", "{inject:library}", "{cdi:renderer}", "{x.getClass()}",
            "{x.getClass().forName('java.lang.System').getProperty('user.home')}", "{#eval 'config:test.secret'}{/eval}"})
    void should_refuse_templates_that_reach_outside_and_leak_nothing(String template) {
        String body = given().contentType("application/json")
                .body(Map.of("source", "ok\n" + template, "variables", Map.of("x", "y")))
                .post("/api/render").then().statusCode(400).contentType("application/problem+json")
                .body("detail", containsString("source line 2:"))
                .extract().asString();
        assertThat(body).doesNotContain(StarterLibrary.SECRET).doesNotContain("Exception").doesNotContain("\tat ")
                .doesNotContain(System.getProperty("user.home"));
    }

    @Test
    void should_answer_bad_requests_with_problems() {
        given().contentType("application/json").body("{\"prompt\": ").post("/api/render").then().statusCode(400)
                .contentType("application/problem+json").body("type", equalTo("urn:oro:problem:bad-json"))
                .body("detail", not(containsString("\tat ")));
        given().contentType("application/json").body(Map.of("prompt", "a", "source", "b")).post("/api/render")
                .then().statusCode(400).body("detail", containsString("either 'prompt'"));
        given().contentType("application/json").body("{\"prompt\": \"summarize@production\", \"variables\": [1]}")
                .post("/api/render").then().statusCode(400).body("type", equalTo("urn:oro:problem:bad-json"))
                .body("detail", containsString("'variables'"));
        given().contentType("application/json").body(Map.of("prompt", "../../etc/passwd")).post("/api/render")
                .then().statusCode(400).body("type", equalTo("urn:oro:problem:bad-name"));
        given().contentType("application/json").body(Map.of("prompt", "nope@production")).post("/api/render")
                .then().statusCode(404);
    }
}
