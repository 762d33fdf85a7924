package dev.oro.eval;

import dev.oro.store.RunStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Two runs side by side: each variant present in both (matched by label, or the two variants
 * when each run has exactly one), with pass rates and the results paired by test and repeat.
 */
public final class RunComparison {

    public record Side(String variant, long cases, long passed, double passRate) {

        static Side of(Reports.VariantTally t) {
            return new Side(t.variant(), t.cases(), t.passed(), t.passRate());
        }
    }

    /** @param mcnemarP exact two-sided McNemar p-value on the discordant pairs (1 when there are none) */
    public record VariantComparison(Side a, Side b, RunStore.Pairs pairs, double mcnemarP) {
    }

    public record Result(String a, String b, List<VariantComparison> variants) {
    }

    private RunComparison() {
    }

    public static Result compare(RunStore store, String runA, String runB) {
        store.require(runA);
        store.require(runB);
        Reports reports = new Reports(store);
        Map<String, Reports.VariantTally> a = reports.tally(runA);
        Map<String, Reports.VariantTally> b = reports.tally(runB);
        List<VariantComparison> out = new ArrayList<>();
        for (Reports.VariantTally ta : a.values()) {
            Reports.VariantTally tb = b.get(ta.variant());
            if (tb != null) {
                out.add(compare(store, runA, ta, runB, tb));
            }
        }
        if (out.isEmpty() && a.size() == 1 && b.size() == 1) {
            out.add(compare(store, runA, a.values().iterator().next(), runB, b.values().iterator().next()));
        }
        return new Result(runA, runB, out);
    }

    private static VariantComparison compare(RunStore store, String runA, Reports.VariantTally a, String runB, Reports.VariantTally b) {
        RunStore.Pairs pairs = store.pairs(runA, a.variant(), runB, b.variant());
        // Plug-in point: the statistics package (its own branch) will give the verdict; until then, exact McNemar.
        return new VariantComparison(Side.of(a), Side.of(b), pairs, mcnemar(pairs.onlyA(), pairs.onlyB()));
    }

    /** Exact McNemar: under no difference, each discordant pair is a fair coin; two-sided binomial tail. */
    static double mcnemar(long onlyA, long onlyB) {
        long n = onlyA + onlyB;
        long k = Math.min(onlyA, onlyB);
        double logChoose = 0;
        double tail = 0;
        for (long i = 0; i <= k; i++) {
            tail += Math.exp(logChoose - n * Math.log(2));
            logChoose += Math.log(n - i) - Math.log(i + 1);
        }
        return Math.min(1, 2 * tail);
    }
}
