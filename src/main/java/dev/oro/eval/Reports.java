package dev.oro.eval;

import com.fasterxml.jackson.core.JsonEncoding;
import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import dev.oro.eval.assertion.AssertionResult;
import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import dev.oro.eval.stats.CaseOutcome;
import dev.oro.eval.stats.Comparison;
import dev.oro.eval.stats.Interval;
import dev.oro.eval.stats.VariantStats;
import java.util.random.RandomGenerator;
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

    private static final ObjectMapper JSON = new ObjectMapper().registerModule(new com.fasterxml.jackson.datatype.jdk8.Jdk8Module());
    private final RunStore store;

    public Reports(RunStore store) {
        this.store = store;
    }

    /** A fixed seed: the same run always reports the same bootstrap intervals. */
    private static final long SEED = 20261127L;

    /** Each variant's outcomes, gathered in one pass over the results (a few numbers per case). */
    public Map<String, List<CaseOutcome>> outcomes(String runId) {
        Map<String, List<CaseOutcome>> out = new LinkedHashMap<>();
        store.results(runId, r -> out.computeIfAbsent(r.variant(), k -> new ArrayList<>()).add(new CaseOutcome(r.testId(), r.repeat(),
                r.passed(), r.score(), r.latencyMs() == null ? 0 : r.latencyMs(), r.inputTokens() == null ? 0 : r.inputTokens(),
                r.outputTokens() == null ? 0 : r.outputTokens(), r.cost() == null ? 0 : r.cost(), r.error() != null)));
        return out;
    }

    /** Per-variant statistics alone: no pairwise comparisons (their bootstraps are the costly part). */
    public Map<String, VariantStats> stats(String runId) {
        return statsOf(outcomes(runId));
    }

    /** A run's per-variant statistics and comparisons, from one read of its results. */
    public record Analysis(Map<String, VariantStats> stats, List<Comparison> comparisons) {
    }

    public Analysis analysis(String runId) {
        Map<String, List<CaseOutcome>> outcomes = outcomes(runId);
        return new Analysis(statsOf(outcomes), comparisons(outcomes));
    }

    private static Map<String, VariantStats> statsOf(Map<String, List<CaseOutcome>> outcomes) {
        Map<String, VariantStats> stats = new LinkedHashMap<>();
        outcomes.forEach((variant, cases) -> stats.put(variant, statsOf(cases)));
        return stats;
    }

    static VariantStats statsOf(List<CaseOutcome> cases) {
        return VariantStats.of(cases, repeats(cases), seeded());
    }

    /** Each variant's figures as the API and the JSON report show them. */
    public List<Map<String, Object>> variantRows(String runId) {
        List<Map<String, Object>> rows = new ArrayList<>();
        stats(runId).forEach((variant, v) -> rows.add(row(variant, v)));
        return rows;
    }

    static Map<String, Object> row(String variant, VariantStats v) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("variant", variant);
        m.put("cases", v.cases());
        m.put("passed", v.passes());
        m.put("errors", v.errors());
        m.put("passRate", v.passRate());
        m.put("meanScore", v.meanScore());
        m.put("latencyP50Ms", v.latencyP50Ms());
        m.put("latencyP95Ms", v.latencyP95Ms());
        m.put("inputTokens", v.inputTokens());
        m.put("outputTokens", v.outputTokens());
        m.put("cost", v.totalCost());
        v.repeated().ifPresent(r -> m.put("repeated", r));
        return m;
    }

    /**
     * Paired comparisons: every pair when there are a few variants, otherwise each against the
     * first (the baseline), so the table stays readable.
     */
    private static List<Comparison> comparisons(Map<String, List<CaseOutcome>> outcomes) {
        List<String> names = new ArrayList<>(outcomes.keySet());
        List<Comparison> out = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            for (int j = i + 1; j < names.size(); j++) {
                if (names.size() > 4 && i > 0) {
                    break;
                }
                try {
                    out.add(Comparison.of(names.get(i), outcomes.get(names.get(i)), names.get(j), outcomes.get(names.get(j)), seeded()));
                } catch (IllegalArgumentException noSharedTests) {
                    // variants over different tests cannot be paired; nothing to say
                }
            }
        }
        return out;
    }

    public String table(String runId) {
        Analysis analysis = analysis(runId);
        Map<String, VariantStats> variants = analysis.stats();
        int width = Math.max(7, variants.keySet().stream().mapToInt(String::length).max().orElse(7));
        StringBuilder out = new StringBuilder();
        out.append(String.format(Locale.ROOT, "%-" + width + "s  %6s  %6s  %6s  %-22s  %-20s  %8s  %8s  %10s%n", "VARIANT", "CASES",
                "PASS", "ERRORS", "PASS RATE (95% CI)", "SCORE (95% CI)", "P50 ms", "P95 ms", "COST $"));
        variants.forEach((name, v) -> {
            out.append(String.format(Locale.ROOT, "%-" + width + "s  %6d  %6d  %6d  %-22s  %-20s  %8.0f  %8.0f  %10.6f%n", name, v.cases(),
                    v.passes(), v.errors(), percent(v.passRate()), decimal(v.meanScore()), v.latencyP50Ms(), v.latencyP95Ms(), v.totalCost()));
            v.repeated().ifPresent(r -> out.append(String.format(Locale.ROOT, "%-" + width + "s  pass@%d %.1f%%  pass^%d %.1f%% over %d tests%n",
                    "", r.k(), 100 * r.passAtK(), r.k(), 100 * r.passHatK(), r.tests())));
        });
        for (Comparison c : analysis.comparisons()) {
            out.append(c.sentence()).append('\n');
        }
        return out.toString();
    }

    private static int repeats(List<CaseOutcome> cases) {
        return cases.stream().collect(Collectors.groupingBy(CaseOutcome::testId, Collectors.counting())).values().stream()
                .mapToInt(Long::intValue).min().orElse(1);
    }

    static RandomGenerator seeded() {
        return java.util.random.RandomGeneratorFactory.of("L64X128MixRandom").create(SEED);
    }

    private static String percent(Interval i) {
        return String.format(Locale.ROOT, "%.1f%% [%.1f, %.1f]", 100 * i.estimate(), 100 * i.low(), 100 * i.high());
    }

    private static String decimal(Interval i) {
        return String.format(Locale.ROOT, "%.3f [%.3f, %.3f]", i.estimate(), i.low(), i.high());
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
            } else if (name.endsWith(".html")) {
                try (Writer w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
                    new HtmlReport(store, this).write(runId, w);
                }
            } else {
                throw OroException.invalid("bad-output", "cannot write " + file + ": use a .json, .csv, .xml (JUnit) or .html file name");
            }
        } catch (IOException e) {
            throw OroException.invalid("bad-output", "cannot write " + file + ": " + e.getMessage());
        }
    }

    private void json(String runId, Path file) throws IOException {
        RunSummary summary = store.summary(runId);
        Analysis analysis = analysis(runId);
        Map<String, VariantStats> variants = analysis.stats();
        List<Comparison> comparisons = analysis.comparisons();
        try (OutputStream os = Files.newOutputStream(file);
                JsonGenerator g = JSON.getFactory().createGenerator(os, JsonEncoding.UTF8).useDefaultPrettyPrinter()) {
            g.writeStartObject();
            g.writeStringField("runId", runId);
            g.writeObjectField("summary", Map.of("cases", summary.cases(), "passed", summary.passed(), "failed", summary.failed(),
                    "errors", summary.errors()));
            g.writeArrayFieldStart("variants");
            for (Map.Entry<String, VariantStats> v : variants.entrySet()) {
                g.writeObject(row(v.getKey(), v.getValue()));
            }
            g.writeEndArray();
            g.writeArrayFieldStart("comparisons");
            for (Comparison c : comparisons) {
                Map<String, Object> entry = new LinkedHashMap<>();
                entry.put("a", c.nameA());
                entry.put("b", c.nameB());
                entry.put("verdict", c.verdict());
                entry.put("decidedBy", c.decidedBy());
                entry.put("pValue", c.mcnemar().pValue());
                entry.put("sentence", c.sentence());
                g.writeObject(entry);
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
        Map<String, VariantStats> variants = stats(runId);
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
            for (Map.Entry<String, VariantStats> e : variants.entrySet()) {
                VariantStats v = e.getValue();
                w.write("  <testsuite name=\"" + esc(e.getKey()) + "\" tests=\"" + v.cases() + "\" failures=\"" + (v.cases() - v.passes() - v.errors())
                        + "\" errors=\"" + v.errors() + "\">\n");
                w.write(cases.getOrDefault(e.getKey(), new StringBuilder()).toString());
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
}
