package dev.oro.eval.assertion;

/**
 * The verdict of one assertion on one output: pass or not, a score in [0, 1], and a reason a
 * person can read in the results matrix.
 */
public record AssertionResult(String type, boolean pass, double score, String reason, String metric, double weight) {

    public AssertionResult {
        if (Double.isNaN(score) || score < 0 || score > 1) {
            throw new IllegalArgumentException("score must be within [0, 1], got " + score + " for " + type);
        }
        if (weight < 0) {
            throw new IllegalArgumentException("weight cannot be negative");
        }
    }
}
