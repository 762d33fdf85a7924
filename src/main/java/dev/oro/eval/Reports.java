package dev.oro.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import dev.oro.eval.assertion.AssertionResult;
import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import java.io.IOException;
import java.io.OutputStream;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.apache.commons.text.StringEscapeUtils;

/**
 * A run's results as a summary table for the terminal and as files for CI: JSON (summary,
 * variants, results), CSV for spreadsheets and JUnit XML for CI systems. Results are streamed
 * from the store, never loaded whole.
 */
public final class Reports {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final RunStore store;

    public Reports(RunStore store) {
        this.store = store;
    }

    /** Per-variant figures, gathered in one pass over the results. */
    public Map<String, VariantTally> tally(String runId) {
        Map<String, VariantTally> out = new LinkedHashMap<>();
        store.results(runId, r -> out.computeIfAbsent(r.variant(), VariantTally::new).add(r));
        return out;
    }

    public String table(String runId) {
        Map<String, VariantTally> variants = tally(runId);
        int width = Math.max(7, variants.keySet().stream().mapToInt(String::length).max().orElse(7));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %6s  %6s  %6s  %9s  %6s  %10s  %10s%n", "VARIANT", "CASES", "PASS",
                "ERRORS", "PASS RATE", "SCORE", "LATENCY", "COST $"));
        for (VariantTally v : variants.values()) {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %6d  %6d  %6d  %8.1f%%  %6.3f  %8d ms  %10.6f%n", v.variant, v.cases,
                    v.passed, v.errors, 100.0 * v.passRate(), v.meanScore(), v.meanLatency(), v.cost));
        }
        return out.toString();
    }

    public void write(String runId, Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        try {
            if (file.getParent() != null) {
                Files.createDirectories(file.getParent());
            }
            if (name.endsWith(".json")) {
                json(runId, file);
            } else if (name.endsWith(".csv")) {
                csv(runId, file);
            } else if (name.endsWith(".xml")) {
                junit(runId, file);
            } else {
                throw OroException.invalid("bad-output", "cannot write " + file + ": use a .json, .csv or .xml (JUnit) file name");
            }
        } catch (IOException e) {
            throw OroException.invalid("bad-output", "cannot write " + file + ": " + e.getMessage());
        }
    }

    private void json(String runId, Path file) throws IOException {
        RunSummary summary = store.summary(runId);
        Map<String, VariantTally> variants = tally(runId);
        try (OutputStream os = Files.newOutputStream(file);
                JsonGenerator g = JSON.getFactory().createGenerator(os, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("runId", runId);
            g.writeObjectField("summary", Map.of("cases", summary.cases(), "passed", summary.passed(), "failed", summary.failed(),
                    "errors", summary.errors()));
            g.writeArrayFieldStart("variants");
            for (VariantTally v : variants.values()) {
                g.writeObject(v.asMap());
            }
            g.writeEndArray();
            g.writeArrayFieldStart("results");
            store.results(runId, r -> {
                try {
                    g.writeObject(r);
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            g.writeEndArray();
            g.writeEndObject();
        }
    }

    private void csv(String runId, Path file) throws IOException {
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                CSVPrinter csv = new CSVPrinter(w, CSVFormat.DEFAULT.builder().setHeader("test", "variant", "repeat", "prompt", "prompt_hash",
                        "model", "passed", "score", "error", "output", "latency_ms", "input_tokens", "output_tokens", "cost", "cached",
                        "reasons").get())) {
            store.results(runId, r -> {
                try {
                    csv.printRecord(r.testId(), r.variant(), r.repeat(), r.prompt(), r.promptHash(), r.model(), r.passed(), r.score(),
                            r.error(), r.output(), r.latencyMs(), r.inputTokens(), r.outputTokens(), r.cost(), r.cached(), reasons(r));
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
        }
    }

    /** One testsuite per variant, one testcase per test and repeat, as CI systems expect. */
    private void junit(String runId, Path file) throws IOException {
        Map<String, VariantTally> variants = tally(runId);
        Map<String, StringBuilder> cases = new LinkedHashMap<>();
        store.results(runId, r -> {
            StringBuilder xml = cases.computeIfAbsent(r.variant(), k -> new StringBuilder());
            xml.append("    <testcase classname=\"").append(esc(r.variant())).append("\" name=\"").append(esc(r.testId()))
                    .append(r.repeat() > 0 ? " #" + (r.repeat() + 1) : "").append("\" time=\"")
                    .append(r.latencyMs() == null ? 0 : r.latencyMs() / 1000.0).append("\">");
            if (r.error() != null) {
                xml.append("<error message=\"").append(esc(r.error())).append("\"/>");
            } else if (!r.passed()) {
                xml.append("<failure message=\"").append(esc(reasons(r))).append("\">").append(esc(r.output())).append("</failure>");
            }
            xml.append("</testcase>\n");
        });
        try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"oro run " + esc(runId) + "\">\n");
            for (VariantTally v : variants.values()) {
                w.write("  <testsuite name=\"" + esc(v.variant) + "\" tests=\"" + v.cases + "\" failures=\"" + (v.cases - v.passed - v.errors)
                        + "\" errors=\"" + v.errors + "\">\n");
                w.write(cases.getOrDefault(v.variant, new StringBuilder()).toString());
                w.write("  </testsuite>\n");
            }
            w.write("</testsuites>\n");
        }
    }

    private static String reasons(CaseResult r) {
        return r.assertions().stream().filter(a -> !a.pass()).map(AssertionResult::reason).collect(Collectors.joining("; "));
    }

    private static String esc(String s) {
        return s == null ? "" : StringEscapeUtils.escapeXml10(s);
    }

    /** Running totals of one variant. */
    public static final class VariantTally {
        final String variant;
        long cases;
        long passed;
        long errors;
        double scoreSum;
        long latencySum;
        long latencyCount;
        double cost;

        VariantTally(String variant) {
            this.variant = variant;
        }

        void add(CaseResult r) {
            cases++;
            if (r.passed()) {
                passed++;
            }
            if (r.error() != null) {
                errors++;
            }
            scoreSum += r.score();
            if (r.latencyMs() != null) {
                latencySum += r.latencyMs();
                latencyCount++;
            }
            cost += r.cost() == null ? 0 : r.cost();
        }

        public String variant() {
            return variant;
        }

        public long cases() {
            return cases;
        }

        public long passed() {
            return passed;
        }

        public long errors() {
            return errors;
        }

        public double passRate() {
            return cases == 0 ? 0 : (double) passed / cases;
        }

        public double meanScore() {
            return cases == 0 ? 0 : scoreSum / cases;
        }

        public long meanLatency() {
            return latencyCount == 0 ? 0 : latencySum / latencyCount;
        }

        public Map<String, Object> asMap() {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("variant", variant);
            m.put("cases", cases);
            m.put("passed", passed);
            m.put("errors", errors);
            m.put("passRate", passRate());
            m.put("meanScore", meanScore());
            m.put("meanLatencyMs", meanLatency());
            m.put("cost", cost);
            return m;
        }
    }
}
