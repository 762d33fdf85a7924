package dev.oro.eval.stats;

/** A point estimate with a confidence interval around it, all finite so reports never print NaN. */
public record Interval(double estimate, double low, double high) {

    public Interval {
        if (!Double.isFinite(estimate) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("interval must be finite, got " + estimate + " [" + low + ", " + high + "]");
        }
        if (low > high) {
            throw new IllegalArgumentException("low " + low + " is above high " + high);
        }
    }

    public boolean contains(double value) {
        return low <= value && value <= high;
    }
}
