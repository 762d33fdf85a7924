package dev.oro.eval;

import static org.apache.commons.text.StringEscapeUtils.escapeHtml4;

import dev.oro.eval.stats.Comparison;
import dev.oro.eval.stats.VariantStats;
import dev.oro.store.CaseResult;
import dev.oro.store.RunInfo;
import dev.oro.store.RunStore;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * One self-contained HTML file for a run: the summary, a pass-rate chart with 95% intervals,
 * the comparison verdicts and the results matrix (tests as rows, variants as columns), with
 * every output escaped. No script and no external file: it opens anywhere, offline.
 */
final class HtmlReport {

    /** Rows beyond this are left out of the file (the JSON has them all), so it stays openable. */
    static final int MAX_ROWS = 2_000;

    private final RunStore store;
    private final Reports reports;

    HtmlReport(RunStore store, Reports reports) {
        this.store = store;
        this.reports = reports;
    }

    void write(String runId, Writer w) throws IOException {
        RunInfo run = store.require(runId);
        RunSummary summary = store.summary(runId);
        Reports.Analysis analysis = reports.analysis(runId);
        Map<String, VariantStats> stats = analysis.stats();
        List<String> variants = new ArrayList<>(stats.keySet());
        Map<String, Map<String, CaseResult>> rows = new LinkedHashMap<>();
        store.results(runId, r -> {
            if (rows.size() < MAX_ROWS || rows.containsKey(r.testId() + "#" + r.repeat())) {
                rows.computeIfAbsent(r.testId() + "#" + r.repeat(), k -> new LinkedHashMap<>()).put(r.variant(), r);
            }
        });
        w.write("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
                + " initial-scale=1\"><title>Oro run " + e(runId) + "</title><style>" + CSS + "</style></head><body>");
        w.write("<h1>Oro run</h1><p class=\"meta\">" + e(run.suite()) + (run.description() == null ? "" : " · " + e(run.description()))
                + " · " + e(run.status()) + " · " + e(run.createdAt().toString()) + "</p>");
        w.write(String.format(Locale.ROOT, "<p class=\"summary\"><b>%d</b> cases · <b class=\"pass\">%d</b> passed · <b class=\"fail\">%d</b>"
                + " failed · <b class=\"err\">%d</b> errors</p>", summary.cases(), summary.passed(), summary.failed(), summary.errors()));
        w.write("<h2>Pass rate by variant</h2>" + chart(stats));
        w.write("<table><thead><tr><th>Variant</th><th>Cases</th><th>Pass rate (95% CI)</th><th>Mean score (95% CI)</th><th>p50 ms</th>"
                + "<th>p95 ms</th><th>Tokens in/out</th><th>Cost $</th></tr></thead><tbody>");
        for (var entry : stats.entrySet()) {
            VariantStats v = entry.getValue();
            w.write(String.format(Locale.ROOT, "<tr><td>%s</td><td>%d</td><td>%.1f%% [%.1f, %.1f]</td><td>%.3f [%.3f, %.3f]</td><td>%.0f</td>"
                    + "<td>%.0f</td><td>%d / %d</td><td>%.6f</td></tr>", e(entry.getKey()), v.cases(), 100 * v.passRate().estimate(),
                    100 * v.passRate().low(), 100 * v.passRate().high(), v.meanScore().estimate(), v.meanScore().low(), v.meanScore().high(),
                    v.latencyP50Ms(), v.latencyP95Ms(), v.inputTokens(), v.outputTokens(), v.totalCost()));
        }
        w.write("</tbody></table>");
        List<Comparison> comparisons = analysis.comparisons();
        if (!comparisons.isEmpty()) {
            w.write("<h2>Comparisons</h2><ul>");
            for (Comparison c : comparisons) {
                w.write("<li class=\"" + c.verdict().name().toLowerCase(Locale.ROOT) + "\">" + e(c.sentence()) + "</li>");
            }
            w.write("</ul>");
        }
        w.write("<h2>Results</h2>" + (rows.size() >= MAX_ROWS ? "<p class=\"meta\">First " + MAX_ROWS + " rows; the JSON report has all.</p>" : ""));
        w.write("<table class=\"matrix\"><thead><tr><th>Test</th>" + variants.stream().map(v -> "<th>" + e(v) + "</th>").collect(Collectors.joining())
                + "</tr></thead><tbody>");
        for (var row : rows.entrySet()) {
            w.write("<tr><th>" + e(rowLabel(row.getKey())) + "</th>");
            for (String v : variants) {
                CaseResult r = row.getValue().get(v);
                w.write(r == null ? "<td></td>" : cell(r));
            }
            w.write("</tr>");
        }
        w.write("</tbody></table></body></html>\n");
    }

