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
import dev.oro.eval.stats.PassAtK;
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

    /**
     * One rule on one model and parameter setting: base vs the rule's variant.
     *
     * @param params             the swept parameters of this row ({@code temperature=0}), empty without a sweep
     * @param scoreInterval      variant − base mean score with its 95% paired bootstrap interval
     * @param baseConsistency    the base's pass^k (all k samples pass), null when cases ran once
     * @param variantConsistency the variant's pass^k, null when cases ran once
     */
    public record Row(String rule, String what, String variant, String model, String params, double basePassRate,
            Interval basePassInterval, double variantPassRate, Interval variantPassInterval, double scoreDifference,
            Interval scoreInterval, double pValue, Double baseConsistency, Double variantConsistency, Verdict verdict,
            String sentence) {

        /** The model and its setting, as the verdict names them: {@code fake} or {@code fake · temperature=0}. */
        public String setting() {
            return params.isEmpty() ? model : model + " · " + params;
        }
    }

    /** The base version on one model and parameter setting: how the knob alone moves it. */
    public record Setting(String model, String params, double passRate, Interval passInterval, double meanScore, Integer k,
            Double consistency) {
    }

    /** The whole ablation: its run, one row per rule × model × setting, the base per setting, and rules that made no variant. */
    public record Report(String base, String runId, List<Row> rows, List<Setting> settings, List<String> skipped, String summary) {
        public Report {
            rows = List.copyOf(rows);
            settings = List.copyOf(settings);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * An ablation checked and ready: the variants written as versions and the run prepared, so
     * that nothing is left to fail on bad input once it is accepted.
     */
    public record Plan(String base, Runner.Prepared prepared, Map<String, Variants.Variant> variants, List<String> skipped) {
    }

    private static final long SEED = 20261127L;

    private Ablation() {
    }

    public static Report run(PromptLibrary library, Runner runner, Reports reports, String ref, Suite suite, RunOptions options,
            List<Rewrite> rewrites, RunListener listener) {
        Plan plan = plan(library, runner, ref, suite, options, rewrites);
        return report(reports, plan, runner.run(plan.prepared(), listener));
    }

    /** Resolves the base, checks the suite and models with the base alone, then writes the variants and prepares the run. */
    public static Plan plan(PromptLibrary library, Runner runner, String ref, Suite suite, RunOptions options, List<Rewrite> rewrites) {
        PromptVersion base = library.resolve(PromptRef.parse(ref));
        Variants.Result result = Variants.of(base, rewrites);
        if (result.variants().isEmpty()) {
            throw OroException.invalid("no-variant", base.name() + "@" + base.version()
                    + " already follows the requested rules; nothing to ablate (" + String.join("; ", result.skipped()) + ")");
        }
        String baseRef = base.name() + "@" + base.version();
        // Checked before any version is written, so a typo in a model name leaves the library as it was.
        runner.prepare(withPrompts(suite, List.of(baseRef)), options);
        Map<String, Variants.Variant> byRef = new LinkedHashMap<>();
        for (Variants.Variant v : result.variants()) {
            byRef.put(base.name() + "@" + library.create(base.name(), v.source(), null), v);
        }
        List<String> prompts = new ArrayList<>();
        prompts.add(baseRef);
        prompts.addAll(byRef.keySet());
        return new Plan(baseRef, runner.prepare(withPrompts(suite, prompts), options), byRef, result.skipped());
    }

    /** Compares each variant with the base on every model and setting the run covered. */
    public static Report report(Reports reports, Plan plan, RunSummary summary) {
        String baseRef = plan.base();
        Map<String, List<CaseOutcome>> outcomes = reports.outcomes(summary.runId());
        Map<String, VariantStats> stats = reports.stats(summary.runId());
        List<Row> rows = new ArrayList<>();
        List<Setting> settings = new ArrayList<>();
        String prefix = baseRef + " · ";
        for (String label : outcomes.keySet()) {
            if (label.startsWith(prefix)) {
                String[] setting = setting(label.substring(prefix.length()));
                VariantStats s = stats.get(label);
                settings.add(new Setting(setting[0], setting[1], s.passRate().estimate(), s.passRate(), s.meanScore().estimate(),
                        s.repeated().map(PassAtK::k).orElse(null), consistency(s)));
            }
        }
        for (Map.Entry<String, Variants.Variant> entry : plan.variants().entrySet()) {
            for (String label : outcomes.keySet()) {
                if (!label.startsWith(prefix)) {
                    continue;
                }
                String rest = label.substring(prefix.length());
                String other = entry.getKey() + " · " + rest;
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
                String[] setting = setting(rest);
                rows.add(new Row(entry.getValue().rule(), entry.getValue().what(), entry.getKey(), setting[0], setting[1],
                        rate(c.passesA(), c.pairedTests()), a.passRate(), rate(c.passesB(), c.pairedTests()), b.passRate(),
                        c.meanScoreB() - c.meanScoreA(), c.scoreDifference().difference(), c.mcnemar().pValue(), consistency(a),
                        consistency(b), verdict, c.sentence()));
            }
        }
        return new Report(baseRef, summary.runId(), rows, settings, plan.skipped(), summary(baseRef, rows));
    }

    private static Suite withPrompts(Suite suite, List<String> prompts) {
        return new Suite(suite.file(), suite.description(), prompts, suite.models(), suite.params(), suite.repeat(), suite.tests(),
                suite.defaultAsserts(), suite.judge());
    }

    /** "fake · temperature=0" → model and params; a profile name never holds the separator. */
    private static String[] setting(String rest) {
        int at = rest.indexOf(" · ");
        return at < 0 ? new String[] {rest, ""} : new String[] {rest.substring(0, at), rest.substring(at + 3)};
    }

    private static Double consistency(VariantStats s) {
        return s.repeated().map(PassAtK::passHatK).orElse(null);
    }

    private static double rate(int passes, int n) {
        return n == 0 ? 0 : (double) passes / n;
    }

    /** "On qa@1: GR3 (gpt) helped; GR9 (gpt) made no measurable difference (α = 0.05)." */
    static String summary(String baseRef, List<Row> rows) {
        List<String> parts = new ArrayList<>();
        for (Verdict verdict : Verdict.values()) {
            Map<String, List<String>> models = new LinkedHashMap<>();
            rows.stream().filter(r -> r.verdict() == verdict)
                    .forEach(r -> models.computeIfAbsent(r.rule(), k -> new ArrayList<>()).add(r.setting()));
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
