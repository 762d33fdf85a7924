package dev.oro.library;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** The YAML block at the top of a {@code .prompt} file. Every part is optional. */
public record FrontMatter(
        String description,
        Map<String, VariableSpec> variables,
        Map<String, Object> params,
        OutputSpec output,
        List<String> tags) {

    public static final FrontMatter EMPTY = new FrontMatter(null, Map.of(), Map.of(), OutputSpec.TEXT, List.of());

    public FrontMatter {
        // Declaration order matters: it is the order the UI shows the variables form in.
        variables = variables == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(variables));
        params = params == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(params));
        output = output == null ? OutputSpec.TEXT : output;
        tags = tags == null ? List.of() : List.copyOf(tags);
    }
}
