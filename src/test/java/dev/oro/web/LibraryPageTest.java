package dev.oro.web;

import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.allOf;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;

import dev.oro.StarterLibrary;
import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.util.UUID;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StarterLibrary.class)
class LibraryPageTest {

    @Inject
    RunStore runs;

    static void create(String name, String source) {
        given().contentType("text/plain").body(source).post("/api/prompts/" + name + "/versions").then().statusCode(201);
    }

    @Test
    void should_list_prompts_with_links_labels_and_tags() {
        given().get("/").then().statusCode(200).contentType(containsString("text/html"))
                .body(containsString("<a href=\"/prompts/summarize\">summarize</a>"))
                .body(containsString("production → v2"))
                .body(containsString("<span class=\"tag\">GR3</span>"));
    }

    @Test
    void should_show_user_content_as_text() {
        create("xss", "---\ndescription: <script>alert('x')</script>\n---\nhi\n");
        given().get("/").then().statusCode(200)
                .body(containsString("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
                .body(not(containsString("<script>alert")));
    }

    @Test
    void should_filter_by_golden_rule_from_a_plain_query_string() {
        create("lib-undelimited", "---\ndescription: weak on purpose\nvariables:\n  review: {}\ntags: [libtest]\n---\n"
                + "Summarize the review below.\n\n{review}\n");
        given().get("/?rule=GR3").then().statusCode(200)
                .body(containsString("<a href=\"/prompts/lib-undelimited\">lib-undelimited</a>"))
                .body(not(containsString("<a href=\"/prompts/summarize\">")));
        given().get("/?rule=clean").then().statusCode(200)
                .body(not(containsString("<a href=\"/prompts/lib-undelimited\">")));
    }

    @Test
    void should_search_and_filter_by_tag() {
        given().get("/?q=SUMMAR").then().statusCode(200)
                .body(containsString("<a href=\"/prompts/summarize\">"))
                .body(not(containsString("<a href=\"/prompts/poem\">")))
                .body(containsString("value=\"SUMMAR\""));
        given().get("/?tag=GR9").then().statusCode(200)
                .body(containsString("<a href=\"/prompts/literary-analysis\">"))
                .body(not(containsString("<a href=\"/prompts/summarize\">")));
        given().get("/?q=no-such-prompt-anywhere").then().statusCode(200).body(containsString("No prompt matches these filters"));
    }

    @Test
    void should_answer_htmx_with_the_table_only() {
        given().header("HX-Request", "true").header("HX-Target", "prompt-rows").get("/?q=poem").then().statusCode(200)
                .body(allOf(containsString("id=\"prompt-rows\""), containsString("/prompts/poem"), not(containsString("<html"))));
    }

    @Test
    void should_show_the_pass_rate_of_the_latest_completed_run() {
        create("lib-scored", "Say hello to {who}.\n");
        String id = UUID.randomUUID().toString();
        runs.createRun(id, "evals/hello.yaml", null, "{}");
        for (int i = 0; i < 4; i++) {
            runs.record(id, new CaseResult("k" + i, "t" + i, "v", 0, "lib-scored@1", "sha256:x", "fake", null, null, "hi", i < 3,
                    i < 3 ? 1 : 0, null, null, null, null, null, null, false, null));
        }
        runs.finish(id, "completed");
        given().get("/?q=lib-scored").then().statusCode(200)
                .body(containsString("href=\"/runs/" + id + "\" title=\"3 of 4 passed\">75%</a>"));
    }
}
