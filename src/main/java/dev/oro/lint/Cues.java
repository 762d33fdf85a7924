package dev.oro.lint;

import java.util.regex.Pattern;

/** Signs that more than one rule reads: includes of built-in patterns, worked examples. */
final class Cues {

    private static final Pattern EXAMPLES = Pattern.compile(
            "(?imu)^\\s*(#+\\s*)?(examples?|ejemplos?)\\b|^\\s*\\p{L}+ 1\\s*:|^\\s*##+\\s*$|\\{#include\\s+few_shot\\b");

    private Cues() {
    }

    static boolean includes(LintTarget target, String pattern) {
        return target.bodyMatches(Pattern.compile("\\{#include\\s+" + pattern + "\\b"));
    }

    /** Worked examples: an "Example" heading, "Text 1:" style numbering, {@code ##} separators, a few_shot include or an assistant turn. */
    static boolean hasExamples(LintTarget target) {
        return target.bodyMatches(EXAMPLES)
                || target.source().messages().stream().anyMatch(m -> m.role() == dev.oro.library.Role.ASSISTANT);
    }
}
