package dev.oro.eval.stats;

/**
 * The Wilson score interval for a pass rate at 95%. Unlike the textbook p ± z·se it stays inside
 * [0, 1] and keeps its coverage at 0 or all passes, which is where small evals usually sit.
 */
public final class Wilson {

    /** The two-sided 95% normal quantile, Φ⁻¹(0.975). */
    public static final double Z = 1.959963984540054;

    private Wilson() {
    }

    /** With no cases nothing is known: the estimate is 0 (no passes) and the interval all of [0, 1]. */
    public static Interval interval(int passes, int n) {
        if (n < 0 || passes < 0 || passes > n) {
            throw new IllegalArgumentException("need 0 <= passes <= n, got " + passes + " of " + n);
        }
        if (n == 0) {
            return new Interval(0, 0, 1);
        }
        double p = (double) passes / n;
        double z2 = Z * Z;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2.0 * n)) / denominator;
        double half = Z * Math.sqrt(p * (1 - p) / n + z2 / (4.0 * n * n)) / denominator;
        // At 0 or n passes the bound is exactly 0 or 1; rounding would leave 1e-17 or 0.9999999999999999.
        double low = passes == 0 ? 0 : Math.max(0, centre - half);
        double high = passes == n ? 1 : Math.min(1, centre + half);
        return new Interval(p, low, high);
    }
}
