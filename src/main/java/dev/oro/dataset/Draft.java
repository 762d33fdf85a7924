package dev.oro.dataset;

import java.util.LinkedHashMap;
import java.util.Map;

/** A test case a model proposed and the checks kept: values for the prompt's variables, and an answer or a rubric. */
public record Draft(String description, Map<String, Object> vars, String expected, String rubric) {

    public Draft {
        vars = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(vars));
    }

    /** The variables as one text, in declaration order: what near-duplicates are judged on. */
    public String text() {
        StringBuilder out = new StringBuilder();
        vars.forEach((k, v) -> out.append(v).append('\n'));
        return out.toString().strip();
    }
}
