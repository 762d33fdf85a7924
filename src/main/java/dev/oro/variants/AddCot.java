package dev.oro.variants;

import dev.oro.lint.Lang;
import dev.oro.library.PromptSource;
import dev.oro.library.Role;
import java.util.Optional;

/** GR8: ends the last user message with a chain-of-thought cue; an answer slot ("A:") gets it on its own line. */
final class AddCot implements Rewrite {

    @Override
    public String rule() {
        return "GR8";
    }

    @Override
    public String what() {
        return "added a chain-of-thought cue";
    }

    @Override
    public Optional<String> apply(PromptSource source, String text, Lang lang) {
        boolean lastIsUser = !source.messages().isEmpty() && source.messages().get(source.messages().size() - 1).role() == Role.USER;
        if (!lastIsUser || PromptText.findings(text, rule()).isEmpty()) {
            return Optional.empty();
        }
        String cue = lang.pick("{#include cot /}", "{#include cot lang=\"es\" /}");
        String body = text.replace("\r\n", "\n").stripTrailing();
        // "Q: ...\nA:" is a completion slot: the cue starts the answer, as in zero-shot CoT.
        return Optional.of(body + (body.endsWith(":") ? " " : "\n\n") + cue + "\n");
    }
}
