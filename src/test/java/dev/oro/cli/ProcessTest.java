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

/** What the process-level tests share: a working directory, and {@code ./oro} launched in it as users launch it. */
abstract class ProcessTest {

    @TempDir
    Path work;

    /** Added to the launched processes' environment, e.g. ORO_DB_URL. */
    Map<String, String> env = Map.of();

    record Result(int code, String out, String err) {
    }

    ProcessBuilder launch(String... args) {
        List<String> command = new ArrayList<>(List.of(Path.of("oro").toAbsolutePath().toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).directory(work.toFile());
        builder.environment().putAll(env);
        return builder;
    }

    Result oro(String... args) throws Exception {
        Process p = launch(args).redirectOutput(work.resolve("out.txt").toFile()).redirectError(work.resolve("err.txt").toFile()).start();
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        return new Result(p.exitValue(), Files.readString(work.resolve("out.txt")), Files.readString(work.resolve("err.txt")));
    }

    /** A started {@code ./oro serve} and the first answer of {@code GET path}. */
    record Server(Process process, String base, HttpResponse<String> first) {
    }

    Server serve(String log, String path) throws Exception {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        Process server = launch("serve", "--port", String.valueOf(port)).redirectErrorStream(true)
                .redirectOutput(work.resolve(log).toFile()).start();
        String base = "http://127.0.0.1:" + port;
        HttpResponse<String> first = null;
        for (int i = 0; i < 300 && first == null; i++) {
            try {
                first = HTTP.send(HttpRequest.newBuilder(URI.create(base + path)).build(), HttpResponse.BodyHandlers.ofString());
            } catch (IOException notYet) {
                Thread.sleep(100);
            }
        }
        assertThat(first).as(Files.readString(work.resolve(log))).isNotNull();
        return new Server(server, base, first);
    }

    static final HttpClient HTTP = HttpClient.newHttpClient();

    void writeBigSuite(dev.oro.model.FakeOpenAi fake) throws IOException {
        Files.createDirectories(work.resolve("models"));
        Files.writeString(work.resolve("models/fake.yaml"), "provider: openai\nmodel: " + dev.oro.model.FakeOpenAi.MODEL
                + "\nbaseUrl: " + fake.url() + "\nconcurrency: 2\nmaxRetries: 0\n");
        StringBuilder suite = new StringBuilder("prompts: [summarize@production]\nmodels: [fake]\ntests:\n");
        for (int i = 0; i < 40; i++) {
            suite.append("  - vars: {text: \"text number ").append(i).append("\"}\n    assert: [{type: contains, value: one}]\n");
        }
        Files.createDirectories(work.resolve("evals"));
        Files.writeString(work.resolve("evals/big.yaml"), suite.toString());
    }
}
