package dev.oro.variants;

import dev.oro.lint.Lang;
import dev.oro.library.PromptSource;
import java.util.Optional;

/** GR9: gives the model a role in a system message; a body without role markers becomes system + user. */
final class AddRole implements Rewrite {

    @Override
    public String rule() {
        return "GR9";
    }

    @Override
    public String what() {
        return "added a system role";
    }

    @Override
    public Optional<String> apply(PromptSource source, String text, Lang lang) {
        if (PromptText.findings(text, rule()).isEmpty()) {
            return Optional.empty();
        }
        PromptText prompt = PromptText.split(text);
        String role = "system:\n" + lang.pick("{#include role who=\"an expert assistant\" /}", "Eres un asistente experto.") + "\n\n";
        String body = prompt.body().stripLeading();
        return Optional.of(prompt.withBody(role + (prompt.hasRoleMarkers() ? body : "user:\n" + body)).join());
    }
}
