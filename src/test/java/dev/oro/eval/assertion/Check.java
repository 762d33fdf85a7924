package dev.oro.eval.assertion;

import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oro.OroException;
import java.util.HashMap;
import java.util.Map;

/** Runs assertions the way a suite does: parse the raw entry, create, evaluate. */
final class Check {

    static final String WHERE = "evals/qa.yaml line 12 (tests[3].assert[0])";

    private Check() {
    }

    static AssertionResult run(String type, Object value, String output) {
        return run(entry(type, value), Output.text(output));
    }

    static AssertionResult run(Map<String, Object> raw, Output output) {
        return Assertions.create(AssertionSpec.parse(raw, WHERE)).evaluate(output);
    }

    /** The message a user sees for a bad entry. */
    static String problem(Map<String, Object> raw) {
        OroException e = catchThrowableOfType(OroException.class, () -> AssertionSpec.parse(raw, WHERE));
        if (e == null) {
            throw new AssertionError("expected " + raw + " to be refused");
        }
        return e.detail();
    }

    static String problem(String type, Object value) {
        return problem(entry(type, value));
    }

    static Map<String, Object> entry(String type, Object value) {
        Map<String, Object> raw = new HashMap<>();
        raw.put("type", type);
        if (value != null) {
            raw.put("value", value);
        }
        return raw;
    }
}
