package dev.oro.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.endsWith;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasItems;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;

import dev.oro.StarterLibrary;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.junit.jupiter.api.Test;

@QuarkusTest
@WithTestResource(StarterLibrary.class)
class PromptResourceTest {

    @ConfigProperty(name = "oro.prompts-dir")
    String promptsDir;

    @Test
    void should_list_the_starter_library() {
        given().get("/api/prompts").then().statusCode(200)
                .body("name", hasItems("summarize", "qa-with-context", "poem", "literary-analysis", "miles-to-km"))
                .body("find { it.name == 'summarize' }.labels.production", equalTo(2))
                .body("find { it.name == 'summarize' }.tags", hasItem("GR3"));
    }

    @Test
    void should_show_a_prompt_and_a_version_by_number_or_label() {
        given().get("/api/prompts/summarize").then().statusCode(200)
                .body("versions.version", equalTo(List.of(1, 2)))
                .body("versions[1].labels", equalTo(List.of("production")));
        given().get("/api/prompts/summarize/versions/production").then().statusCode(200)
                .body("version", equalTo(2))
                .body("hash", startsWith("sha256:"))
                .body("frontMatter.variables.text.required", equalTo(true))
                .body("messages[0].role", equalTo("user"))
                .body("source", containsString("{#include context"));
        given().get("/api/prompts/summarize/versions/1").then().statusCode(200).body("version", equalTo(1));
    }

    @Test
    void should_answer_unknown_prompts_versions_and_labels_with_problems() {
        given().get("/api/prompts/nope").then().statusCode(404).contentType("application/problem+json")
                .body("type", equalTo("urn:oro:problem:prompt-not-found")).body("status", equalTo(404))
                .body("detail", startsWith("no prompt named 'nope'"));
        given().get("/api/prompts/summarize/versions/9").then().statusCode(404)
                .body("detail", equalTo("prompt 'summarize' has no version 9 (versions: [1, 2])"));
        given().get("/api/prompts/summarize/versions/canary").then().statusCode(404)
                .body("detail", equalTo("prompt 'summarize' has no label 'canary' (labels: production)"));
    }

    @Test
    void should_create_versions_and_refuse_invalid_ones_with_their_line() {
        Response created = given().contentType("text/plain").body("---\ndescription: greet\n---\nHello {who}\n")
                .post("/api/prompts/greeting/versions");
        created.then().statusCode(201).header("Location", endsWith("/api/prompts/greeting/versions/1"))
                .body("name", equalTo("greeting")).body("version", equalTo(1));
        given().contentType("text/plain").body("---\nparams:\n  temperature: 9\n---\nHello\n")
                .post("/api/prompts/greeting/versions").then().statusCode(400).contentType("application/problem+json")
                .body("detail", equalTo("new version of 'greeting' line 3: field 'params.temperature' must be a number from 0 to 2, got 9"))
                .body("line", equalTo(3));
        given().contentType("text/plain").body("Hi {name.getClass()}").post("/api/prompts/greeting/versions")
                .then().statusCode(400).body("detail", containsString("cannot call methods"));
        given().contentType("text/plain").body("").post("/api/prompts/greeting/versions").then().statusCode(400);
        given().get("/api/prompts/greeting").then().body("versions.version", equalTo(List.of(1)));
    }

    @Test
    void should_refuse_names_that_could_escape_the_library() {
        for (String name : List.of("..%2Fetc", "..%2F..%2Fetc", "%2Fetc", "a%5Cb", "a%0Ab", "a%00b", ".hidden", "-rf")) {
            given().urlEncodingEnabled(false).contentType("text/plain").body("x").post("/api/prompts/" + name + "/versions")
                    .then().statusCode(400).contentType("application/problem+json").body("type", equalTo("urn:oro:problem:bad-name"));
        }
        // A bare ".." segment is resolved by HTTP itself before routing, so it never names a prompt.
        for (String dots : List.of("..", "%2E%2E")) {
            given().urlEncodingEnabled(false).contentType("text/plain").body("x").post("/api/prompts/" + dots + "/versions")
                    .then().statusCode(404);
        }
        given().urlEncodingEnabled(false).contentType("application/json").body("{\"version\": 1}")
                .put("/api/prompts/summarize/labels/..%2F..%2Fx").then().statusCode(400).body("type", equalTo("urn:oro:problem:bad-label"));
        assertThat(Path.of(promptsDir).getParent().resolve("etc")).doesNotExist();
    }

