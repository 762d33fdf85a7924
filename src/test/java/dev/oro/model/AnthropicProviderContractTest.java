package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.Map;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class AnthropicProviderContractTest extends ChatProviderContract {

    @AutoClose
    static final FakeAnthropic FAKE = new FakeAnthropic();

    @BeforeEach
    void reset() {
        FAKE.reset();
    }

    @Override
    protected ChatProvider provider() {
        return new AnthropicProvider(TestProfiles.anthropic("claude", FAKE.baseUrl()), TestProfiles.KEYS);
    }

    @Test
    void should_send_the_system_message_apart_and_a_default_max_tokens() {
        provider().chat(countingRequest(GenerationParams.NONE), null);

        LoggedRequest request = FAKE.chatRequests().get(0);
        assertThat(request.getHeader("x-api-key")).isEqualTo("sk-ant-test");
        assertThat(request.getHeader("anthropic-version")).isEqualTo(AnthropicProvider.API_VERSION);
        JsonNode body = FAKE.chatBodies().get(0);
        assertThat(body.path("system").toString()).contains("You count in English words.");
        assertThat(body.path("messages")).hasSize(1);
        assertThat(body.path("messages").get(0).path("role").asText()).isEqualTo("user");
        assertThat(body.path("max_tokens").asInt()).isEqualTo(AnthropicProvider.DEFAULT_MAX_TOKENS);
    }

    @Test
    void should_name_the_version_the_server_says_answered() {
        ChatProvider provider = provider();

        provider.chat(countingRequest(GenerationParams.NONE), token -> { });

        assertThat(provider.identity()).isEqualTo(FakeAnthropic.VERSION);
    }

    @Test
    void should_refuse_json_mode_without_a_schema_and_without_calling() {
        ModelException e = catchThrowableOfType(ModelException.class,
                () -> provider().chat(countingRequest(GenerationParams.from(Map.of("json", true))), null));

        assertThat(e.retriable()).isFalse();
        assertThat(e.getMessage()).contains("anthropic cannot do what profile 'claude' asks").contains("JSON");
        assertThat(FAKE.chatRequests()).isEmpty();
    }
}
