package dev.oro.api;

import dev.oro.OroException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/** Checks of a request body whose errors name the field at fault, so a client knows what to fix. */
final class Fields {

    private Fields() {
    }

    /** A list field's non-blank entries, stripped; none when the field is absent. JSON lets a client send {@code [null, " "]}. */
    static List<String> present(List<String> values) {
        return values == null ? List.of() : values.stream().filter(v -> v != null && !v.isBlank()).map(String::strip).toList();
    }

    /** The step's value; its failure keeps its status and type, with {@code 'field': } before the detail and a {@code field} member. */
    static <T> T named(String field, Supplier<T> step) {
        try {
            return step.get();
        } catch (OroException e) {
            Map<String, Object> extensions = new HashMap<>(e.extensions());
            extensions.put("field", field);
            String prefix = "'" + field + "'";
            String detail = e.detail().startsWith(prefix) ? e.detail() : prefix + ": " + e.detail();
            throw new OroException(e.kind(), e.type(), detail, extensions, e);
        }
    }
}
