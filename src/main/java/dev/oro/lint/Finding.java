package dev.oro.lint;

import java.util.Objects;

/** One broken golden rule: which rule (GR1..GR9), where, and what to write instead. */
public record Finding(String rule, Severity severity, String message, Span span, String suggestion) {

    public Finding {
        Objects.requireNonNull(rule, "rule");
        Objects.requireNonNull(severity, "severity");
        Objects.requireNonNull(message, "message");
        Objects.requireNonNull(span, "span");
        if (!rule.matches("GR[1-9]")) {
            throw new IllegalArgumentException("rule must be GR1..GR9, got " + rule);
        }
    }
}