    /** "t1" for the first sample of a test, "t1 #2" for its second, as JUnit reports count. */
    private static String rowLabel(String key) {
        int hash = key.lastIndexOf('#');
        int repeat = Integer.parseInt(key.substring(hash + 1));
        return key.substring(0, hash) + (repeat == 0 ? "" : " #" + (repeat + 1));
    }

    private static String cell(CaseResult r) {
        String kind = r.error() != null ? "err" : r.passed() ? "pass" : "fail";
        String reasons = r.assertions().stream().map(a -> (a.pass() ? "✓ " : "✗ ") + a.reason()).collect(Collectors.joining("\n"));
        String body = r.error() != null ? r.error() : r.output();
        return String.format(Locale.ROOT, "<td class=\"%s\"><details><summary>%s · %.2f</summary><pre>%s</pre><p class=\"why\">%s</p>"
                + "<p class=\"meta\">%s ms · %s/%s tokens%s</p></details></td>", kind, kind, r.score(), e(body), e(reasons),
                r.latencyMs() == null ? "–" : r.latencyMs(), r.inputTokens(), r.outputTokens(), r.cached() ? " · cached" : "");
    }

    /** Horizontal bars with interval whiskers, as inline SVG. */
    private static String chart(Map<String, VariantStats> stats) {
        int rowHeight = 28;
        int labelWidth = 360;
        int barWidth = 420;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg role=\"img\" aria-label=\"Pass rate by variant\""
                + " width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", labelWidth + barWidth + 60, stats.size() * rowHeight + 10,
                labelWidth + barWidth + 60, stats.size() * rowHeight + 10));
        int y = 5;
        for (var entry : stats.entrySet()) {
            var rate = entry.getValue().passRate();
            double x0 = labelWidth;
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelWidth - 8, y + 17,
                    e(shorten(entry.getKey()))));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" fill=\"#d4a017\"/>", x0, y + 3,
                    barWidth * rate.estimate()));
            svg.append(String.format(Locale.ROOT, "<line x1=\"%.1f\" x2=\"%.1f\" y1=\"%d\" y2=\"%d\" stroke=\"#333\"/>", x0 + barWidth * rate.low(),
                    x0 + barWidth * rate.high(), y + 12, y + 12));
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\">%.0f%%</text>", x0 + barWidth + 6, y + 17, 100 * rate.estimate()));
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static String shorten(String s) {
        return s.length() > 48 ? s.substring(0, 47) + "…" : s;
    }

    private static String e(String s) {
        return s == null ? "" : escapeHtml4(s);
    }

    private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d1d1f}h1{color:#b8860b;margin:0}"
            + ".meta{color:#6e6e73}table{border-collapse:collapse;margin:.5rem 0 1.5rem}th,td{border:1px solid #e5e5ea;padding:.3rem .5rem;"
            + "text-align:left;vertical-align:top}.matrix td{min-width:10rem;max-width:28rem}.pass{background:#e8f6ec}.fail{background:#fdecec}"
            + ".err{background:#fff4d6}b.pass,b.fail,b.err{background:none}pre{white-space:pre-wrap;margin:.3rem 0}.why{white-space:pre-wrap;"
            + "color:#444}summary{cursor:pointer}li.a_better,li.b_better{font-weight:600}svg text{font:12px system-ui,sans-serif}";
}
