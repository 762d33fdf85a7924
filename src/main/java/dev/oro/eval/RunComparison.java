package dev.oro.eval;

import dev.oro.eval.stats.CaseOutcome;
import dev.oro.eval.stats.Comparison;
import dev.oro.store.RunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two runs side by side: each variant present in both (matched by label, or the two variants
 * when each run has exactly one), with their figures, the results paired by test and repeat,
 * and the statistics' verdict on whether one really beats the other.
 */
public final class RunComparison {

    /**
     * @param mcnemarP exact two-sided McNemar p-value on the discordant tests
     * @param verdict  A_BETTER, B_BETTER or NO_SIGNIFICANT_DIFFERENCE at 5%
     */
    public record VariantComparison(Map<String, Object> a, Map<String, Object> b, RunStore.Pairs pairs, double mcnemarP,
            Comparison.Verdict verdict, String sentence) {
    }

    public record Result(String a, String b, List<VariantComparison> variants) {
    }

    private RunComparison() {
    }

    public static Result compare(RunStore store, String runA, String runB) {
        store.require(runA);
        store.require(runB);
        Reports reports = new Reports(store);
        Map<String, List<CaseOutcome>> a = reports.outcomes(runA);
        Map<String, List<CaseOutcome>> b = reports.outcomes(runB);
        List<VariantComparison> out = new ArrayList<>();
        for (String variant : a.keySet()) {
            if (b.containsKey(variant)) {
                out.add(compare(store, runA, variant, a.get(variant), runB, variant, b.get(variant)));
            }
        }
        if (out.isEmpty() && a.size() == 1 && b.size() == 1) {
            String va = a.keySet().iterator().next();
            String vb = b.keySet().iterator().next();
            out.add(compare(store, runA, va, a.get(va), runB, vb, b.get(vb)));
        }
        return new Result(runA, runB, out);
    }

    private static VariantComparison compare(RunStore store, String runA, String variantA, List<CaseOutcome> a, String runB,
            String variantB, List<CaseOutcome> b) {
        Comparison c = Comparison.of(variantA + " (run A)", a, variantB + " (run B)", b, Reports.seeded());
        return new VariantComparison(Reports.row(variantA, Reports.statsOf(a)), Reports.row(variantB, Reports.statsOf(b)),
                store.pairs(runA, variantA, runB, variantB), c.mcnemar().pValue(), c.verdict(), c.sentence());
    }
}
