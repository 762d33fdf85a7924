package dev.oro.web;

import dev.oro.StarterLibrary;
import dev.oro.model.FakeOpenAi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The starter library and five profiles for the playground: {@code fake} (a fake OpenAI server
 * whose model counts to ten, with prices), {@code free} (the same server, no prices),
 * {@code xss} (a fake whose model answers with markup), {@code slow} (a fake that takes 20 s) and {@code down} (nothing listens).
 * The tests read what the fakes received through WireMock's admin API at the profile's URL.
 */
public class PlaygroundLibrary implements QuarkusTestResourceLifecycleManager {

    static final String XSS = "<script>document.title='pwned'</script> <b>bold</b> & done";

    private FakeOpenAi counting;
    private FakeOpenAi markup;
    private FakeOpenAi slow;

    @Override
    public Map<String, String> start() {
        try {
            counting = new FakeOpenAi();
            counting.latency(100);
            markup = new FakeOpenAi();
            markup.say(XSS);
            slow = new FakeOpenAi();
            slow.latency(20_000);
            Path root = Files.createTempDirectory("oro-playground");
            Path prompts = StarterLibrary.copy(root.resolve("prompts"));
            Path models = Files.createDirectories(root.resolve("models"));
            Files.writeString(models.resolve("fake.yaml"), counting.profile() + "pricing: {input: 1.5, output: 2.0}\n");
            Files.writeString(models.resolve("free.yaml"), counting.profile());
            Files.writeString(models.resolve("xss.yaml"), markup.profile());
            Files.writeString(models.resolve("slow.yaml"), slow.profile());
            Files.writeString(models.resolve("down.yaml"), "provider: openai\nmodel: gpt-test\nbaseUrl: http://127.0.0.1:1/v1\n"
                    + "maxRetries: 0\ntimeout: 5s\n");
            return Map.of("oro.prompts-dir", prompts.toString(), "oro.models-dir", models.toString(),
                    "oro.data-dir", root.resolve("data").toString(), "fake.url", counting.url());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (counting != null) {
            counting.close();
        }
        if (markup != null) {
            markup.close();
        }
        if (slow != null) {
            slow.close();
        }
    }
}
