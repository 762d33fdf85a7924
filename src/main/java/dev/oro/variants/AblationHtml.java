package dev.oro.variants;

import dev.oro.eval.stats.Interval;
import java.util.Locale;

/**
 * An ablation as one self-contained HTML page: the verdict in words, a chart of each rule's
 * effect per model (Δ mean score with its 95% interval as whiskers), the table behind it and,
 * when parameters were swept, how the base fared at each setting. Inline SVG, no script, every
 * text escaped: it opens anywhere, offline.
 */
public final class AblationHtml {

    private AblationHtml() {
    }

    public static String of(Ablation.Report report) {
        StringBuilder w = new StringBuilder();
        w.append("<!DOCTYPE html><html lang=\"en\"><head><meta charset=\"utf-8\"><meta name=\"viewport\" content=\"width=device-width,"
                + " initial-scale=1\"><title>Oro ablation of ").append(e(report.base())).append("</title><style>").append(CSS)
                .append("</style></head><body>");
        w.append("<h1>Ablation of ").append(e(report.base())).append("</h1><p class=\"meta\">run ").append(e(report.runId()))
                .append("</p>");
        w.append("<p class=\"verdict\">").append(e(report.summary())).append("</p>");
        w.append("<h2>Effect of each rule</h2><p class=\"meta\">Mean score of the variant minus the base's, with its 95% paired"
                + " bootstrap interval. Green helped, red hurt, grey made no measurable difference.</p>");
        w.append(chart(report));
        w.append("<table><thead><tr><th>Rule</th><th>Model</th><th>Setting</th><th>Variant</th><th>Base pass</th><th>Variant pass</th>"
                + "<th>Δ score [95% CI]</th><th>p</th><th>pass^k base → variant</th><th>Verdict</th></tr></thead><tbody>");
        for (Ablation.Row r : report.rows()) {
            w.append(String.format(Locale.ROOT, "<tr class=\"%s\"><td>%s</td><td>%s</td><td>%s</td><td>%s<br><span class=\"meta\">%s</span>"
                    + "</td><td>%.0f%%</td><td>%.0f%%</td><td>%+.3f [%+.3f, %+.3f]</td><td>%.4f</td><td>%s → %s</td><td>%s</td></tr>",
                    css(r.verdict()), e(r.rule()), e(r.model()), e(r.params()), e(r.variant()), e(r.what()), 100 * r.basePassRate(),
                    100 * r.variantPassRate(), r.scoreDifference(), r.scoreInterval().low(), r.scoreInterval().high(), r.pValue(),
                    percent(r.baseConsistency()), percent(r.variantConsistency()), e(r.verdict().name())));
        }
        w.append("</tbody></table><ul>");
        report.rows().forEach(r -> w.append("<li>").append(e(r.rule() + " · " + r.setting() + ": " + r.sentence())).append("</li>"));
        w.append("</ul>");
        if (report.settings().stream().anyMatch(s -> !s.params().isEmpty() || s.consistency() != null)) {
            w.append("<h2>The base at each setting</h2><table><thead><tr><th>Model</th><th>Setting</th><th>Pass rate (95% CI)</th>"
                    + "<th>Mean score</th><th>Consistency (pass^k)</th></tr></thead><tbody>");
            for (Ablation.Setting s : report.settings()) {
                w.append(String.format(Locale.ROOT, "<tr><td>%s</td><td>%s</td><td>%.0f%% [%.0f, %.0f]</td><td>%.3f</td><td>%s</td></tr>",
                        e(s.model()), e(s.params()), 100 * s.passRate(), 100 * s.passInterval().low(), 100 * s.passInterval().high(),
                        s.meanScore(), s.k() == null ? "–" : "pass^" + s.k() + " " + percent(s.consistency())));
            }
            w.append("</tbody></table>");
        }
        if (!report.skipped().isEmpty()) {
            w.append("<h2>Rules without a variant</h2><ul>");
            report.skipped().forEach(s -> w.append("<li>").append(e(s)).append("</li>"));
            w.append("</ul>");
        }
        return w.append("</body></html>\n").toString();
    }

