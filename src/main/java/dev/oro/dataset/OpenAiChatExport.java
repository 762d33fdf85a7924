package dev.oro.dataset;

import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's fine-tuning chat format: one {@code {"messages": [...]}} per line, an optional system
 * message, then user and assistant turns alternating and ending with the assistant's answer.
 * Provenance rides in a top-level {@code metadata} object; strip it ({@code jq -c 'del(.metadata)'})
 * for a trainer that refuses keys it does not know.
 */
public record OpenAiChatExport() implements Exporter {

    static final String NAME = "openai-chat";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Iterable<Example> examples, Writer out) throws IOException {
        for (Example e : examples) {
            List<Map<String, String>> messages = e.conversation().stream().map(JsonLines::message).toList();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("messages", messages);
            line.put("metadata", e.metadata());
            JsonLines.line(line, out);
        }
    }
}
