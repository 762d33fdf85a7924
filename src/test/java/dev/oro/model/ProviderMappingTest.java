package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.langchain4j.data.message.AiMessage;
import dev.langchain4j.data.message.SystemMessage;
import dev.langchain4j.data.message.UserMessage;
import dev.langchain4j.model.chat.request.ChatRequestParameters;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.chat.request.ResponseFormat;
import dev.langchain4j.model.output.FinishReason;
import dev.oro.render.ChatMessage;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What every provider shares: messages, parameters and finish reasons in each other's terms. */
class ProviderMappingTest {

    @Test
    void should_map_each_role_to_its_langchain4j_message() {
        List<dev.langchain4j.data.message.ChatMessage> out = LangChainBridge.messages(List.of(new ChatMessage("system", "Be brief."),
                new ChatMessage("user", "Hi"), new ChatMessage("assistant", "Hello."), new ChatMessage("user", "Count.")));

        assertThat(out).extracting(m -> m.getClass().getSimpleName())
                .containsExactly("SystemMessage", "UserMessage", "AiMessage", "UserMessage");
        assertThat(((SystemMessage) out.get(0)).text()).isEqualTo("Be brief.");
        assertThat(((UserMessage) out.get(1)).singleText()).isEqualTo("Hi");
        assertThat(((AiMessage) out.get(2)).text()).isEqualTo("Hello.");
    }

    @Test
    void should_skip_a_system_message_that_rendered_empty() {
        assertThat(LangChainBridge.messages(List.of(new ChatMessage("system", "  "), new ChatMessage("user", "Hi")))).hasSize(1);
    }

    @Test
    void should_refuse_an_empty_user_message_and_an_unknown_role_without_retrying() {
        assertThatThrownBy(() -> LangChainBridge.messages(List.of(new ChatMessage("user", ""))))
                .isInstanceOf(ModelException.class).hasMessage("message 1 (user) is empty after rendering; providers refuse empty messages")
                .matches(e -> !((ModelException) e).retriable());
        assertThatThrownBy(() -> LangChainBridge.messages(List.of(new ChatMessage("tool", "42"))))
                .hasMessage("message 1 has role 'tool'; use system, user or assistant");
    }

    @Test
    void should_normalize_finish_reasons() {
        assertThat(LangChainBridge.finishReason(FinishReason.STOP)).isEqualTo("stop");
        assertThat(LangChainBridge.finishReason(FinishReason.LENGTH)).isEqualTo("length");
        assertThat(LangChainBridge.finishReason(FinishReason.CONTENT_FILTER)).isEqualTo("content_filter");
        assertThat(LangChainBridge.finishReason(FinishReason.TOOL_EXECUTION)).isEqualTo("tool_calls");
        assertThat(LangChainBridge.finishReason(FinishReason.OTHER)).isEqualTo("other");
        assertThat(LangChainBridge.finishReason(null)).isEqualTo("other");
    }

    @Test
    void should_set_the_params_given_and_keep_the_providers_defaults_for_the_rest() {
        ChatRequestParameters set = LangChainBridge.parameters(DefaultChatRequestParameters.builder(),
                GenerationParams.from(Map.of("temperature", 0.3, "topP", 0.8, "maxTokens", 9, "stop", "END", "json", true)));
        ChatRequestParameters defaulted = LangChainBridge.parameters(DefaultChatRequestParameters.builder().maxOutputTokens(1024),
                GenerationParams.NONE);

        assertThat(set.temperature()).isEqualTo(0.3);
        assertThat(set.topP()).isEqualTo(0.8);
        assertThat(set.maxOutputTokens()).isEqualTo(9);
        assertThat(set.stopSequences()).containsExactly("END");
        assertThat(set.responseFormat()).isEqualTo(ResponseFormat.JSON);
        assertThat(defaulted.maxOutputTokens()).isEqualTo(1024);
        assertThat(defaulted.responseFormat()).isNull();
    }

    @Test
    void should_join_base_urls_without_a_trailing_slash() {
        assertThat(LangChainBridge.baseUrl("http://box:8080/v1/", "x")).isEqualTo("http://box:8080/v1");
        assertThat(LangChainBridge.baseUrl(null, OpenAiProvider.DEFAULT_BASE_URL)).isEqualTo("https://api.openai.com/v1");
    }
}
