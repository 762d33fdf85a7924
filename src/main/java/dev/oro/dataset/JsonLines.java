package dev.oro.dataset;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.Writer;

/** One JSON object per line, for the JSONL formats; never pretty-printed, since a newline ends a record. */
final class JsonLines {

    private static final ObjectMapper JSON = new ObjectMapper().disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET);

    private JsonLines() {
    }

    /** A chat message as the chat formats write it: {@code {"role", "content"}}, in that order. */
    static java.util.Map<String, String> message(dev.oro.render.ChatMessage m) {
        java.util.Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("role", m.role());
        out.put("content", m.content());
        return out;
    }

    static void line(Object record, Writer out) throws IOException {
        out.write(JSON.writeValueAsString(record));
        out.write('\n');
    }
}
