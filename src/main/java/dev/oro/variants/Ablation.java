package dev.oro.variants;

import dev.oro.OroException;
import dev.oro.eval.Reports;
import dev.oro.eval.RunListener;
import dev.oro.eval.RunOptions;
import dev.oro.eval.RunSummary;
import dev.oro.eval.Runner;
import dev.oro.eval.Suite;
import dev.oro.eval.stats.CaseOutcome;
import dev.oro.eval.stats.Comparison;
import dev.oro.eval.stats.Interval;
import dev.oro.eval.stats.VariantStats;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Which golden rules matter for a prompt: writes one variant per rule from a base version, runs
 * the base and every variant once on the same tests and models, and compares each variant with
 * the base (McNemar on pass rate, then the paired bootstrap on scores).
 */
public final class Ablation {

    public enum Verdict { HELPED, HURT, NO_MEASURABLE_DIFFERENCE }

    /** One rule on one model (and parameter combination): base vs the rule's variant. */
    public record Row(String rule, String what, String variant, String model, double basePassRate, Interval basePassInterval,
            double variantPassRate, Interval variantPassInterval, double scoreDifference, double pValue, Verdict verdict,
            String sentence) {
    }

    /** The whole ablation: its run, one row per rule × model, and rules that made no variant. */
    public record Report(String base, String runId, List<Row> rows, List<String> skipped, String summary) {
        public Report {
            rows = List.copyOf(rows);
            skipped = List.copyOf(skipped);
        }
    }

    private static final long SEED = 20261127L;

    private Ablation() {
    }

    public static Report run(PromptLibrary library, Runner runner, Reports reports, String ref, Suite suite, RunOptions options,
            List<Rewrite> rewrites, RunListener listener) {
        PromptVersion base = library.resolve(PromptRef.parse(ref));
        Variants.Result result = Variants.of(base, rewrites);
        if (result.variants().isEmpty()) {
            throw OroException.invalid("no-variant", base.name() + "@" + base.version()
                    + " already follows the requested rules; nothing to ablate (" + String.join("; ", result.skipped()) + ")");
        }
        String baseRef = base.name() + "@" + base.version();
        Map<String, Variants.Variant> byRef = new LinkedHashMap<>();
        for (Variants.Variant v : result.variants()) {
            byRef.put(base.name() + "@" + library.create(base.name(), v.source(), null), v);
        }
        List<String> prompts = new ArrayList<>();
        prompts.add(baseRef);
        prompts.addAll(byRef.keySet());
        Suite copy = new Suite(suite.file(), suite.description(), prompts, suite.models(), suite.params(), suite.repeat(), suite.tests(),
                suite.defaultAsserts(), suite.judge());
        RunSummary summary = runner.run(copy, options, listener);
        Map<String, List<CaseOutcome>> outcomes = reports.outcomes(summary.runId());
        Map<String, VariantStats> stats = reports.stats(summary.runId());
        List<Row> rows = new ArrayList<>();
        String prefix = baseRef + " · ";
        for (Map.Entry<String, Variants.Variant> entry : byRef.entrySet()) {
            for (String label : outcomes.keySet()) {
                if (!label.startsWith(prefix)) {
                    continue;
                }
                String model = label.substring(prefix.length());
                String other = entry.getKey() + " · " + model;
                if (!outcomes.containsKey(other)) {
                    continue;
                }
                Comparison c = Comparison.of(label, outcomes.get(label), other, outcomes.get(other), new Random(SEED));
                Verdict verdict = switch (c.verdict()) {
                    case B_BETTER -> Verdict.HELPED;
                    case A_BETTER -> Verdict.HURT;
                    case NO_SIGNIFICANT_DIFFERENCE -> Verdict.NO_MEASURABLE_DIFFERENCE;
                };
                VariantStats a = stats.get(label);
                VariantStats b = stats.get(other);
                rows.add(new Row(entry.getValue().rule(), entry.getValue().what(), entry.getKey(), model,
                        rate(c.passesA(), c.pairedTests()), a.passRate(), rate(c.passesB(), c.pairedTests()), b.passRate(),
                        c.meanScoreB() - c.meanScoreA(), c.mcnemar().pValue(), verdict, c.sentence()));
            }
        }
        return new Report(baseRef, summary.runId(), rows, result.skipped(), summary(baseRef, rows));
    }

    private static double rate(int passes, int n) {
        return n == 0 ? 0 : (double) passes / n;
    }

    /** "On qa@1, GR3 helped (gpt); GR9 made no measurable difference." */
    static String summary(String baseRef, List<Row> rows) {
        List<String> parts = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            Map<String, List<String>> models = new LinkedHashMap<>();
            rows.stream().filter(r -> r.verdict() == verdict)
                    .forEach(r -> models.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r.model()));
            if (models.isEmpty()) {
                continue;
            }
            String rules = String.join(", ", models.entrySet().stream().map(e -> e.getKey() + " (" + String.join(", ", e.getValue()) + ")")
                    .toList());
            parts.add(rules + switch (verdict) {
                case HELPED -> " helped";
                case HURT -> " hurt";
                case NO_MEASURABLE_DIFFERENCE -> " made no measurable difference";
            });
        }
        return "On " + baseRef + ": " + (parts.isEmpty() ? "nothing was compared" : String.join("; ", parts))
                + " (α = " + Comparison.ALPHA + ").";
    }
}