    /** Horizontal bars from zero with interval whiskers, on a −1…+1 scale. */
    private static String chart(Ablation.Report report) {
        int rowHeight = 28;
        int labelWidth = 300;
        int half = 220;
        int height = report.rows().size() * rowHeight + 30;
        int zero = labelWidth + half;
        StringBuilder svg = new StringBuilder(String.format(Locale.ROOT, "<svg role=\"img\" aria-label=\"Effect of each rule on the mean"
                + " score\" width=\"%d\" height=\"%d\" viewBox=\"0 0 %d %d\">", labelWidth + 2 * half + 70, height,
                labelWidth + 2 * half + 70, height));
        svg.append(String.format(Locale.ROOT, "<line x1=\"%d\" x2=\"%d\" y1=\"0\" y2=\"%d\" stroke=\"#999\"/>", zero, zero, height - 20));
        for (double tick : new double[] {-1, -0.5, 0, 0.5, 1}) {
            svg.append(String.format(Locale.ROOT, "<text x=\"%.1f\" y=\"%d\" text-anchor=\"middle\" class=\"tick\">%+.1f</text>",
                    zero + half * tick, height - 4, tick));
        }
        int y = 4;
        for (Ablation.Row r : report.rows()) {
            Interval ci = r.scoreInterval();
            double x = zero + half * clamp(r.scoreDifference());
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\" text-anchor=\"end\">%s</text>", labelWidth - 8, y + 17,
                    e(r.rule() + " · " + r.setting())));
            svg.append(String.format(Locale.ROOT, "<rect x=\"%.1f\" y=\"%d\" width=\"%.1f\" height=\"18\" class=\"%s\"/>", Math.min(x, zero),
                    y + 3, Math.abs(x - zero), css(r.verdict())));
            double lo = zero + half * clamp(ci.low());
            double hi = zero + half * clamp(ci.high());
            svg.append(String.format(Locale.ROOT, "<path d=\"M%.1f %d v8 M%.1f %d H%.1f M%.1f %d v8\" stroke=\"#222\" fill=\"none\"/>", lo,
                    y + 8, lo, y + 12, hi, hi, y + 8));
            svg.append(String.format(Locale.ROOT, "<text x=\"%d\" y=\"%d\">%+.2f</text>", zero + half + 8, y + 17, r.scoreDifference()));
            y += rowHeight;
        }
        return svg.append("</svg>").toString();
    }

    private static double clamp(double v) {
        return Math.max(-1, Math.min(1, v));
    }

    private static String css(Ablation.Verdict verdict) {
        return switch (verdict) {
            case HELPED -> "helped";
            case HURT -> "hurt";
            case NO_MEASURABLE_DIFFERENCE -> "same";
        };
    }

    private static String percent(Double v) {
        return v == null ? "–" : String.format(Locale.ROOT, "%.0f%%", 100 * v);
    }

    /** The five characters that matter in text and attributes; the page is UTF-8, so "·" and "α" stay readable. */
    private static String e(String s) {
        return s == null ? "" : s.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;")
                .replace("'", "&#39;");
    }

    private static final String CSS = "body{font:14px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d1d1f}h1{color:#b8860b;margin:0}"
            + ".meta{color:#6e6e73}.verdict{font-size:1.1rem;font-weight:600}table{border-collapse:collapse;margin:.5rem 0 1.5rem}"
            + "th,td{border:1px solid #e5e5ea;padding:.3rem .5rem;text-align:left;vertical-align:top}tr.helped td{background:#e8f6ec}"
            + "tr.hurt td{background:#fdecec}rect.helped{fill:#2e8b57}rect.hurt{fill:#c0392b}rect.same{fill:#a0a0a6}"
            + "svg text{font:12px system-ui,sans-serif}svg text.tick{fill:#6e6e73}";
}
