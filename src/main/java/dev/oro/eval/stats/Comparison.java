package dev.oro.eval.stats;

import java.util.List;
import java.util.random.RandomGenerator;

/**
 * Whether variant B beats variant A over the same tests. The pass rate speaks first, by the exact
 * McNemar test; only when it finds nothing does the paired bootstrap on scores get a say. A winner
 * is named only when the deciding test is significant at {@link #ALPHA}.
 *
 * @param pairedTests   tests present in both variants, the only ones compared
 * @param droppedTests  tests present in only one variant
 * @param passesA       paired tests A passes (with repeats: more than half of its samples pass)
 * @param scoreDifference mean score of B − A over paired tests, with a 1 − α bootstrap interval
 */
public record Comparison(
        String nameA,
        String nameB,
        int pairedTests,
        int droppedTests,
        int passesA,
        int passesB,
        McNemar mcnemar,
        double meanScoreA,
        double meanScoreB,
        PairedDifference scoreDifference,
        Verdict verdict,
        Decider decidedBy) {

    public static final double ALPHA = 0.05;

    public enum Verdict { A_BETTER, B_BETTER, NO_SIGNIFICANT_DIFFERENCE }

    /** Which test named the winner; NONE when neither was significant. */
    public enum Decider { MCNEMAR, PAIRED_BOOTSTRAP, NONE }

    public Comparison {
        if (nameA == null || nameB == null || mcnemar == null || scoreDifference == null
                || verdict == null || decidedBy == null) {
            throw new IllegalArgumentException("names, tests and verdict are required");
        }
        if ((verdict == Verdict.NO_SIGNIFICANT_DIFFERENCE) != (decidedBy == Decider.NONE)) {
            throw new IllegalArgumentException(verdict + " cannot be decided by " + decidedBy);
        }
    }

    public static Comparison of(String nameA, List<CaseOutcome> a, String nameB, List<CaseOutcome> b,
            RandomGenerator rng) {
        PairedTests paired = PairedTests.of(a, b);
        if (paired.size() == 0) {
            throw new IllegalArgumentException("nothing to compare: no test id is in both " + nameA + " and " + nameB);
        }
        McNemar mcnemar = paired.mcnemar();
        double[] scoresA = TestTally.meanScores(paired.a());
        double[] scoresB = TestTally.meanScores(paired.b());
        PairedDifference difference = new Bootstrap(rng, Bootstrap.RESAMPLES, 1 - ALPHA).paired(scoresA, scoresB);
        Verdict verdict;
        Decider decider;
        if (mcnemar.pValue() < ALPHA) {
            verdict = mcnemar.c() > mcnemar.b() ? Verdict.B_BETTER : Verdict.A_BETTER;
            decider = Decider.MCNEMAR;
        } else if (difference.excludesZero()) {
            verdict = difference.difference().low() > 0 ? Verdict.B_BETTER : Verdict.A_BETTER;
            decider = Decider.PAIRED_BOOTSTRAP;
        } else {
            verdict = Verdict.NO_SIGNIFICANT_DIFFERENCE;
            decider = Decider.NONE;
        }
        return new Comparison(nameA, nameB, paired.size(), paired.dropped(),
                PairedTests.passes(paired.a()), PairedTests.passes(paired.b()), mcnemar,
                Bootstrap.average(scoresA), Bootstrap.average(scoresB), difference, verdict, decider);
    }

    /** One line for a person, such as "qa@2 beats qa@1: pass rate 84% vs 71% (McNemar p = 0.012, …)". */
    public String sentence() {
        return ComparisonSentence.of(this);
    }
}
