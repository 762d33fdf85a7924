package dev.oro.variants;

import dev.oro.library.PromptParser;
import dev.oro.lint.Finding;
import dev.oro.lint.Linter;
import java.util.List;
import java.util.regex.Pattern;

/** A {@code .prompt} text split into its front matter (with both {@code ---} lines) and its body. */
record PromptText(String head, String body) {

    private static final Pattern ROLE_MARKER = Pattern.compile("(?im)^\\s*(system|user|assistant)\\s*:\\s*$");

    static PromptText split(String text) {
        text = text.replace("\r\n", "\n");
        if (text.startsWith("---\n")) {
            int close = text.indexOf("\n---\n", 3);
            if (close >= 0) {
                return new PromptText(text.substring(0, close + 5), text.substring(close + 5));
            }
        }
        return new PromptText("", text);
    }

    boolean hasRoleMarkers() {
        return ROLE_MARKER.matcher(body).find();
    }

    String join() {
        return head + body;
    }

    PromptText withBody(String newBody) {
        return new PromptText(head, newBody);
    }

    /** The findings of one rule on a prompt text. */
    static List<Finding> findings(String text, String rule) {
        return Linter.lint(PromptParser.parse(text, "variant")).stream().filter(f -> f.rule().equals(rule)).toList();
    }

    /** The offset in {@code text} of a finding's 1-based line and column. */
    static int offset(String text, Finding finding) {
        int offset = 0;
        for (int l = 1; l < finding.span().line(); l++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return offset + finding.span().column() - 1;
    }
}
