package dev.oro.eval.stats;

import java.util.List;

/**
 * Two views of a variant run k times per test, each averaged over tests.
 * <ul>
 *   <li>pass@k, the chance that at least one of k samples passes, by the unbiased estimator
 *       1 − C(n−c, k)/C(n, k) from n samples with c passes (Chen et al., "Evaluating Large Language
 *       Models Trained on Code", 2021, §2.1).</li>
 *   <li>pass^k, the chance that all k pass, estimated as C(c, k)/C(n, k) (Yao et al., "τ-bench",
 *       2024): the consistency a user relying on the prompt every time would see.</li>
 * </ul>
 * Both are products of k or c ratios, never factorials, which overflow a double by n = 171.
 */
public record PassAtK(int k, int tests, double passAtK, double passHatK) {

    public PassAtK {
        if (k < 1 || tests < 1) {
            throw new IllegalArgumentException("need k >= 1 and at least one test, got k = " + k + ", tests = " + tests);
        }
    }

    static PassAtK of(List<TestTally> tallies, int k) {
        if (tallies.isEmpty()) {
            throw new IllegalArgumentException("no tests to estimate pass@" + k + " from");
        }
        double atK = 0;
        double hatK = 0;
        for (TestTally tally : tallies) {
            if (tally.samples() < k) {
                throw new IllegalArgumentException("pass@" + k + " needs at least " + k + " samples per test; test "
                        + tally.testId() + " has " + tally.samples());
            }
            atK += passAtK(tally.samples(), tally.passes(), k);
            hatK += passHatK(tally.samples(), tally.passes(), k);
        }
        return new PassAtK(k, tallies.size(), atK / tallies.size(), hatK / tallies.size());
    }

    /** 1 − C(n−c, k)/C(n, k) = 1 − ∏ over i from n−c+1 to n of (1 − k/i), as in the paper's code. */
    public static double passAtK(int n, int c, int k) {
        check(n, c, k);
        if (n - c < k) {
            return 1;
        }
        double allFail = 1;
        for (int i = n - c + 1; i <= n; i++) {
            allFail *= 1 - (double) k / i;
        }
        return 1 - allFail;
    }

    /** C(c, k)/C(n, k) = ∏ over i from 0 to k−1 of (c−i)/(n−i). */
    public static double passHatK(int n, int c, int k) {
        check(n, c, k);
        if (c < k) {
            return 0;
        }
        double allPass = 1;
        for (int i = 0; i < k; i++) {
            allPass *= (double) (c - i) / (n - i);
        }
        return allPass;
    }

    private static void check(int n, int c, int k) {
        if (c < 0 || c > n || k < 1 || k > n) {
            throw new IllegalArgumentException("need 0 <= c <= n and 1 <= k <= n, got n = " + n + ", c = " + c + ", k = " + k);
        }
    }
}
