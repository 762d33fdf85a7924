package dev.oro.eval.stats;

import java.util.Arrays;
import java.util.random.RandomGenerator;

/**
 * Percentile bootstrap intervals for a mean (Efron and Tibshirani, An Introduction to the
 * Bootstrap, 1993, ch. 13). The generator is injected so that a seeded run gives the same interval
 * every time, and a report can be reproduced from its seed.
 */
public final class Bootstrap {

    public static final int RESAMPLES = 2000;
    public static final double LEVEL = 0.95;

    private final RandomGenerator rng;
    private final int resamples;
    private final double level;

    public Bootstrap(RandomGenerator rng) {
        this(rng, RESAMPLES, LEVEL);
    }

    public Bootstrap(RandomGenerator rng, int resamples, double level) {
        if (rng == null) {
            throw new IllegalArgumentException("a random generator is required");
        }
        if (resamples < 1) {
            throw new IllegalArgumentException("resamples must be positive, got " + resamples);
        }
        if (!(level > 0 && level < 1)) {
            throw new IllegalArgumentException("level must be within (0, 1), got " + level);
        }
        this.rng = rng;
        this.resamples = resamples;
        this.level = level;
    }

    /** The sample mean with the percentile interval of the resampled means. */
    public Interval mean(double[] values) {
        int n = values.length;
        if (n == 0) {
            throw new IllegalArgumentException("no values to bootstrap");
        }
        double[] means = new double[resamples];
        for (int r = 0; r < resamples; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) {
                sum += values[rng.nextInt(n)];
            }
            means[r] = sum / n;
        }
        Arrays.sort(means);
        double tail = (1 - level) / 2;
        return new Interval(average(values), Percentiles.ofSorted(means, tail), Percentiles.ofSorted(means, 1 - tail));
    }

    /**
     * B − A over the same tests, a[i] and b[i] being one test. Resampling the per-test differences
     * is resampling test indices jointly: each test keeps its pair, so what the tests share (one is
     * hard for every prompt) cancels instead of widening the interval.
     */
    public PairedDifference paired(double[] a, double[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("paired samples differ in length: " + a.length + " and " + b.length);
        }
        double[] differences = new double[a.length];
        for (int i = 0; i < a.length; i++) {
            differences[i] = b[i] - a[i];
        }
        return PairedDifference.of(mean(differences));
    }

    static double average(double[] values) {
        double sum = 0;
        for (double value : values) {
            sum += value;
        }
        return sum / values.length;
    }
}
