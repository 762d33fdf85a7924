package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.OroException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ProfileLoaderTest {

    @Test
    void should_read_a_full_profile() {
        ModelProfile p = ProfileLoader.parse("openai", """
                provider: openai
                model: gpt-4o-mini
                baseUrl: https://api.openai.com/v1
                apiKey: ${OPENAI_API_KEY}
                params:
                  temperature: 0.2
                  maxTokens: 256
                concurrency: 8
                timeout: 45s
                maxRetries: 0
                pricing: {input: 0.15, output: 0.6}
                """, "models/openai.yaml");
        assertThat(p.provider()).isEqualTo("openai");
        assertThat(p.apiKeyVariable()).isEqualTo("OPENAI_API_KEY");
        assertThat(p.concurrency()).isEqualTo(8);
        assertThat(p.timeout()).isEqualTo(Duration.ofSeconds(45));
        assertThat(p.maxRetries()).isZero();
        assertThat(p.pricing()).isEqualTo(new Pricing(0.15, 0.6));
        assertThat(p.defaults().temperature()).isEqualTo(0.2);
        assertThat(p.defaults().maxTokens()).isEqualTo(256);
    }

    @Test
    void should_default_concurrency_and_timeout_by_kind_of_provider() {
        ModelProfile local = ProfileLoader.parse("local", "provider: llama-cpp\npath: /models/tiny.gguf\n", "models/local.yaml");
        assertThat(local.concurrency()).isEqualTo(1);
        assertThat(local.timeout()).isEqualTo(Duration.ofMinutes(10));
        assertThat(local.model()).isEqualTo("tiny.gguf");
        assertThat(local.maxRetries()).isEqualTo(3);
        ModelProfile ollama = ProfileLoader.parse("o", "provider: ollama\nmodel: llama3.2\n", "models/o.yaml");
        assertThat(ollama.concurrency()).isEqualTo(1);
        ModelProfile remote = ProfileLoader.parse("a", "provider: anthropic\nmodel: claude\napiKey: ${ANTHROPIC_API_KEY}\n", "models/a.yaml");
        assertThat(remote.concurrency()).isEqualTo(4);
        assertThat(remote.timeout()).isEqualTo(Duration.ofSeconds(120));
    }

    @Test
    void should_refuse_a_literal_api_key_without_echoing_it() {
        assertThatThrownBy(() -> ProfileLoader.parse("x", "provider: openai\nmodel: m\napiKey: sk-live-abcdef123456\n", "models/x.yaml"))
                .isInstanceOf(OroException.class)
                .hasMessage("models/x.yaml line 3: field 'apiKey' must be a reference such as ${OPENAI_API_KEY}; keys never go in profile files")
                .hasMessageNotContaining("sk-live");
    }

    @Test
    void should_name_file_line_and_field_of_mistakes() {
        assertThatThrownBy(() -> ProfileLoader.parse("x", "provider: openai\nmodel: m\nconcurency: 2\n", "models/x.yaml"))
                .hasMessageStartingWith("models/x.yaml line 3: unknown field 'concurency'");
        assertThatThrownBy(() -> ProfileLoader.parse("x", "provider: gpt\nmodel: m\n", "models/x.yaml"))
                .hasMessage("models/x.yaml line 1: field 'provider' must be one of llama-cpp, ollama, openai, anthropic, gemini, got 'gpt'");
        assertThatThrownBy(() -> ProfileLoader.parse("x", "provider: openai\nmodel: m\ntimeout: soon\n", "models/x.yaml"))
                .hasMessage("models/x.yaml line 3: field 'timeout' must be a duration above zero such as 90s, 500ms or 5m, got 'soon'");
        assertThatThrownBy(() -> ProfileLoader.parse("x", "provider: openai\nmodel: m\nparams:\n  temperature: 3\n", "models/x.yaml"))
                .hasMessage("models/x.yaml line 4: field 'params.temperature' must be a number from 0 to 2, got 3");
        assertThatThrownBy(() -> ProfileLoader.parse("x", "provider: llama-cpp\nurl: https://example.org/m.gguf\n", "models/x.yaml"))
                .hasMessageContaining("'sha256' is required with 'url'");
        assertThatThrownBy(() -> ProfileLoader.parse("x", "provider: openai\nmodel: m\nmaxRetries: -1\n", "models/x.yaml"))
                .hasMessageContaining("line 3: field 'maxRetries' must be 0");
        assertThatThrownBy(() -> ProfileLoader.parse("x", "provider: openai\n  model: [\n", "models/x.yaml"))
                .hasMessageStartingWith("models/x.yaml line ");
    }

    @Test
    void should_accept_the_usual_duration_forms() {
        assertThat(ProfileLoader.duration("500ms", "f", 1)).isEqualTo(Duration.ofMillis(500));
        assertThat(ProfileLoader.duration(90, "f", 1)).isEqualTo(Duration.ofSeconds(90));
        assertThat(ProfileLoader.duration("5m", "f", 1)).isEqualTo(Duration.ofMinutes(5));
        assertThat(ProfileLoader.duration("PT2M", "f", 1)).isEqualTo(Duration.ofMinutes(2));
    }

    @Test
    void should_load_every_profile_of_a_folder(@TempDir Path dir) throws Exception {
        Files.writeString(dir.resolve("local.yaml"), "provider: llama-cpp\npath: /m.gguf\n");
        Files.writeString(dir.resolve("gpu.yml"), "provider: ollama\nmodel: qwen2.5:7b\nparams:\n  num_ctx: 8192\n");
        Files.writeString(dir.resolve("README.md"), "not a profile");
        Map<String, ModelProfile> all = ProfileLoader.loadAll(dir);
        assertThat(all).containsOnlyKeys("local", "gpu");
        assertThat(all.get("gpu").defaults().extra()).containsEntry("num_ctx", 8192);
    }

    @Test
    void should_resolve_keys_from_the_environment_only() {
        ModelProfile p = ProfileLoader.parse("x", "provider: openai\nmodel: m\napiKey: ${MY_KEY}\n", "models/x.yaml");
        assertThat(Secrets.of(Map.of("MY_KEY", "k-123456")).resolve(p)).isEqualTo("k-123456");
        assertThatThrownBy(() -> Secrets.of(Map.of()).resolve(p))
                .hasMessage("profile 'x' takes its API key from MY_KEY, which is not set; export MY_KEY=... and try again");
        assertThat(Secrets.redact("the key k-123456 leaked")).isEqualTo("the key *** leaked");
    }
}
