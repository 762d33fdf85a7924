package dev.oro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.StarterLibrary;
import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged app through the {@code ./oro} launcher, as a separate process, as users do. */
class LauncherIT extends ProcessTest {

    @Test
    void should_render_the_starter_library_from_the_working_directory() throws Exception {
        StarterLibrary.copy(work.resolve("prompts"));
        Result r = oro("render", "qa-with-context@production", "--var", "question=Who wrote it?", "--var", "context=Austen wrote it.");
        assertThat(r.err()).isEmpty();
        assertThat(r.code()).isZero();
        assertThat(r.out()).contains("If no answer is found, return \"No answer\".", "Question: \"\"\"Who wrote it?\"\"\"");
        Result missing = oro("render", "qa-with-context@production");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).isEqualTo("oro: missing variables question, context for prompts/qa-with-context/2.prompt\n");
        assertThat(oro("render").code()).isEqualTo(2);
    }

    @Test
    void should_serve_the_api_and_the_first_page() throws Exception {
        StarterLibrary.copy(work.resolve("prompts"));
        Server started = serve("server.log", "/api/prompts");
        Process server = started.process();
        try {
            HttpClient http = HTTP;
            String base = started.base();
            HttpResponse<String> prompts = started.first();
            assertThat(prompts.statusCode()).isEqualTo(200);
            assertThat(prompts.body()).contains("\"name\":\"summarize\"");
            HttpResponse<String> render = http.send(HttpRequest.newBuilder(URI.create(base + "/api/render"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"summarize@production\",\"variables\":{\"text\":\"hi\"}}"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(render.statusCode()).isEqualTo(200);
            assertThat(render.body()).contains("\"version\":2", "Text: \\\"\\\"\\\"\\nhi\\n\\\"\\\"\\\"");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("<a href=\"/prompts/summarize\">summarize</a>");
            // the database was created under the working directory's .oro
            assertThat(work.resolve(".oro/oro.mv.db")).exists();
        } finally {
            server.destroy();
            server.waitFor(20, TimeUnit.SECONDS);
        }
        assertThat(Files.readString(work.resolve("server.log"), StandardCharsets.UTF_8)).doesNotContain("Exception");
    }

    @Test
    void should_run_a_prompt_on_the_tiny_local_model_and_list_models() throws Exception {
        StarterLibrary.copy(work.resolve("prompts"));
        dev.oro.TinyModels.writeModels(work.resolve("models"));
        Result run = oro("run", "summarize@production", "--model", "tiny", "--var", "text=Count.");
        assertThat(run.code()).as(run.err()).isZero();
        assertThat(run.out().strip()).isEqualTo(dev.oro.model.ChatProviderContract.COUNTING);
        assertThat(run.err()).contains("[tiny] stop · ", " · sha256:");
        Result models = oro("models");
        assertThat(models.code()).isZero();
        assertThat(models.out()).containsPattern("tiny\\s+llama-cpp\\s+tiny.gguf\\s+yes").containsPattern("down\\s+openai\\s+gpt-test\\s+no");
        Result down = oro("run", "summarize", "-m", "down", "--var", "text=x");
        assertThat(down.code()).isEqualTo(1);
        assertThat(down.err()).contains("oro: down: profile 'down' takes its API key from ORO_TEST_UNSET_KEY");
    }

    @Test
    void should_run_the_offline_smoke_suite_then_answer_again_from_the_cache() throws Exception {
        StarterLibrary.copy(work.resolve("prompts"));
        dev.oro.TinyModels.writeModels(work.resolve("models"));
        Files.createDirectories(work.resolve("evals"));
        Files.copy(Path.of("evals/smoke.yaml"), work.resolve("evals/smoke.yaml"));
        Result first = oro("eval", "evals/smoke.yaml", "-m", "tiny", "--no-progress", "-o", "out/first.json", "-o", "out/first.xml");
        assertThat(first.code()).as(first.err()).isZero();
        assertThat(first.out()).contains("VARIANT", "summarize@2 · tiny", "100.0%");
        assertThat(first.err()).contains("8 cases, 8 passed, 0 failed, 0 errors");
        String json = Files.readString(work.resolve("out/first.json"));
        assertThat(json).contains("\"cases\" : 8", "\"cached\" : false", dev.oro.model.ChatProviderContract.COUNTING);
        assertThat(Files.readString(work.resolve("out/first.xml"))).contains("<testsuite name=\"math-word-problem@2 · tiny\" tests=\"2\" failures=\"0\"");
        Result second = oro("eval", "evals/smoke.yaml", "-m", "tiny", "--no-progress", "-o", "out/second.json");
        assertThat(second.code()).isZero();
        String cached = Files.readString(work.resolve("out/second.json"));
        assertThat(cached).contains("\"cached\" : true").doesNotContain("\"cached\" : false");
        Result runs = oro("runs");
        assertThat(runs.out().lines().filter(l -> l.contains("completed"))).hasSize(2);
        // the deck's two knobs: each temperature is a variant, and repeats show consistency (pass^k)
        Result swept = oro("eval", "evals/smoke.yaml", "-m", "tiny", "--no-progress", "--sweep", "temperature=0,1", "--repeat", "2");
        assertThat(swept.code()).as(swept.err()).isZero();
        assertThat(swept.out()).contains("summarize@2 · tiny · temperature=0", "summarize@2 · tiny · temperature=1", "pass^2");
        Result badSweep = oro("eval", "evals/smoke.yaml", "-m", "tiny", "--sweep", "temperature=0,9");
        assertThat(badSweep.code()).isEqualTo(1);
        assertThat(badSweep.err()).contains("--sweep temperature=0,9: 'temperature' must be a number from 0 to 2, got 9");
    }

    @Test
    void should_exit_100_when_an_assertion_fails_and_name_bad_suites() throws Exception {
        StarterLibrary.copy(work.resolve("prompts"));
        dev.oro.TinyModels.writeModels(work.resolve("models"));
        Files.createDirectories(work.resolve("evals"));
        Files.writeString(work.resolve("evals/fail.yaml"), "prompts: [poem@1]\nmodels: [tiny]\ntests:\n  - assert:\n"
                + "      - type: contains\n        value: eleven\n");
        Result failing = oro("eval", "evals/fail.yaml", "--no-progress");
        assertThat(failing.code()).as(failing.err()).isEqualTo(100);
        assertThat(failing.err()).contains("1 cases, 0 passed, 1 failed, 0 errors");
        Files.writeString(work.resolve("evals/bad.yaml"), "prompts: [poem@1]\nmodels: [tiny]\ntests:\n  - assert:\n      - type: containz\n");
        Result bad = oro("eval", "evals/bad.yaml", "--no-progress");
        assertThat(bad.code()).isEqualTo(1);
        assertThat(bad.err()).startsWith("oro: evals/bad.yaml line 5 (tests[0].assert[0]): unknown assertion type 'containz'");
        assertThat(bad.err()).doesNotContain("\tat ");
    }

    @Test
    void should_resume_a_run_killed_midway_with_every_case_exactly_once() throws Exception {
        resumeARunKilledMidway();
        assertThat(work.resolve(".oro/oro.mv.db")).exists();
    }

    @Test
    void should_resume_a_run_killed_midway_on_postgresql_with_every_case_exactly_once() throws Exception {
        env = dev.oro.store.TestPostgres.freshSchema("oro_launcher_it");
        resumeARunKilledMidway();
        assertThat(work.resolve(".oro/oro.mv.db")).doesNotExist();
    }

    void resumeARunKilledMidway() throws Exception {
        StarterLibrary.copy(work.resolve("prompts"));
        try (dev.oro.model.FakeOpenAi fake = new dev.oro.model.FakeOpenAi()) {
            fake.latency(100);
            writeBigSuite(fake);
            Process run = launch("eval", "evals/big.yaml", "--no-progress").redirectErrorStream(true).redirectOutput(work.resolve("killed.log").toFile()).start();
            for (int i = 0; i < 600 && fake.chatCount() < 10; i++) {
                Thread.sleep(50);
            }
            assertThat(fake.chatCount()).as(Files.readString(work.resolve("killed.log"))).isGreaterThanOrEqualTo(10);
            run.destroyForcibly(); // SIGKILL: no shutdown hook, no cleanup
            run.waitFor(30, TimeUnit.SECONDS);
            assertThat(fake.chatCount()).isLessThan(40);
            Result runs = oro("runs");
            String runId = runs.out().lines().filter(l -> l.contains("running")).findFirst().orElseThrow().split("\\s+")[0];
            Result resumed = oro("eval", "evals/big.yaml", "--resume", runId, "--no-progress", "-o", "resumed.json");
            assertThat(resumed.code()).as(resumed.err()).isZero();
            assertThat(resumed.err()).contains("run " + runId + ": 40 cases, 40 passed, 0 failed, 0 errors");
            com.fasterxml.jackson.databind.JsonNode results = new com.fasterxml.jackson.databind.ObjectMapper()
                    .readTree(work.resolve("resumed.json").toFile()).get("results");
            java.util.Set<String> keys = new java.util.HashSet<>();
            results.forEach(r -> keys.add(r.get("caseKey").asText()));
            assertThat(results.size()).isEqualTo(40);
            assertThat(keys).hasSize(40);
            // at most the two requests in flight at the kill are made twice
            assertThat(fake.chatCount()).isBetween(40, 42);
        }
    }
}
