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
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Runs the packaged app through the {@code ./oro} launcher, as a separate process, as users do. */
class LauncherIT {

    @TempDir
    Path work;

    record Result(int code, String out, String err) {
    }

    Result oro(String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of(Path.of("oro").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(work.toFile())
                .redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(work.resolve("out.txt")), Files.readString(work.resolve("err.txt")));
    }

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
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = new ProcessBuilder(Path.of("oro").toAbsolutePath().toString(), "serve", "--port", String.valueOf(port))
                .directory(work.toFile()).redirectErrorStream(true).redirectOutput(work.resolve("server.log").toFile()).start();
        try {
            HttpClient http = HttpClient.newHttpClient();
            String base = "http://127.0.0.1:" + port;
            HttpResponse<String> prompts = null;
            for (int i = 0; i < 300 && prompts == null; i++) {
                try {
                    prompts = http.send(HttpRequest.newBuilder(URI.create(base + "/api/prompts")).build(), HttpResponse.BodyHandlers.ofString());
                } catch (IOException notYet) {
                    Thread.sleep(100);
                }
            }
            assertThat(prompts).as(Files.readString(work.resolve("server.log"))).isNotNull();
            assertThat(prompts.statusCode()).isEqualTo(200);
            assertThat(prompts.body()).contains("\"name\":\"summarize\"");
            HttpResponse<String> render = http.send(HttpRequest.newBuilder(URI.create(base + "/api/render"))
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString("{\"prompt\":\"summarize@production\",\"variables\":{\"text\":\"hi\"}}"))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(render.statusCode()).isEqualTo(200);
            assertThat(render.body()).contains("\"version\":2", "Text: \\\"\\\"\\\"\\nhi\\n\\\"\\\"\\\"");
            HttpResponse<String> page = http.send(HttpRequest.newBuilder(URI.create(base + "/")).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(page.body()).contains("<td class=\"name\">summarize</td>");
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
}
