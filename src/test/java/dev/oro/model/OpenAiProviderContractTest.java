package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpenAiProviderContractTest extends ChatProviderContract {

    @AutoClose
    static final FakeOpenAi FAKE = new FakeOpenAi();

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @Override
    protected ChatProvider provider() {
        return new OpenAiProvider(TestProfiles.openAi("gpt", FAKE.baseUrl()), TestProfiles.KEYS);
    }

    @Test
    void should_send_the_key_and_the_params_in_openai_fields() {
        provider().chat(countingRequest(GenerationParams.from(Map.of("temperature", 0.5, "topP", 0.9, "maxTokens", 50, "seed", 7,
                "stop", List.of("eleven"), "json", true))), null);

        assertThat(FAKE.chatRequests().get(0).getHeader("Authorization")).isEqualTo("Bearer sk-test-openai");
        JsonNode body = FAKE.chatBodies().get(0);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("system");
        assertThat(body.path("temperature").asDouble()).isEqualTo(0.5);
        assertThat(body.path("top_p").asDouble()).isEqualTo(0.9);
        assertThat(body.path("max_tokens").asInt()).isEqualTo(50);
        assertThat(body.path("seed").asInt()).isEqualTo(7);
        assertThat(body.path("stop").get(0).asText()).isEqualTo("eleven");
        assertThat(body.path("response_format").path("type").asText()).isEqualTo("json_object");
    }

    @Test
    void should_ask_a_stream_for_its_usage() {
        provider().chat(countingRequest(GenerationParams.NONE), token -> { });

        assertThat(FAKE.chatBodies().get(0).path("stream_options").path("include_usage").asBoolean()).isTrue();
    }

    @Test
    void should_name_the_snapshot_the_server_says_answered() {
        ChatProvider provider = provider();
        assertThat(provider.identity()).isEqualTo(FakeOpenAi.MODEL);

        provider.chat(countingRequest(GenerationParams.NONE), null);

        assertThat(provider.identity()).isEqualTo(FakeOpenAi.SNAPSHOT);
    }

    @Test
    void should_not_be_ready_when_the_server_does_not_serve_the_model() {
        ModelProfile other = TestProfiles.of("other", "provider: openai", "model: gpt-other", "baseUrl: " + FAKE.baseUrl(),
                "apiKey: ${OPENAI_API_KEY}");

        Readiness readiness = new OpenAiProvider(other, TestProfiles.KEYS).check();

        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.detail()).contains("does not serve 'gpt-other'; it serves " + FakeOpenAi.MODEL);
    }
}
