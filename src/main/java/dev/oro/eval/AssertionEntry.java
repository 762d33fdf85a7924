package dev.oro.eval;

import java.util.Map;

/** An assertion as written in a suite or dataset, with where it was written for error messages. */
public record AssertionEntry(Map<String, Object> raw, String where) {

    public AssertionEntry {
        raw = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(raw));
    }
}
