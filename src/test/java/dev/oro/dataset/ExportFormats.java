package dev.oro.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/** What a valid file of each export format looks like; shared by the unit, REST and browser tests. */
public final class ExportFormats {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ExportFormats() {
    }

    /** Every line parses; roles: optional system first, then user/assistant alternating, ending with assistant; no empty content. */
    public static List<JsonNode> openAiChat(String text) {
        List<JsonNode> lines = jsonLines(text);
        for (JsonNode line : lines) {
            JsonNode messages = line.get("messages");
            assertThat(messages).as("messages of %s", line).isNotNull();
            assertThat(messages.isArray() && messages.size() >= 2).as("at least a user and an assistant turn: %s", line).isTrue();
            int i = 0;
            if (messages.get(0).path("role").asText().equals("system")) {
                i = 1;
            }
            String expected = "user";
            for (; i < messages.size(); i++) {
                JsonNode m = messages.get(i);
                assertThat(m.path("role").asText()).as("role of message %d in %s", i, line).isEqualTo(expected);
                assertThat(m.path("content").asText()).as("content of message %d in %s", i, line).isNotBlank();
                expected = expected.equals("user") ? "assistant" : "user";
            }
            assertThat(messages.get(messages.size() - 1).path("role").asText()).isEqualTo("assistant");
            provenance(line.get("metadata"));
        }
        return lines;
    }

    public static List<JsonNode> argilla(String text) {
        List<JsonNode> lines = jsonLines(text);
        for (JsonNode line : lines) {
            assertThat(line.has("external_id")).isTrue();
            assertThat(line.path("fields").path("prompt").asText()).isNotBlank();
            assertThat(line.path("fields").path("response").isTextual()).isTrue();
            assertThat(line.path("responses").isArray()).isTrue();
            for (JsonNode r : line.get("responses")) {
                assertThat(r.path("status").asText()).isIn("submitted", "discarded");
                assertThat(r.path("values").path("label").path("value").asText()).isIn("accepted", "rejected");
            }
            provenance(line.get("metadata"));
        }
        return lines;
    }

    public static List<JsonNode> hf(String text) {
        List<JsonNode> lines = jsonLines(text);
        for (JsonNode line : lines) {
            assertThat(line.path("prompt").isArray() && line.path("prompt").size() > 0).as("prompt of %s", line).isTrue();
            assertThat(line.path("completion").get(0).path("role").asText()).isEqualTo("assistant");
            assertThat(line.path("completion").get(0).path("content").asText()).isNotBlank();
            provenance(line.get("metadata"));
        }
        return lines;
    }

    public static List<CSVRecord> csv(String text) {
        try (CSVParser parser = CSVParser.parse(new StringReader(text),
                CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get())) {
            assertThat(parser.getHeaderNames()).containsExactlyElementsOf(CsvExport.HEADER);
            List<CSVRecord> rows = parser.getRecords();
            for (CSVRecord row : rows) {
                assertThat(row.isConsistent()).isTrue();
                assertThat(row.get("prompt_ref")).contains("@");
                assertThat(row.get("prompt_hash")).startsWith("sha256:");
                assertThat(row.get("answer")).isNotBlank();
            }
            return rows;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void provenance(JsonNode metadata) {
        assertThat(metadata).as("metadata").isNotNull();
        assertThat(metadata.path("prompt_ref").asText()).contains("@");
        assertThat(metadata.path("prompt_version").isInt()).isTrue();
        assertThat(metadata.path("prompt_hash").asText()).startsWith("sha256:");
        assertThat(metadata.has("model_identity")).isTrue();
    }

    private static List<JsonNode> jsonLines(String text) {
        List<JsonNode> out = new ArrayList<>();
        for (String line : text.split("\n")) {
            assertThat(line).as("a blank line in JSONL").isNotBlank();
            try {
                out.add(JSON.readTree(line));
            } catch (IOException e) {
                throw new AssertionError("not JSON: " + line, e);
            }
        }
        return out;
    }
}
