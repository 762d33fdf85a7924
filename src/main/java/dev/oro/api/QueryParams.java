package dev.oro.api;

import dev.oro.OroException;

/**
 * Numbers in query strings, read here rather than by JAX-RS, which answers a bare 404 when
 * {@code ?limit=hot} does not convert; this names the parameter and what it takes.
 */
final class QueryParams {

    private QueryParams() {
    }

    /** The whole number in {@code raw}, {@code fallback} when it is absent. */
    static Long whole(String name, String raw, Long fallback, String meaning) {
        if (raw == null || raw.isBlank()) {
            return fallback;
        }
        try {
            return Long.parseLong(raw.strip());
        } catch (NumberFormatException e) {
            throw OroException.invalid("bad-parameter", "query parameter '" + name + "' must be a whole number (" + meaning + "), got '"
                    + (raw.length() > 40 ? raw.substring(0, 40) + "…" : raw) + "'");
        }
    }
}
