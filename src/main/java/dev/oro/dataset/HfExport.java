package dev.oro.dataset;

import dev.oro.render.ChatMessage;
import java.io.IOException;
import java.io.Writer;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Hugging Face datasets JSONL in the conversational prompt-completion shape TRL trains on:
 * {@code prompt} is the rendered messages, {@code completion} the assistant's answer, and
 * {@code metadata} the provenance. {@code datasets.load_dataset("json", data_files=...)} reads it.
 */
public record HfExport() implements Exporter {

    static final String NAME = "hf";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void write(Iterable<Example> examples, Writer out) throws IOException {
        for (Example e : examples) {
            List<ChatMessage> conversation = e.conversation();
            Map<String, Object> line = new LinkedHashMap<>();
            line.put("prompt", conversation.subList(0, conversation.size() - 1).stream().map(JsonLines::message).toList());
            line.put("completion", List.of(JsonLines.message(conversation.get(conversation.size() - 1))));
            line.put("metadata", e.metadata());
            JsonLines.line(line, out);
        }
    }
}
