package dev.oro.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;

/** A spreadsheet: one row per example, RFC 4180 quoting, the variables as one JSON column. */
public record CsvExport() implements Exporter {

    static final String NAME = "csv";
    static final List<String> HEADER = List.of("source", "key", "test_id", "prompt_ref", "prompt_version", "prompt_hash", "model",
            "model_identity", "system", "user", "answer", "output", "label", "note", "vars");
    private static final ObjectMapper JSON = new ObjectMapper();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String extension() {
        return "csv";
    }

    @Override
    public String mediaType() {
        return "text/csv";
    }

    @Override
    public void write(Iterable<Example> examples, Writer out) throws IOException {
        CSVPrinter csv = new CSVPrinter(out, CSVFormat.RFC4180.builder().setHeader(HEADER.toArray(String[]::new)).get());
        for (Example e : examples) {
            List<Object> row = new ArrayList<>();
            row.add(e.source());
            row.add(e.key());
            row.add(e.testId());
            row.add(e.ref());
            row.add(e.version());
            row.add(e.hash());
            row.add(e.model());
            row.add(e.modelIdentity());
            row.add(e.system());
            row.add(e.user());
            row.add(e.answer());
            row.add(e.output());
            row.add(e.label());
            row.add(e.note());
            row.add(json(e.vars()));
            csv.printRecord(row);
        }
        csv.flush();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
