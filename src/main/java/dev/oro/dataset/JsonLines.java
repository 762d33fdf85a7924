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

    static void line(Object record, Writer out) throws IOException {
        out.write(JSON.writeValueAsString(record));
        out.write('\n');
    }
}
