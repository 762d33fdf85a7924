package dev.oro.model;

import static dev.oro.model.ChatProviderContract.COUNTING;
import static dev.oro.model.ChatProviderContract.countingRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Where Ollama is (OLLAMA_HOST, as the ollama CLI reads it) and which of its options reach it. */
class OllamaHostTest {

    @AutoClose
    static final FakeOllama FAKE = new FakeOllama();

    private static final ModelProfile NO_URL = TestProfiles.of("local", "provider: ollama", "model: " + FakeOllama.MODEL);

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @Test
    void should_reach_OLLAMA_HOST_given_without_a_scheme() {
        String host = "127.0.0.1:" + FAKE.server.port();

        OllamaProvider provider = new OllamaProvider(NO_URL, TestProfiles.KEYS, env(host));

        assertThat(provider.baseUrl()).isEqualTo("http://" + host);
        assertThat(provider.chat(countingRequest(GenerationParams.NONE), null).text()).isEqualTo(COUNTING);
        assertThat(FAKE.chatRequests()).hasSize(1);
    }

    @Test
    void should_reach_OLLAMA_HOST_given_as_a_url() {
        String url = "http://127.0.0.1:" + FAKE.server.port();

        OllamaProvider provider = new OllamaProvider(NO_URL, TestProfiles.KEYS, env(url + "/"));

        assertThat(provider.baseUrl()).isEqualTo(url);
        assertThat(provider.check().ready()).isTrue();
    }

    @Test
    void should_read_OLLAMA_HOST_as_the_ollama_cli_does() {
        assertThat(OllamaProvider.fromHost(null)).isEqualTo("http://localhost:11434");
        assertThat(OllamaProvider.fromHost(" ")).isEqualTo("http://localhost:11434");
        assertThat(OllamaProvider.fromHost("0.0.0.0:11434")).isEqualTo("http://0.0.0.0:11434");
        assertThat(OllamaProvider.fromHost("gpu-box")).isEqualTo("http://gpu-box:11434");
        assertThat(OllamaProvider.fromHost("[::1]:8080")).isEqualTo("http://[::1]:8080");
        assertThat(OllamaProvider.fromHost("https://ollama.example.com")).isEqualTo("https://ollama.example.com");
        assertThatThrownBy(() -> OllamaProvider.fromHost("bad host:x")).isInstanceOf(ModelException.class)
                .hasMessage("OLLAMA_HOST='bad host:x' is neither host[:port] nor a URL; unset it or fix it");
    }

    @Test
    void should_prefer_the_profile_base_url_to_OLLAMA_HOST() {
        ModelProfile profile = TestProfiles.ollama("local", FakeOllama.MODEL, FAKE.baseUrl());

        OllamaProvider provider = new OllamaProvider(profile, TestProfiles.KEYS, env("elsewhere:1"));

        assertThat(provider.baseUrl()).isEqualTo(FAKE.baseUrl());
    }

    @Test
    void should_send_ollama_options_from_params_plain_and_streamed() {
        OllamaProvider provider = new OllamaProvider(TestProfiles.ollama("local", FakeOllama.MODEL, FAKE.baseUrl()), TestProfiles.KEYS);
        GenerationParams params = GenerationParams.from(Map.of("temperature", 0.2, "topP", 0.9, "maxTokens", 3, "seed", 42,
                "stop", List.of("eleven"), "json", true, "num_ctx", 8192, "num_gpu", 0, "keep_alive", "10m", "frobnicate", 1));

        ProviderReply plain = provider.chat(countingRequest(params), null);
        ProviderReply streamed = provider.chat(countingRequest(params), token -> { });

        assertThat(List.of(plain, streamed)).allSatisfy(reply -> {
            assertThat(reply.text()).isEqualTo("one two three");
            assertThat(reply.finishReason()).isEqualTo("length");
        });
        assertThat(FAKE.chatBodies()).hasSize(2).allSatisfy(body -> {
            JsonNode options = body.path("options");
            assertThat(options.path("num_ctx").asInt()).isEqualTo(8192);
            assertThat(options.path("num_gpu").isInt()).isTrue();
            assertThat(options.path("num_gpu").asInt()).isZero();
            assertThat(options.path("seed").asInt()).isEqualTo(42);
            assertThat(options.path("num_predict").asInt()).isEqualTo(3);
            assertThat(options.path("temperature").asDouble()).isEqualTo(0.2);
            assertThat(options.path("top_p").asDouble()).isEqualTo(0.9);
            assertThat(options.path("stop").get(0).asText()).isEqualTo("eleven");
            assertThat(body.path("keep_alive").asText()).isEqualTo("10m");
            assertThat(body.path("format").asText()).isEqualTo("json");
            assertThat(body.toString()).doesNotContain("frobnicate");
        });
    }

    private static Function<String, String> env(String ollamaHost) {
        return name -> "OLLAMA_HOST".equals(name) ? ollamaHost : null;
    }
}
