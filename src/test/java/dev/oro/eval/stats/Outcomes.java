package dev.oro.eval.stats;

import java.util.ArrayList;
import java.util.List;

/** Builds small lists of outcomes for the tests, with the figures nobody asserts on held fixed. */
final class Outcomes {

    private final List<CaseOutcome> cases = new ArrayList<>();

    static CaseOutcome sample(String testId, int repeat, boolean pass, double score) {
        return new CaseOutcome(testId, repeat, pass, score, 100, 10, 5, 0.001, false);
    }

    /** {@code count} tests named prefix0, prefix1, …, each passing or not, scored 1 or 0 to match. */
    Outcomes tests(String prefix, int count, boolean pass) {
        for (int i = 0; i < count; i++) {
            cases.add(sample(prefix + i, 0, pass, pass ? 1 : 0));
        }
        return this;
    }

    Outcomes add(CaseOutcome outcome) {
        cases.add(outcome);
        return this;
    }

    List<CaseOutcome> list() {
        return List.copyOf(cases);
    }
}
