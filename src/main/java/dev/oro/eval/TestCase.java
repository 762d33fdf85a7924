package dev.oro.eval;

import java.util.List;
import java.util.Map;

/**
 * One test of a suite: variables for the prompt and the assertions its output must pass.
 * {@code id} is stable across runs (position in the suite, or in its dataset file), so
 * results of two runs can be paired test by test.
 *
 * @param asserts the assertions as written ({type, value, weight, threshold, metric})
 * @param where   file and line, for error messages
 * @param status  null for a written test; {@code draft}, {@code accepted} or {@code rejected} for one a model drafted
 */
public record TestCase(String id, String description, Map<String, Object> vars, List<AssertionEntry> asserts, String where,
        String status) {

    public static final java.util.Set<String> STATUSES = java.util.Set.of("draft", "accepted", "rejected");

    public TestCase {
        vars = vars == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(vars));
        asserts = asserts == null ? List.of() : List.copyOf(asserts);
    }

    public TestCase(String id, String description, Map<String, Object> vars, List<AssertionEntry> asserts, String where) {
        this(id, description, vars, asserts, where, null);
    }

    /** A drafted test counts in a suite only once a person accepted it. */
    public boolean counts() {
        return status == null || status.equals("accepted");
    }
}
