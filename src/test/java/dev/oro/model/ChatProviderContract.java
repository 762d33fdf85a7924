package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.render.ChatMessage;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The contract every provider passes, against a real engine (the tiny generated GGUF model)
 * or a fake server that follows the vendor's documented wire format. Each model behind a
 * subclass counts from one to ten when asked, and stops early at maxTokens = 3.
 */
public abstract class ChatProviderContract {

    public static final String COUNTING = "one two three four five six seven eight nine ten";

    /** A provider whose model answers the counting prompt. */
    protected abstract ChatProvider provider();

    public static ModelRequest countingRequest(GenerationParams params) {
        return new ModelRequest(List.of(new ChatMessage("system", "You count in English words."),
                new ChatMessage("user", "Count from one to ten.")), params);
    }

    @Test
    void should_answer_with_the_known_text_and_usage() {
        ProviderReply reply = provider().chat(countingRequest(GenerationParams.NONE.overriddenBy(
                GenerationParams.from(Map.of("temperature", 0)))), null);
        assertThat(reply.text().strip()).isEqualTo(COUNTING);
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.usage().inputTokens()).isPositive();
        assertThat(reply.usage().outputTokens()).isPositive();
    }

    @Test
    void should_stream_the_same_text_in_pieces() {
        List<String> pieces = new ArrayList<>();
        ProviderReply reply = provider().chat(countingRequest(GenerationParams.from(Map.of("temperature", 0))), pieces::add);
        assertThat(pieces).hasSizeGreaterThanOrEqualTo(2);
        assertThat(String.join("", pieces)).isEqualTo(reply.text());
        assertThat(reply.text().strip()).isEqualTo(COUNTING);
        assertThat(reply.finishReason()).isEqualTo("stop");
        assertThat(reply.usage().outputTokens()).isPositive();
    }

    @Test
    void should_stop_at_max_tokens() {
        ProviderReply reply = provider().chat(countingRequest(GenerationParams.from(Map.of("temperature", 0, "maxTokens", 3))), null);
        assertThat(reply.text().strip()).isEqualTo("one two three");
        assertThat(reply.finishReason()).isEqualTo("length");
        assertThat(reply.usage().outputTokens()).isEqualTo(3);
    }

    @Test
    void should_name_the_model_and_be_ready() {
        assertThat(provider().identity()).isNotBlank();
        assertThat(provider().check().ready()).as(provider().check().detail()).isTrue();
    }
}
