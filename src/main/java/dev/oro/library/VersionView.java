package dev.oro.library;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** One version as the API shows it: the exact source, its parsed parts, and its integrity. */
public record VersionView(String name, int version, String hash, boolean editedByHand, Instant created, String source,
        FrontMatter frontMatter, List<Message> messages, List<String> warnings) {

    public record Message(String role, String template, int line) {
    }

    public static VersionView of(PromptVersion v) {
        List<Message> messages = new ArrayList<>();
        for (MessageTemplate m : v.source().messages()) {
            messages.add(new Message(m.role().wire(), m.template(), m.line()));
        }
        List<String> warnings = v.handEditWarning() == null ? List.of() : List.of(v.handEditWarning());
        return new VersionView(v.name(), v.version(), v.hash(), v.editedByHand(), v.created(), v.text(), v.source().frontMatter(),
                messages, warnings);
    }
}
