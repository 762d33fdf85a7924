package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.Oro;
import dev.oro.library.PromptLibrary;
import dev.oro.render.Renderer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The playground (what POST /api/complete and ./oro run call) running one prompt on every
 * remote provider kind side by side, each against a fake of its vendor's wire format.
 * The in-process kind is covered end to end by CompletionResourceTest and LauncherIT.
 */
class CompletionsEveryProviderTest {

    @Test
    void should_run_one_prompt_on_every_provider_kind_side_by_side(@TempDir Path dir) throws Exception {
        try (FakeOpenAi openai = new FakeOpenAi(); FakeOllama ollama = new FakeOllama(); FakeAnthropic anthropic = new FakeAnthropic();
                FakeGemini gemini = new FakeGemini()) {
            Path models = Files.createDirectories(dir.resolve("models"));
            Files.writeString(models.resolve("openai.yaml"), "provider: openai\nmodel: " + FakeOpenAi.MODEL + "\nbaseUrl: " + openai.baseUrl() + "\n");
            Files.writeString(models.resolve("ollama.yaml"), "provider: ollama\nmodel: " + FakeOllama.MODEL + "\nbaseUrl: " + ollama.baseUrl() + "\n");
            Files.writeString(models.resolve("anthropic.yaml"), "provider: anthropic\nmodel: " + FakeAnthropic.MODEL + "\nbaseUrl: "
                    + anthropic.baseUrl() + "\napiKey: ${ORO_FAKE_KEY}\n");
            Files.writeString(models.resolve("gemini.yaml"), "provider: gemini\nmodel: " + FakeGemini.MODEL + "\nbaseUrl: "
                    + gemini.baseUrl() + "\napiKey: ${ORO_FAKE_KEY}\n");
            ExecutorService executor = Oro.modelExecutor();
            Secrets keys = Secrets.of(Map.of("ORO_FAKE_KEY", "fake-key-123"));
            ProviderFactory factory = new ProviderFactory(keys, ModelFiles.defaults());
            try (ModelRegistry registry = new ModelRegistry(models, factory::create, factory::precheck, executor)) {
                Renderer renderer = Oro.renderer(dir.resolve("prompts"));
                PromptLibrary library = Oro.library(dir.resolve("prompts"), renderer);
                library.create("count", "system:\nYou count.\nuser:\nCount to {n}.", null);
                Completions completions = new Completions(library, renderer, registry, executor);
                List<String> streamed = Collections.synchronizedList(new ArrayList<>());
                Completions.Result result = completions.complete(new Completions.Request("count@1", null, Map.of("n", "ten"),
                        List.of("openai", "ollama", "anthropic", "gemini"), Map.of("temperature", 0)), new Completions.Listener() {
                            @Override
                            public void token(String model, String text) {
                                streamed.add(model);
                            }

                            @Override
                            public void done(Completions.Output output) {
                            }
                        });
                assertThat(result.outputs()).extracting(Completions.Output::model).containsExactly("openai", "ollama", "anthropic", "gemini");
                assertThat(result.outputs()).allSatisfy(o -> {
                    assertThat(o.error()).as(o.model()).isNull();
                    assertThat(o.text().strip()).isEqualTo(ChatProviderContract.COUNTING);
                    assertThat(o.finishReason()).isEqualTo("stop");
                    assertThat(o.usage().outputTokens()).isPositive();
                    assertThat(o.firstTokenMs()).isNotNull();
                    assertThat(o.modelIdentity()).isNotBlank();
                });
                assertThat(streamed).contains("openai", "ollama", "anthropic", "gemini");
                assertThat(result.messages().get(1).content()).isEqualTo("Count to ten.");
            } finally {
                executor.shutdownNow();
            }
        }
    }
}
