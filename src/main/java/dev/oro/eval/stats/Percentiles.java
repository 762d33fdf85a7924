package dev.oro.eval.stats;

import java.util.Arrays;

/**
 * Percentiles by linear interpolation between the closest ranks: the value at rank h = (n − 1)·q
 * of the sorted list, interpolating between its neighbours (Hyndman and Fan's type 7, the default
 * of NumPy, R and Excel's PERCENTILE.INC), so figures match what people check them with.
 */
public final class Percentiles {

    private Percentiles() {
    }

    public static double p50(double[] values) {
        return of(values, 0.50);
    }

    public static double p95(double[] values) {
        return of(values, 0.95);
    }

    /** The q-quantile, q in [0, 1]; the input is left as it was. */
    public static double of(double[] values, double q) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        return ofSorted(sorted, q);
    }

    static double ofSorted(double[] sorted, double q) {
        if (sorted.length == 0) {
            throw new IllegalArgumentException("no values to take a percentile of");
        }
        if (!(q >= 0 && q <= 1)) {
            throw new IllegalArgumentException("quantile must be within [0, 1], got " + q);
        }
        double h = (sorted.length - 1) * q;
        int below = (int) Math.floor(h);
        if (below >= sorted.length - 1) {
            return sorted[sorted.length - 1];
        }
        return sorted[below] + (h - below) * (sorted[below + 1] - sorted[below]);
    }
}
