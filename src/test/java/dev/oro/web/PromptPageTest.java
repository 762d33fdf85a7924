package dev.oro.web;

import static dev.oro.web.LibraryPageTest.create;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;

import dev.oro.StarterLibrary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StarterLibrary.class)
class PromptPageTest {

    @Test
    void should_list_versions_and_highlight_variables() {
        given().get("/prompts/summarize?v=1").then().statusCode(200)
                .body(containsString("<span class=\"vnum\">v2</span>"))
                .body(containsString("<span class=\"vnum\">v1</span>"))
                .body(containsString("weak: context not delimited"))
                .body(containsString("<h2 id=\"version-h\">Version 1</h2>"))
                .body(containsString("<span class=\"var\">{text}</span>"))
                .body(containsString("GR3 · warning"));
    }

    @Test
    void should_diff_two_versions_side_by_side() {
        given().get("/prompts/summarize?from=1&to=2").then().statusCode(200)
                .body(containsString("<tr class=\"d-change\">"))
                .body(containsString("<ins>"))
                .body(containsString("<td class=\"mono\">description</td>"));
        given().header("HX-Request", "true").header("HX-Target", "diff").get("/prompts/summarize?from=2&to=1").then().statusCode(200)
                .body(containsString("<section id=\"diff\""))
                .body(not(containsString("<html")));
    }

    @Test
    void should_move_a_label_and_say_what_moved() {
        create("page-labels", "one {x}\n");
        create("page-labels", "two {x}\n");
        given().formParam("label", "staging").formParam("version", "1").post("/prompts/page-labels/labels").then().statusCode(200)
                .body(containsString("staging now points at v1 (new label)"));
        given().formParam("label", "staging").formParam("version", "2").post("/prompts/page-labels/labels").then().statusCode(200)
                .body(containsString("staging moved from v1 to v2"));
        given().get("/api/prompts/page-labels").then().body("labels.staging", equalTo(2));
    }

    @Test
    void should_refuse_a_bad_label_name_inline() {
        create("page-badlabel", "one\n");
        given().formParam("label", "no way").formParam("version", "1").post("/prompts/page-badlabel/labels").then().statusCode(400)
                .body(containsString("Label: invalid label &#39;no way&#39;"))
                .body(containsString("aria-invalid=\"true\""));
        given().header("HX-Request", "true").formParam("label", "latest").formParam("version", "1")
                .post("/prompts/page-badlabel/labels").then().statusCode(200)
                .body(containsString("&#39;latest&#39; always means the newest version"));
        given().get("/api/prompts/page-badlabel").then().body("labels.size()", equalTo(0));
    }

    @Test
    void should_show_prompt_content_as_text() {
        create("page-xss", "---\ndescription: <script>window.pwned=1</script>\n---\nSay <script>window.pwned=1</script> {x}\n");
        given().get("/prompts/page-xss").then().statusCode(200)
                .body(containsString("Say &lt;script&gt;window.pwned=1&lt;/script&gt; <span class=\"var\">{x}</span>"))
                .body(not(containsString("<script>window.pwned")));
    }

    @Test
    void should_answer_an_unknown_prompt_with_a_page_naming_it() {
        given().get("/prompts/no-such-prompt").then().statusCode(404).body(containsString("no prompt named &#39;no-such-prompt&#39;"));
    }
}
