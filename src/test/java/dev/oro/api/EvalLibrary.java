package dev.oro.api;

import dev.oro.Oro;
import dev.oro.StarterLibrary;
import dev.oro.model.FakeOpenAi;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The starter library plus a prompt {@code count}, an evals folder with the suite
 * {@code evals/count.yaml}, a profile {@code fake} on a fake OpenAI server (its model counts to
 * ten, slowly enough to watch progress) and a data folder of their own, so runs and the
 * response cache start empty.
 */
public class EvalLibrary implements QuarkusTestResourceLifecycleManager {

    private FakeOpenAi fake;

    @Override
    public Map<String, String> start() {
        try {
            fake = new FakeOpenAi();
            fake.latency(150);
            Path root = Files.createTempDirectory("oro-evals");
            Path prompts = StarterLibrary.copy(root.resolve("prompts"));
            Oro.library(prompts, Oro.renderer(prompts)).create("count", "Count from one to {n}.", null);
            Path models = Files.createDirectories(root.resolve("models"));
            Files.writeString(models.resolve("fake.yaml"), "provider: openai\nmodel: " + FakeOpenAi.MODEL + "\nbaseUrl: " + fake.url()
                    + "\nmaxRetries: 0\nconcurrency: 4\n");
            Path evals = Files.createDirectories(root.resolve("evals"));
            String suite;
            try (InputStream in = EvalLibrary.class.getResourceAsStream("/evals/count.yaml")) {
                suite = new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
            Files.writeString(evals.resolve("count.yaml"), suite);
            Files.writeString(evals.resolve("bad.yaml"), "description: broken\nprompts: [summarize@production\nmodels: [fake]\n");
            Files.writeString(evals.resolve("ghost.yaml"), suite.replace("models: [fake]", "models: [ghost]"));
            Files.writeString(root.resolve("outside.yaml"), suite);
            return Map.of("oro.prompts-dir", prompts.toString(), "oro.models-dir", models.toString(), "oro.evals-dir", evals.toString(),
                    "oro.data-dir", root.resolve("data").toString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public void stop() {
        if (fake != null) {
            fake.close();
        }
    }
}
