package dev.oro.eval;

/**
 * The headline of a run. {@code errors} counts cases that produced no scored output (a model
 * or render failure); {@code failed} counts scored outputs that failed an assertion.
 */
public record RunSummary(String runId, String status, long cases, long passed, long failed, long errors) {

    public boolean allPassed() {
        return failed == 0 && errors == 0;
    }
}
