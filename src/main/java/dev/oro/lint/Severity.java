package dev.oro.lint;

import com.fasterxml.jackson.annotation.JsonValue;
import java.util.Locale;

/** How much a finding matters; only {@code ERROR} makes {@code oro lint} exit with 1. */
public enum Severity {
    ERROR, WARNING, INFO;

    @JsonValue
    public String wire() {
        return name().toLowerCase(Locale.ROOT);
    }
}
