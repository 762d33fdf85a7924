package dev.oro.eval.assertion;

import java.util.Map;

/**
 * What an assertion looks at: the model's text, the test's variables, and the call's figures
 * (null when the output did not come from a model call, as in unit tests of an assertion).
 */
public record Output(String text, Map<String, Object> vars, Long latencyMs, Double cost, String finishReason) {

    public Output {
        text = text == null ? "" : text;
        vars = vars == null ? Map.of() : vars;
    }

    public static Output text(String text) {
        return new Output(text, Map.of(), null, null, null);
    }
}
