package dev.oro.eval;

import dev.oro.library.PromptVersion;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One column of the results matrix: a prompt version on a model with parameters.
 *
 * @param varying the parameters that differ between the suite's variants; only they are named
 *                in the label, since the others are the same everywhere
 */
public record Variant(PromptVersion prompt, String model, Map<String, Object> params, java.util.Set<String> varying) {

    public Variant {
        params = Map.copyOf(params);
        varying = java.util.Set.copyOf(varying);
    }

    /** A readable, stable name such as {@code qa@2 · local · temperature=0}. */
    public String label() {
        String p = params.entrySet().stream().filter(e -> varying.contains(e.getKey())).sorted(Map.Entry.comparingByKey())
                .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(", "));
        return prompt.ref() + " · " + model + (p.isEmpty() ? "" : " · " + p);
    }
}
