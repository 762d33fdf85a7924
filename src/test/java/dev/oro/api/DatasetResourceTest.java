package dev.oro.api;

import static io.restassured.RestAssured.given;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;

import dev.oro.OroConfig;
import dev.oro.dataset.ExportFormats;
import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.path.json.JsonPath;
import jakarta.inject.Inject;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Drafting, annotating and exporting over HTTP, against the fake model servers of {@link DatasetLibrary}. */
@QuarkusTest
@WithTestResource(DatasetLibrary.class)
class DatasetResourceTest {

    @Inject
    OroConfig config;

    String export(String id, String format, boolean onlyAccepted) {
        var request = given().queryParam("format", format);
        if (onlyAccepted) {
            request = request.queryParam("only", "accepted");
        }
        return request.get("/api/runs/" + id + "/export").then().statusCode(200)
                .header("Content-Disposition", containsString("run-" + id + "-" + format)).extract().asString();
    }

    @Test
    void should_export_a_run_in_every_format_and_only_what_was_accepted() {
        String id = DatasetLibrary.finishedRun();
        assertThat(ExportFormats.openAiChat(export(id, "openai-chat", false))).hasSize(6);
        assertThat(ExportFormats.argilla(export(id, "argilla", false))).hasSize(6);
        assertThat(ExportFormats.hf(export(id, "hf", false))).hasSize(6);
        assertThat(ExportFormats.csv(export(id, "csv", false))).hasSize(6)
                .allSatisfy(r -> assertThat(r.get("model_identity")).isEqualTo("gpt-fake-2025-01-01"));

        String queue = given().formParam("source", "run:" + id).formParam("filter", "failures").redirects().follow(false)
                .post("/annotate/queues").then().statusCode(303).extract().header("Location").replaceAll(".*/annotate/([^/]+)/1$", "$1");
        given().formParam("action", "edit").formParam("ideal", "one two three four").redirects().follow(false)
                .post("/annotate/" + queue + "/1").then().statusCode(303).header("Location", containsString("/annotate/" + queue + "/2"));
        given().formParam("action", "reject").redirects().follow(false).post("/annotate/" + queue + "/2").then().statusCode(303);

        List<com.fasterxml.jackson.databind.JsonNode> accepted = ExportFormats.openAiChat(export(id, "openai-chat", true));
        assertThat(accepted).singleElement().satisfies(l -> {
            assertThat(l.at("/messages/0/content").asText()).startsWith("Count from one to");
            assertThat(l.at("/messages/1/content").asText()).isEqualTo("one two three four");
        });
        assertThat(export(id, "csv", false)).doesNotContain("apiKey", "Authorization");
    }

    @Test
    void should_refuse_bad_export_requests_with_a_problem() {
        given().queryParam("format", "xml").get("/api/runs/nope/export").then().statusCode(400)
                .contentType("application/problem+json").body("detail", equalTo("unknown export format 'xml' (formats: openai-chat, argilla, hf, csv)"));
        given().queryParam("format", "hf").get("/api/runs/nope/export").then().statusCode(404).body("detail", equalTo("no run with id 'nope'"));
        given().queryParam("format", "hf").queryParam("suite", "../outside.yaml").get("/api/suites/export").then().statusCode(400)
                .body("detail", containsString("must name a file inside the evals folder"));
    }

    @Test
    void should_draft_count_and_write_a_new_file_then_export_accepted_drafts() throws Exception {
        JsonPath report = given().contentType("application/json")
                .body(Map.of("prompt", "qa-with-context@2", "model", "drafter", "count", 5, "file", "data/qa-api-drafts.yaml"))
                .post("/api/drafts").then().statusCode(201).extract().jsonPath();
        assertThat(report.getInt("asked")).isEqualTo(5);
        assertThat(report.getInt("received")).isEqualTo(6);
        assertThat(report.getInt("invalid")).isEqualTo(1);
        assertThat(report.getInt("duplicates")).isEqualTo(1);
        assertThat(report.getInt("nearDuplicates")).isEqualTo(1);
        assertThat(report.getInt("written")).isEqualTo(3);
        assertThat(report.getList("reasons", String.class)).contains("draft 3: missing variable 'context'");
        assertThat(report.getString("file")).isEqualTo("evals/data/qa-api-drafts.yaml");
        Path file = Path.of(config.evalsDir()).resolve("data/qa-api-drafts.yaml");
        String written = Files.readString(file);

        given().contentType("application/json")
                .body(Map.of("prompt", "qa-with-context@2", "model", "drafter", "count", 5, "file", "data/qa-api-drafts.yaml"))
                .post("/api/drafts").then().statusCode(409).body("detail", containsString("already exists; nothing was written"));
        assertThat(Files.readString(file)).isEqualTo(written);
        given().contentType("application/json").body(Map.of("prompt", "qa-with-context@2", "model", "drafter"))
                .post("/api/drafts").then().statusCode(400).body("detail", containsString("'count'"));

        // Accept the first draft through the queue: it now counts in a suite that lists the file.
        Files.writeString(Path.of(config.evalsDir()).resolve("qa-drafts.yaml"),
                "prompts: [qa-with-context@2]\nmodels: [fake]\ntests: [data/qa-api-drafts.yaml]\n");
        given().queryParam("format", "hf").queryParam("suite", "qa-drafts.yaml").get("/api/suites/export").then().statusCode(400)
                .body("detail", containsString("its 3 drafted tests count once accepted"));
        String queue = given().formParam("source", "drafts:data/qa-api-drafts.yaml").redirects().follow(false)
                .post("/annotate/queues").then().statusCode(303).extract().header("Location").replaceAll(".*/annotate/([^/]+)/1$", "$1");
        given().get("/annotate/" + queue + "/1").then().statusCode(200).body(containsString("Who founded Oro?"));
        given().formParam("action", "accept").redirects().follow(false).post("/annotate/" + queue + "/1").then().statusCode(303);
        assertThat(Files.readString(file)).isEqualTo(written.replaceFirst("status: \"draft\"", "status: \"accepted\""));
        String hf = given().queryParam("format", "hf").queryParam("suite", "qa-drafts.yaml").queryParam("only", "accepted")
                .get("/api/suites/export").then().statusCode(200).extract().asString();
        assertThat(ExportFormats.hf(hf)).singleElement().satisfies(l -> assertThat(l.at("/completion/0/content").asText()).isEqualTo("Ana"));
    }
}
