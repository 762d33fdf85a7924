package dev.oro.web;

import dev.oro.eval.assertion.AssertionResult;
import dev.oro.eval.stats.Agreement;
import dev.oro.store.RunStore;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * How a suite's human ratings line up with its automated verdicts: with the whole verdict (every
 * assertion), and with the LLM judge alone on the outputs a judge graded. A thumbs up counts as
 * "pass". Kappa is shown only when it is defined.
 */
public record SuiteAgreement(String suite, int rated, int up, int down, View assertions, View judge) {

    /** The assertion types a judge model grades, as {@code ModelGraded} names them. */
    static final Set<String> JUDGED = Set.of("llm-rubric", "factuality", "answer-relevance", "g-eval");

    /** @param kappa Cohen's kappa to two decimals, or null when undefined */
    public record View(int n, String observed, String kappa, String reading, int bothPass, int onlyHuman, int onlyMachine, int bothFail) {

        static View of(Agreement a) {
            // With one side always saying the same, kappa is 0 by construction: say why instead of printing it.
            var k = a.oneRaterConstant() ? java.util.OptionalDouble.empty() : a.kappa();
            return new View(a.n(), RunFormat.percent(a.observed()), k.isPresent() ? String.format(Locale.ROOT, "%.2f", k.getAsDouble()) : null,
                    k.isPresent() ? Agreement.words(k.getAsDouble()) : "undefined while the ratings, or the verdicts, are all the same",
                    a.bothYes(), a.onlyA(), a.onlyB(), a.bothNo());
        }
    }

    public static SuiteAgreement of(String suite, List<RunStore.RatedResult> rated) {
        int[] all = new int[4];
        int[] judged = new int[4];
        int up = 0;
        for (RunStore.RatedResult r : rated) {
            boolean human = r.rating() > 0;
            up += human ? 1 : 0;
            tally(all, human, r.passed());
            List<AssertionResult> graded = r.assertions().stream().filter(a -> JUDGED.contains(a.type().replaceFirst("^not-", ""))).toList();
            if (!graded.isEmpty()) {
                tally(judged, human, graded.stream().allMatch(AssertionResult::pass));
            }
        }
        Agreement withAll = new Agreement(all[0], all[1], all[2], all[3]);
        Agreement withJudge = new Agreement(judged[0], judged[1], judged[2], judged[3]);
        return new SuiteAgreement(suite, rated.size(), up, rated.size() - up, View.of(withAll),
                withJudge.n() == 0 ? null : View.of(withJudge));
    }

    private static void tally(int[] counts, boolean human, boolean machine) {
        counts[human && machine ? 0 : human ? 1 : machine ? 2 : 3]++;
    }
}
