package dev.oro.render;

import java.util.List;

/**
 * The result of rendering: the messages to send, which version produced them (name and
 * version are null for inline source) with its content hash, and any warnings.
 */
public record RenderedPrompt(String prompt, Integer version, String hash, List<ChatMessage> messages, List<String> warnings) {

    public RenderedPrompt {
        messages = List.copyOf(messages);
        warnings = List.copyOf(warnings);
    }
}
