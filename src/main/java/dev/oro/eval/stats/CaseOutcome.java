package dev.oro.eval.stats;

/**
 * One sample of one test for one variant, as the statistics need it. {@code repeat} numbers the
 * samples of a test from 0. An errored case (the model call failed, the output could not be
 * graded) counts as a failure whatever {@code pass} says, and is also counted on its own.
 */
public record CaseOutcome(
        String testId,
        int repeat,
        boolean pass,
        double score,
        long latencyMs,
        long inputTokens,
        long outputTokens,
        double cost,
        boolean error) {

    public CaseOutcome {
        if (testId == null || testId.isBlank()) {
            throw new IllegalArgumentException("testId is required");
        }
        if (repeat < 0) {
            throw new IllegalArgumentException("repeat cannot be negative, got " + repeat + " for " + testId);
        }
        if (!(score >= 0 && score <= 1)) {
            throw new IllegalArgumentException("score must be within [0, 1], got " + score + " for " + testId);
        }
        if (latencyMs < 0 || inputTokens < 0 || outputTokens < 0 || !(cost >= 0)) {
            throw new IllegalArgumentException("latency, tokens and cost cannot be negative for " + testId);
        }
    }

    /** Whether this sample counts as a pass: an error never does. */
    public boolean passed() {
        return pass && !error;
    }
}
