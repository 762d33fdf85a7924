package dev.oro.eval;

import dev.oro.library.PromptVersion;
import java.util.Map;
import java.util.stream.Collectors;

/** One column of the results matrix: a prompt version on a model with parameters. */
public record Variant(PromptVersion prompt, String model, Map<String, Object> params) {

    public Variant {
        params = Map.copyOf(params);
    }

    /** A readable, stable name such as {@code qa@2 · local · temperature=0}. */
    public String label() {
        String p = params.entrySet().stream().sorted(Map.Entry.comparingByKey()).map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining(", "));
        return prompt.ref() + " · " + model + (p.isEmpty() ? "" : " · " + p);
    }
}
