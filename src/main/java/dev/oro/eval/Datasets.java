package dev.oro.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import java.io.IOException;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * Tests from dataset files, as promptfoo reads them. CSV: one test per row, columns are
 * variables, {@code __expected} (or {@code __expected1}, {@code __expected2}, ...) holds an
 * assertion such as {@code icontains: paris} (plain text means equals), {@code __description}
 * a description. JSONL and YAML: one test per entry, either {vars, assert, description} or
 * just the variables.
 */
public final class Datasets {

    private static final ObjectMapper JSON = new ObjectMapper();

    private Datasets() {
    }

    public static List<TestCase> load(Path baseDir, String reference, String where) {
        String name = reference.startsWith("file://") ? reference.substring("file://".length()) : reference;
        Path file = baseDir.resolve(name).normalize();
        String origin = file.toString();
        try {
            List<TestCase> tests = null;
            if (name.endsWith(".csv")) {
                tests = csv(file, origin);
            } else if (name.endsWith(".jsonl")) {
                tests = jsonl(Files.readAllLines(file, StandardCharsets.UTF_8), origin);
            } else if (name.endsWith(".yaml") || name.endsWith(".yml")) {
                tests = yaml(Files.readString(file, StandardCharsets.UTF_8), origin);
            }
            if (tests != null && tests.isEmpty()) {
                throw OroException.invalid("invalid-suite", where + ": dataset " + file + " holds no tests (no rows after its header)");
            }
            if (tests != null) {
                return tests;
            }
        } catch (NoSuchFileException e) {
            throw OroException.invalid("invalid-suite", where + ": dataset " + file + " does not exist");
        } catch (IOException e) {
            throw OroException.invalid("invalid-suite", where + ": cannot read dataset " + file + ": " + e.getMessage());
        }
        throw OroException.invalid("invalid-suite", where + ": dataset '" + reference + "' must be a .csv, .jsonl or .yaml file");
    }

    private static List<TestCase> csv(Path file, String origin) throws IOException {
        List<TestCase> out = new ArrayList<>();
        CSVFormat format = CSVFormat.DEFAULT.builder().setHeader().setSkipHeaderRecord(true).setTrim(false).get();
        try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8); CSVParser parser = CSVParser.parse(in, format)) {
            for (CSVRecord row : parser) {
                String where = origin + " line " + parser.getCurrentLineNumber();
                if (!row.isConsistent()) {
                    throw OroException.invalid("invalid-suite", where + ": the row has " + row.size() + " columns but the header has "
                            + parser.getHeaderNames().size());
                }
                Map<String, Object> vars = new LinkedHashMap<>();
                List<AssertionEntry> asserts = new ArrayList<>();
                String description = null;
                String status = null;
                for (String column : parser.getHeaderNames()) {
                    String value = row.get(column);
                    if (column.startsWith("__expected")) {
                        if (!value.isBlank()) {
                            asserts.add(new AssertionEntry(expected(value), where + " (" + column + ")"));
                        }
                    } else if (column.equals("__description")) {
                        description = value;
                    } else if (column.equals("__status")) {
                        status = status(value.isBlank() ? null : value, where + " (__status)");
                    } else if (!column.startsWith("__")) {
                        vars.put(column, value);
                    }
                }
                out.add(new TestCase(file.getFileName() + ":" + row.getRecordNumber(), description, vars, asserts, where, status));
            }
        } catch (java.io.UncheckedIOException | IllegalArgumentException | IllegalStateException e) {
            // commons-csv says "(startline 12) EOF reached before encapsulated token finished": give the line, not the class
            String message = String.valueOf((e instanceof java.io.UncheckedIOException u ? u.getCause() : e).getMessage());
            java.util.regex.Matcher line = java.util.regex.Pattern.compile("\\(startline ([0-9,]+)\\)\\s*(.*)").matcher(message);
            throw OroException.invalid("invalid-suite", line.find()
                    ? origin + " line " + line.group(1).replace(",", "") + ": not valid CSV: " + line.group(2)
                    : origin + ": not valid CSV: " + message);
        }
        return out;
    }

    /** promptfoo's shorthand: "icontains: paris" is that assertion; anything else must equal the output. */
    static Map<String, Object> expected(String text) {
        int colon = text.indexOf(':');
        if (colon > 0) {
            String type = text.substring(0, colon).strip();
            if (type.matches("(not-)?[a-z][a-z0-9-]*") && !type.equals("http") && !type.equals("https")) {
                return Map.of("type", type, "value", text.substring(colon + 1).strip());
            }
        }
        return Map.of("type", "equals", "value", text);
    }

    private static List<TestCase> jsonl(List<String> lines, String origin) {
        List<TestCase> out = new ArrayList<>();
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank()) {
                continue;
            }
            String where = origin + " line " + (i + 1);
            try {
                Map<String, Object> entry = JSON.readValue(lines.get(i), new TypeReference<>() {
                });
                if (entry == null) {
                    throw OroException.invalid("invalid-suite", where + ": not a JSON object: null");
                }
                out.add(entry(entry, origin.substring(origin.lastIndexOf('/') + 1) + ":" + (i + 1), where));
            } catch (JsonProcessingException e) {
                throw OroException.invalid("invalid-suite", where + ": not a JSON object: " + e.getOriginalMessage());
            }
        }
        return out;
    }

    private static List<TestCase> yaml(String text, String origin) {
        YamlDoc doc = YamlDoc.parse(text, origin);
        List<TestCase> out = new ArrayList<>();
        List<Object> items = doc.list(doc.value(), "");
        for (int i = 0; i < items.size(); i++) {
            String where = origin + " line " + doc.lineOf("[" + i + "]");
            out.add(entry(doc.map(items.get(i), "[" + i + "]"), origin.substring(origin.lastIndexOf('/') + 1) + ":" + (i + 1), where));
        }
        return out;
    }

    @SuppressWarnings("unchecked")
    private static TestCase entry(Map<String, Object> entry, String id, String where) {
        if (!entry.containsKey("vars")) {
            return new TestCase(id, null, entry, List.of(), where);
        }
        if (!(entry.get("vars") instanceof Map<?, ?> vars)) {
            throw OroException.invalid("invalid-suite", where + ": 'vars' must be a mapping of names to values");
        }
        List<AssertionEntry> asserts = new ArrayList<>();
        Object raw = entry.get("assert");
        if (raw != null) {
            if (!(raw instanceof List<?> list)) {
                throw OroException.invalid("invalid-suite", where + ": 'assert' must be a list");
            }
            for (Object a : list) {
                if (!(a instanceof Map<?, ?> m) || !(m.get("type") instanceof String)) {
                    throw OroException.invalid("invalid-suite", where + ": each assertion needs a 'type'");
                }
                asserts.add(new AssertionEntry((Map<String, Object>) m, where));
            }
        }
        Object description = entry.get("description");
        return new TestCase(id, description == null ? null : description.toString(), (Map<String, Object>) vars, asserts, where,
                status(entry.get("status"), where));
    }

    /** A drafted test's status; anything else is a typo that would silently count or drop a test. */
    private static String status(Object value, String where) {
        if (value == null || value instanceof String s && TestCase.STATUSES.contains(s)) {
            return (String) value;
        }
        throw OroException.invalid("invalid-suite", where + ": field 'status' must be draft, accepted or rejected, not '" + value + "'");
    }
}
