package dev.oro.eval.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Two variants' tallies lined up by test id: a.get(i) and b.get(i) are the same test. */
record PairedTests(List<TestTally> a, List<TestTally> b, int dropped) {

    /** Only tests present in both variants are paired, in A's order; the rest are counted as dropped. */
    static PairedTests of(List<CaseOutcome> casesA, List<CaseOutcome> casesB) {
        List<TestTally> talliesA = TestTally.of(casesA);
        Map<String, TestTally> talliesB = TestTally.of(casesB).stream()
                .collect(Collectors.toMap(TestTally::testId, Function.identity()));
        List<TestTally> a = new ArrayList<>();
        List<TestTally> b = new ArrayList<>();
        for (TestTally tally : talliesA) {
            TestTally other = talliesB.get(tally.testId());
            if (other != null) {
                a.add(tally);
                b.add(other);
            }
        }
        int dropped = talliesA.size() + talliesB.size() - 2 * a.size();
        return new PairedTests(List.copyOf(a), List.copyOf(b), dropped);
    }

    int size() {
        return a.size();
    }

    McNemar mcnemar() {
        int onlyA = 0;
        int onlyB = 0;
        for (int i = 0; i < a.size(); i++) {
            boolean passA = a.get(i).mostlyPasses();
            boolean passB = b.get(i).mostlyPasses();
            onlyA += passA && !passB ? 1 : 0;
            onlyB += passB && !passA ? 1 : 0;
        }
        return McNemar.test(onlyA, onlyB);
    }

    static int passes(List<TestTally> tallies) {
        return (int) tallies.stream().filter(TestTally::mostlyPasses).count();
    }
}
