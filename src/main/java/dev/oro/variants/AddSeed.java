package dev.oro.variants;

import dev.oro.lint.Lang;
import dev.oro.library.PromptSource;
import java.util.Locale;
import java.util.Optional;

/** GR5: ends a Python or SQL code request with the token the model should continue: {@code import} or {@code SELECT}. */
final class AddSeed implements Rewrite {

    @Override
    public String rule() {
        return "GR5";
    }

    @Override
    public String what() {
        return "added a seed term";
    }

    @Override
    public Optional<String> apply(PromptSource source, String text, Lang lang) {
        if (PromptText.findings(text, rule()).isEmpty()) {
            return Optional.empty();
        }
        String body = PromptText.split(text).body().toLowerCase(Locale.ROOT);
        String term = body.contains("python") ? "import" : body.matches("(?s).*\\bsql\\b.*") ? "SELECT" : null;
        if (term == null) {
            return Optional.empty();
        }
        return Optional.of(text.replace("\r\n", "\n").stripTrailing() + "\n{#include seed term=\"" + term + "\" /}\n");
    }
}
