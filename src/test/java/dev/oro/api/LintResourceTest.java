package dev.oro.api;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasSize;

import dev.oro.StarterLibrary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StarterLibrary.class)
class LintResourceTest {

    @Test
    void should_answer_the_findings_of_unsaved_source() {
        given().contentType("text/plain").body("You are an editor.\nSummarize this.\n\n{text}\n")
                .post("/api/lint").then().statusCode(200)
                .body("findings", hasSize(2))
                .body("findings[0].rule", equalTo("GR1"))
                .body("findings[1].rule", equalTo("GR3"))
                .body("findings[1].severity", equalTo("warning"))
                .body("findings[1].span.line", equalTo(4))
                .body("findings[1].span.text", equalTo("{text}"))
                .body("findings[1].suggestion", equalTo("Text: \"\"\"\n{text}\n\"\"\""));
    }

    @Test
    void should_answer_no_findings_for_a_prompt_that_follows_the_rules() {
        given().contentType("text/plain").body("system:\nYou are a poet.\nuser:\nWrite a haiku about rain in a calm tone.\n")
                .post("/api/lint").then().statusCode(200).body("findings", hasSize(0));
    }

    @Test
    void should_answer_the_parser_problem_for_invalid_source() {
        given().contentType("text/plain").body("---\noutput:\n  type: xml\n---\nHello\n")
                .post("/api/lint").then().statusCode(400)
                .contentType(Problems.MEDIA_TYPE)
                .body("type", equalTo("urn:oro:problem:invalid-prompt"))
                .body("detail", containsString("line 3"));
    }
}
