package dev.oro.eval.stats;

/**
 * The mean of B − A over paired tests with its bootstrap interval; {@code excludesZero} is the
 * significance call at the interval's level.
 */
public record PairedDifference(Interval difference, boolean excludesZero) {

    public PairedDifference {
        if (difference == null) {
            throw new IllegalArgumentException("difference is required");
        }
    }

    static PairedDifference of(Interval difference) {
        return new PairedDifference(difference, difference.low() > 0 || difference.high() < 0);
    }
}
