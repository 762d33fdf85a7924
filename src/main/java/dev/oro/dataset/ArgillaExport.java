package dev.oro.dataset;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Argilla FeedbackDataset records, one per line, as {@code FeedbackRecord} takes them:
 * {@code fields} (system, prompt, response), {@code metadata}, {@code external_id}, and when a
 * person annotated the item a submitted (accepted) or discarded (rejected) response with the
 * questions {@code label}, {@code ideal_response} and {@code note}. The dataset to import them
 * into has text fields system (optional), prompt and response, a label question
 * (accepted/rejected) and text questions ideal_response and note.
 */
public record ArgillaExport() implements Exporter {

    static final String NAME = "argilla";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Iterable<Example> examples, Writer out) throws IOException {
        for (Example e : examples) {
            Map<String, Object> fields = new LinkedHashMap<>();
            if (e.system() != null) {
                fields.put("system", e.system());
            }
            fields.put("prompt", e.user());
            fields.put("response", e.output() != null ? e.output() : e.answer());
            Map<String, Object> record = new LinkedHashMap<>();
            record.put("external_id", e.key());
            record.put("fields", fields);
            record.put("metadata", e.metadata());
            record.put("responses", e.label() == null ? List.of() : List.of(response(e)));
            record.put("suggestions", List.of());
            JsonLines.line(record, out);
        }
    }

    private static Map<String, Object> response(Example e) {
        Map<String, Object> values = new LinkedHashMap<>();
        values.put("label", Map.of("value", e.label()));
        values.put("ideal_response", Map.of("value", e.answer()));
        if (e.note() != null && !e.note().isBlank()) {
            values.put("note", Map.of("value", e.note()));
        }
        Map<String, Object> response = new LinkedHashMap<>();
        response.put("values", values);
        response.put("status", "accepted".equals(e.label()) ? "submitted" : "discarded");
        return response;
    }
}
