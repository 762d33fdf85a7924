package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class GeminiProviderContractTest extends ChatProviderContract {

    @AutoClose
    static final FakeGemini FAKE = new FakeGemini();

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @Override
    protected ChatProvider provider() {
        return new GeminiProvider(TestProfiles.gemini("gemini", FAKE.baseUrl()), TestProfiles.KEYS);
    }

    @Test
    void should_send_the_system_instruction_seed_and_json_mime_type() {
        provider().chat(countingRequest(GenerationParams.from(Map.of("seed", 11, "json", true, "maxTokens", 20))), null);

        assertThat(FAKE.chatRequests().get(0).getHeader("x-goog-api-key")).isEqualTo("gemini-test-key");
        JsonNode body = FAKE.chatBodies().get(0);
        assertThat(body.path("systemInstruction").toString()).contains("You count in English words.");
        assertThat(body.path("contents")).hasSize(1);
        JsonNode config = body.path("generationConfig");
        assertThat(config.path("seed").asInt()).isEqualTo(11);
        assertThat(config.path("maxOutputTokens").asInt()).isEqualTo(20);
        assertThat(config.path("responseMimeType").asText()).isEqualTo("application/json");
    }

    @Test
    void should_stream_over_server_sent_events_and_name_the_version() {
        ChatProvider provider = provider();

        provider.chat(countingRequest(GenerationParams.NONE), token -> { });

        assertThat(FAKE.chatRequests().get(0).getUrl()).endsWith(":streamGenerateContent?alt=sse");
        assertThat(provider.identity()).isEqualTo(FakeGemini.VERSION);
    }
}
