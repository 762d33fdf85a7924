package dev.oro.eval;

import java.util.List;
import java.util.Map;

/**
 * An eval suite: datasets × prompt versions × models × parameters × repeats. The vocabulary
 * is promptfoo's where the meaning is the same ({@code prompts}, {@code providers} as an alias
 * of {@code models}, {@code tests}, {@code defaultTest}, {@code assert}, {@code repeat}).
 *
 * @param params a grid: each key maps to the values to try, e.g. {@code temperature: [0, 0.7]}
 */
public record Suite(String file, String description, List<String> prompts, List<String> models, Map<String, List<Object>> params,
        int repeat, List<TestCase> tests, List<AssertionEntry> defaultAsserts, String judge) {

    public Suite {
        prompts = List.copyOf(prompts);
        models = List.copyOf(models);
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(params));
        tests = List.copyOf(tests);
        defaultAsserts = defaultAsserts == null ? List.of() : List.copyOf(defaultAsserts);
    }

    /** Every combination of the params grid, in a stable order; one empty map when there is no grid. */
    public List<Map<String, Object>> paramCombinations() {
        List<Map<String, Object>> out = new java.util.ArrayList<>();
        out.add(new java.util.LinkedHashMap<>());
        for (Map.Entry<String, List<Object>> axis : params.entrySet()) {
            List<Map<String, Object>> next = new java.util.ArrayList<>();
            for (Map<String, Object> partial : out) {
                for (Object value : axis.getValue()) {
                    Map<String, Object> combo = new java.util.LinkedHashMap<>(partial);
                    combo.put(axis.getKey(), value);
                    next.add(combo);
                }
            }
            out = next;
        }
        return out.stream().map(java.util.Collections::unmodifiableMap).toList();
    }
}
