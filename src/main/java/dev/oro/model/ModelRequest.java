package dev.oro.model;

import dev.oro.render.ChatMessage;
import java.util.List;

/** What a provider is asked: rendered messages and the merged parameters. */
public record ModelRequest(List<ChatMessage> messages, GenerationParams params) {

    public ModelRequest {
        if (messages == null || messages.isEmpty()) {
            throw new IllegalArgumentException("a model request needs at least one message");
        }
        messages = List.copyOf(messages);
        params = params == null ? GenerationParams.NONE : params;
    }
}
