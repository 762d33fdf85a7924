package dev.oro.api;

import dev.oro.Oro;
import dev.oro.StarterLibrary;
import dev.oro.model.FakeJudge;
import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/**
 * The starter library plus the prompt {@code brief} (its context not delimited), the suite
 * {@code evals/brief.yaml} of twelve tests, a dataset {@code evals/examples.csv}, and the profile
 * {@code fake}: a model on loopback that answers {@code CORRECT} only when the prompt it gets has
 * triple quotes, so an ablation must find that GR3 helped.
 */
public class AblationLab implements QuarkusTestResourceLifecycleManager {

    private FakeJudge fake;

    @Override
    public Map<String, String> start() {
        try {
            fake = new FakeJudge();
            fake.when("\"\"\"", "CORRECT").otherwise("WRONG");
            Path root = Files.createTempDirectory("oro-ablations");
            Path prompts = StarterLibrary.copy(root.resolve("prompts"));
            Oro.library(prompts, Oro.renderer(prompts)).create("brief", "Summarize the text below.\n\n{text}", null);
            Path models = Files.createDirectories(root.resolve("models"));
            Files.writeString(models.resolve("fake.yaml"), fake.profile() + "concurrency: 4\n");
            Path evals = Files.createDirectories(root.resolve("evals"));
            StringBuilder yaml = new StringBuilder("description: briefs\nprompts: [brief]\nmodels: [fake]\ntests:\n");
            for (int i = 1; i <= 12; i++) {
                yaml.append("  - vars: {text: 'Memo ").append(i).append(".'}\n    assert: [{type: contains, value: CORRECT}]\n");
            }
            Files.writeString(evals.resolve("brief.yaml"), yaml.toString());
            Files.writeString(evals.resolve("examples.csv"), "text,expected\nThe meeting moved to Friday.,Meeting now on Friday.\n");
            Files.writeString(root.resolve("outside.yaml"), yaml.toString());
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
