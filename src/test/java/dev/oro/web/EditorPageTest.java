package dev.oro.web;

import static dev.oro.web.LibraryPageTest.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.oro.StarterLibrary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StarterLibrary.class)
class EditorPageTest {

    @Test
    void should_open_the_latest_version_with_its_variables() {
        given().get("/prompts/summarize/edit").then().statusCode(200)
                .body(containsString("<input type=\"hidden\" name=\"base\" value=\"2\">"))
                .body(containsString("{#include context label=&quot;Text&quot; text=text /}"))
                .body(containsString("name=\"var.text\""));
    }

    @Test
    void should_render_the_preview_from_the_variables_form() {
        given().formParam("source", "---\nvariables:\n  who: {}\n---\nsystem:\nBe brief.\nuser:\nGreet {who}.\n")
                .formParam("var.who", "<b>Ada</b>").post("/prompts/preview").then().statusCode(200)
                .body(containsString("Greet &lt;b&gt;Ada&lt;/b&gt;."))
                .body(containsString("<div class=\"role\">system</div>"));
    }

    @Test
    void should_name_the_missing_variable_and_the_line_of_a_template_error() {
        given().formParam("source", "Greet {who}.\n").post("/prompts/preview").then().statusCode(200)
                .body(containsString("missing variable who"));
        given().formParam("source", "---\n---\nline two\n{#if x}open\n").post("/prompts/preview").then().statusCode(200)
                .body(containsString("this draft line 4"));
    }

    @Test
    void should_redetect_variables_and_lint_as_the_author_types() {
        given().header("HX-Trigger", "source").formParam("source", "Summarize the review below.\n\n{review}\n").formParam("var.text", "")
                .post("/prompts/preview").then().statusCode(200)
                .body(containsString("id=\"vars\" class=\"var-form\" hx-swap-oob=\"true\""))
                .body(containsString("name=\"var.review\""))
                .body(containsString("GR3 · warning"));
    }

    @Test
    void should_save_a_new_version_and_open_it() {
        create("edit-save", "v1 {x}\n");
        given().redirects().follow(false).formParam("base", "1").formParam("source", "v2 {x}\r\nsecond line\r\n")
                .post("/prompts/edit-save/edit").then().statusCode(303).header("Location", endsWith("/prompts/edit-save?v=2&saved=2"));
        given().get("/api/prompts/edit-save/versions/2").then().body("source", equalTo("v2 {x}\nsecond line\n"));
    }

    @Test
    void should_refuse_a_stale_save_keep_the_text_and_write_nothing() {
        create("edit-stale", "v1\n");
        create("edit-stale", "v2 by someone else\n");
        given().formParam("base", "1").formParam("source", "my <edit>\n").post("/prompts/edit-stale/edit").then().statusCode(200)
                .body(containsString("version 2 was created since you opened version 1; nothing was written and your text is kept below"))
                .body(containsString(">my &lt;edit&gt;\n</textarea>"))
                .body(containsString("name=\"rebase\" value=\"2\""));
        given().get("/api/prompts/edit-stale").then().body("versions.size()", equalTo(2));
    }

    @Test
    void should_refuse_a_new_prompt_whose_name_exists_or_is_invalid() {
        given().formParam("name", "summarize").formParam("base", "0").formParam("source", "mine\n").post("/prompts/new").then()
                .statusCode(200).body(containsString("a prompt named &#39;summarize&#39; already exists"))
                .body(containsString(">mine\n</textarea>"));
        given().formParam("name", "../etc").formParam("base", "0").formParam("source", "mine\n").post("/prompts/new").then()
                .statusCode(200).body(containsString("Name: invalid prompt name"));
        given().get("/api/prompts/summarize").then().body("versions.size()", equalTo(2));
    }

    @Test
    void should_open_an_empty_editor_for_a_new_prompt() {
        given().get("/prompts/new").then().statusCode(200)
                .body(containsString("<input type=\"text\" id=\"name\" name=\"name\""))
                .body(containsString("<input type=\"hidden\" name=\"base\" value=\"0\">"));
        given().formParam("name", "new").formParam("base", "0").formParam("source", "mine\n").post("/prompts/new").then()
                .statusCode(200).body(containsString("Name: &#39;new&#39; is the address of this editor"));
    }

    @Test
    void should_create_a_new_prompt() {
        given().redirects().follow(false).formParam("name", "edit-fresh").formParam("base", "0").formParam("source", "Hi {x}\n")
                .post("/prompts/new").then().statusCode(303).header("Location", endsWith("/prompts/edit-fresh?v=1&saved=1"));
        given().get("/prompts/edit-fresh?v=1&saved=1").then().statusCode(200).body(containsString("Saved as version 1."));
    }
}