    @Test
    void should_give_concurrent_creators_distinct_versions_or_a_conflict() throws Exception {
        given().contentType("text/plain").body("base").post("/api/prompts/contended/versions").then().statusCode(201);
        int clients = 8;
        ExecutorService pool = Executors.newFixedThreadPool(clients * 2);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Response>> appends = new ArrayList<>();
        List<Future<Response>> edits = new ArrayList<>();
        for (int i = 0; i < clients; i++) {
            String body = "append " + i;
            appends.add(pool.submit(() -> {
                start.await();
                return given().contentType("text/plain").body(body).post("/api/prompts/contended/versions");
            }));
            String edit = "edit of v1 number " + i;
            edits.add(pool.submit(() -> {
                start.await();
                return given().contentType("text/plain").body(edit).queryParam("baseVersion", 1).post("/api/prompts/contended/versions");
            }));
        }
        start.countDown();
        List<Integer> versions = new ArrayList<>();
        for (Future<Response> f : appends) {
            Response r = f.get();
            assertThat(r.statusCode()).isEqualTo(201);
            versions.add(r.jsonPath().getInt("version"));
        }
        int conflicts = 0;
        for (Future<Response> f : edits) {
            Response r = f.get();
            if (r.statusCode() == 409) {
                conflicts++;
                assertThat(r.jsonPath().getString("detail")).contains("nothing was written");
            } else {
                assertThat(r.statusCode()).isEqualTo(201);
                versions.add(r.jsonPath().getInt("version"));
            }
        }
        pool.shutdown();
        assertThat(versions).doesNotHaveDuplicates();
        assertThat(conflicts).isGreaterThanOrEqualTo(clients - 1);
        int total = 1 + versions.size();
        given().get("/api/prompts/contended").then().body("versions.size()", equalTo(total));
        // every accepted body is on disk exactly as sent
        List<String> texts = new ArrayList<>();
        for (int v = 1; v <= total; v++) {
            texts.add(Files.readString(Path.of(promptsDir, "contended", v + ".prompt")));
        }
        assertThat(texts).doesNotHaveDuplicates().contains("base", "append 0", "append 7");
    }

    @Test
    void should_move_labels() {
        given().contentType("text/plain").body("one").post("/api/prompts/labelled/versions").then().statusCode(201);
        given().contentType("text/plain").body("two").post("/api/prompts/labelled/versions").then().statusCode(201);
        given().contentType("application/json").body("{\"version\": 1}").put("/api/prompts/labelled/labels/staging")
                .then().statusCode(200).body("version", equalTo(1));
        given().get("/api/prompts/labelled/versions/staging").then().body("source", equalTo("one"));
        given().contentType("application/json").body("{\"version\": 2}").put("/api/prompts/labelled/labels/staging").then().statusCode(200);
        given().get("/api/prompts/labelled/versions/staging").then().body("source", equalTo("two"));
        given().contentType("application/json").body("{\"version\": 5}").put("/api/prompts/labelled/labels/staging")
                .then().statusCode(404);
        given().contentType("application/json").body("{\"version\": \"two\"}").put("/api/prompts/labelled/labels/staging")
                .then().statusCode(400).body("detail", containsString("version"));
        given().contentType("application/json").body("{}").put("/api/prompts/labelled/labels/staging")
                .then().statusCode(400).body("detail", equalTo("version must not be null"));
        given().delete("/api/prompts/labelled/labels/staging").then().statusCode(204);
        given().get("/api/prompts/labelled").then().body("labels", equalTo(java.util.Map.of()));
    }

    @Test
    void should_diff_two_versions() {
        given().queryParam("from", 1).queryParam("to", "production").get("/api/prompts/summarize/diff").then().statusCode(200)
                .body("from", equalTo(1)).body("to", equalTo(2))
                .body("frontMatter.path", hasItems("description", "tags"))
                .body("unified", containsString("+{#include context label=\"Text\" text=text /}"))
                .body("rows.tag", hasItems("equal", "change"));
        given().queryParam("from", 1).get("/api/prompts/summarize/diff").then().statusCode(400)
                .body("detail", containsString("'from' and 'to'"));
    }

    @Test
    void should_warn_about_a_version_edited_by_hand() throws Exception {
        given().contentType("text/plain").body("original").post("/api/prompts/handmade/versions").then().statusCode(201);
        given().get("/api/prompts/handmade/versions/1").then().body("editedByHand", equalTo(false)).body("warnings", equalTo(List.of()));
        Files.writeString(Path.of(promptsDir, "handmade", "1.prompt"), "quietly changed");
        given().get("/api/prompts/handmade/versions/1").then().body("editedByHand", equalTo(true))
                .body("warnings[0]", containsString("edited by hand"));
        given().contentType("application/json").body("{\"prompt\": \"handmade@1\"}").post("/api/render").then().statusCode(200)
                .body("warnings[0]", containsString("prompts/handmade/1.prompt was edited by hand"))
                .body("messages[0].content", equalTo("quietly changed"))
                .body("hash", not(equalTo(null)));
    }
}
