package dev.oro.eval.stats;

/**
 * The exact McNemar test on paired pass/fail: only the discordant tests carry evidence, b where A
 * passed and B failed, c the other way. Under "no difference" each discordant test goes either way
 * with probability ½, so the two-sided p-value is min(1, 2·P(X ≤ min(b, c))) with X ~ Bin(b + c, ½).
 * Exact rather than the χ² form because evals often have fewer than 25 discordant tests.
 */
public record McNemar(int b, int c, double pValue) {

    private static final double LN2 = Math.log(2);

    public McNemar {
        if (b < 0 || c < 0) {
            throw new IllegalArgumentException("discordant counts cannot be negative: b = " + b + ", c = " + c);
        }
        if (!(pValue >= 0 && pValue <= 1)) {
            throw new IllegalArgumentException("p-value must be within [0, 1], got " + pValue);
        }
    }

    public static McNemar test(int b, int c) {
        long n = (long) b + c;
        int k = Math.min(b, c);
        if (k < 0 || 2L * k >= n) {
            return new McNemar(b, c, 1);
        }
        return new McNemar(b, c, Math.min(1, 2 * Math.exp(logLowerTail(n, k))));
    }

    /**
     * log P(X ≤ k) for X ~ Bin(n, ½) and k < n/2. C(n, i)/2ⁿ overflows and underflows long before
     * n = 100,000, so the terms are summed relative to the largest, C(n, k), walking down with
     * C(n, i−1) = C(n, i)·i/(n−i+1), and scaled back in log space. The terms shrink at least
     * geometrically, so the walk stops once they no longer change the sum.
     */
    static double logLowerTail(long n, int k) {
        double sum = 0;
        double term = 1;
        for (int i = k; i >= 0 && term > sum * 1e-17; i--) {
            sum += term;
            term *= i / (double) (n - i + 1);
        }
        return logChoose(n, k) - n * LN2 + Math.log(sum);
    }

    private static double logChoose(long n, int k) {
        double log = 0;
        for (int i = 1; i <= k; i++) {
            log += Math.log((double) (n - k + i) / i);
        }
        return log;
    }
}
