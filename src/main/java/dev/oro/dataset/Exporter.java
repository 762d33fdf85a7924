package dev.oro.dataset;

import dev.oro.OroException;
import java.io.IOException;
import java.io.Writer;
import java.util.List;

/** One dataset format; the family is closed so a switch over it names every format. */
public sealed interface Exporter permits OpenAiChatExport, ArgillaExport, HfExport, CsvExport {

    List<String> NAMES = List.of(OpenAiChatExport.NAME, ArgillaExport.NAME, HfExport.NAME, CsvExport.NAME);

    /** The name users type: {@code --format openai-chat}. */
    String name();

    /** The file extension a download gets; JSON Lines unless a format says otherwise. */
    default String extension() {
        return "jsonl";
    }

    default String mediaType() {
        return "application/jsonl";
    }

    void write(Iterable<Example> examples, Writer out) throws IOException;

    static Exporter named(String name) {
        if (name == null) {
            throw OroException.invalid("bad-format", "name an export format: " + String.join(", ", NAMES));
        }
        return switch (name) {
            case OpenAiChatExport.NAME -> new OpenAiChatExport();
            case ArgillaExport.NAME -> new ArgillaExport();
            case HfExport.NAME -> new HfExport();
            case CsvExport.NAME -> new CsvExport();
            default -> throw OroException.invalid("bad-format", "unknown export format '" + name + "' (formats: " + String.join(", ", NAMES) + ")");
        };
    }
}
