package dev.oro.library;

import java.util.List;

/** A parsed {@code .prompt} file: its exact text, front matter and message templates. */
public record PromptSource(String text, FrontMatter frontMatter, List<MessageTemplate> messages) {

    public PromptSource {
        messages = List.copyOf(messages);
    }
}
