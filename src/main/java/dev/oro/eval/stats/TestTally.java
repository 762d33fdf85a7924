package dev.oro.eval.stats;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The samples of one test folded together. The test, not the sample, is the unit that gets
 * paired and resampled: repeats of one test share its difficulty, so treating them as
 * independent would make every interval too narrow.
 */
record TestTally(String testId, int samples, int passes, double meanScore) {

    /** A test with repeats passes for McNemar when more than half of its samples pass. */
    boolean mostlyPasses() {
        return 2 * passes > samples;
    }

    /** One tally per test id, in order of first appearance; a repeated (testId, repeat) is an error. */
    static List<TestTally> of(List<CaseOutcome> cases) {
        Map<String, Sum> sums = new LinkedHashMap<>();
        for (CaseOutcome outcome : cases) {
            sums.computeIfAbsent(outcome.testId(), id -> new Sum()).add(outcome);
        }
        return sums.entrySet().stream().map(e -> e.getValue().tally(e.getKey())).toList();
    }

    static double[] meanScores(List<TestTally> tallies) {
        return tallies.stream().mapToDouble(TestTally::meanScore).toArray();
    }

    private static final class Sum {
        final Set<Integer> repeats = new HashSet<>();
        int passes;
        double scores;

        void add(CaseOutcome outcome) {
            if (!repeats.add(outcome.repeat())) {
                throw new IllegalArgumentException(
                        "repeat " + outcome.repeat() + " of test " + outcome.testId() + " appears twice");
            }
            passes += outcome.passed() ? 1 : 0;
            scores += outcome.score();
        }

        TestTally tally(String testId) {
            return new TestTally(testId, repeats.size(), passes, scores / repeats.size());
        }
    }
}
