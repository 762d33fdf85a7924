package dev.oro.library;

import dev.oro.OroException;
import java.util.List;
import java.util.Map;
import java.util.function.BiFunction;

/**
 * Checks the model parameters Oro knows. Others pass through untouched, because providers
 * have options of their own (Ollama's num_ctx, say) that Oro should not second-guess.
 */
public final class ParamsCheck {

    private ParamsCheck() {
    }

    /** Throws the error {@code fail} builds from a parameter's name and what is wrong with it. */
    public static void check(Map<String, Object> params, BiFunction<String, String, OroException> fail) {
        params.forEach((key, value) -> {
            String problem = problem(key, value);
            if (problem != null) {
                throw fail.apply(key, "field 'params." + key + "' " + problem);
            }
        });
    }

    /** What is wrong with one parameter value, or null when it is fine. */
    public static String problem(String key, Object value) {
        return switch (key) {
            case "temperature" -> number(value, 0, 2) ? null : "must be a number from 0 to 2, got " + show(value);
            case "topP" -> number(value, 0, 1) ? null : "must be a number from 0 to 1, got " + show(value);
            case "maxTokens" -> value instanceof Integer i && i > 0 ? null : "must be a whole number above 0, got " + show(value);
            case "seed" -> value instanceof Integer || value instanceof Long ? null : "must be a whole number, got " + show(value);
            case "stop" -> value instanceof String || (value instanceof List<?> l && l.stream().allMatch(String.class::isInstance))
                    ? null : "must be text or a list of texts, got " + show(value);
            default -> null;
        };
    }

    private static boolean number(Object value, double min, double max) {
        return value instanceof Number n && n.doubleValue() >= min && n.doubleValue() <= max;
    }

    private static String show(Object value) {
        return value instanceof String s ? "'" + s + "'" : String.valueOf(value);
    }
}
