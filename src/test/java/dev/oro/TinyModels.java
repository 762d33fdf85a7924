package dev.oro;

import dev.oro.model.TinyGguf;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * A library and a models folder for tests that run real models: {@code tiny} is the
 * generated llama-architecture GGUF (it counts from one to ten), {@code down} an OpenAI
 * profile whose server is not there.
 */
public class TinyModels implements QuarkusTestResourceLifecycleManager {

    public static Path writeModels(Path dir) throws IOException {
        Files.createDirectories(dir);
        Path gguf = TinyGguf.write(dir.resolve("tiny.gguf"));
        Files.writeString(dir.resolve("tiny.yaml"), "provider: llama-cpp\npath: " + gguf + "\ncontextSize: 2048\n");
        Files.writeString(dir.resolve("down.yaml"), "provider: openai\nmodel: gpt-test\nbaseUrl: http://127.0.0.1:1/v1\n"
                + "apiKey: ${ORO_TEST_UNSET_KEY}\nmaxRetries: 0\ntimeout: 5s\n");
        return dir;
    }

    @Override
    public Map<String, String> start() {
        try {
            Path root = Files.createTempDirectory("oro-models");
            Path prompts = StarterLibrary.copy(root.resolve("prompts"));
            Path models = writeModels(root.resolve("models"));
            return Map.of("oro.prompts-dir", prompts.toString(), "oro.models-dir", models.toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
    }
}
