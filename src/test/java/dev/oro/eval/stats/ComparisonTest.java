package dev.oro.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class ComparisonTest {

    /** Same tests for A and B: both pass, only A passes, only B passes, neither passes. */
    record Variants(List<CaseOutcome> a, List<CaseOutcome> b) {

        static Variants of(int both, int onlyA, int onlyB, int neither) {
            return new Variants(
                    new Outcomes().tests("both", both, true).tests("onlyA", onlyA, true)
                            .tests("onlyB", onlyB, false).tests("neither", neither, false).list(),
                    new Outcomes().tests("both", both, true).tests("onlyA", onlyA, false)
                            .tests("onlyB", onlyB, true).tests("neither", neither, false).list());
        }
    }

    static Comparison compare(List<CaseOutcome> a, List<CaseOutcome> b) {
        return Comparison.of("qa@1", a, "qa@2", b, new SplittableRandom(11));
    }

    static void assertDecided(Comparison comparison, Comparison.Verdict verdict, Comparison.Decider decider, double p) {
        assertThat(comparison.verdict()).isEqualTo(verdict);
        assertThat(comparison.decidedBy()).isEqualTo(decider);
        assertThat(comparison.mcnemar().pValue()).isCloseTo(p, within(1e-12));
    }

    @Test
    void should_declare_b_better_when_it_wins_most_discordant_tests() {
        Variants v = Variants.of(20, 2, 14, 4);

        Comparison comparison = compare(v.a(), v.b());

        // 2 · (1 + 16 + 120) / 2^16
        assertDecided(comparison, Comparison.Verdict.B_BETTER, Comparison.Decider.MCNEMAR, 0.004180908203125);
        assertThat(comparison.mcnemar().b()).isEqualTo(2);
        assertThat(comparison.mcnemar().c()).isEqualTo(14);
        assertThat(comparison.pairedTests()).isEqualTo(40);
        assertThat(comparison.passesA()).isEqualTo(22);
        assertThat(comparison.passesB()).isEqualTo(34);
        assertThat(comparison.sentence())
                .isEqualTo("qa@2 beats qa@1: pass rate 85% vs 55% (McNemar p = 0.0042, 14 vs 2 discordant tests)");
    }

    @Test
    void should_word_the_verdict_the_same_whichever_side_wins() {
        Variants v = Variants.of(20, 2, 14, 4);

        Comparison comparison = Comparison.of("qa@2", v.b(), "qa@1", v.a(), new SplittableRandom(11));

        assertDecided(comparison, Comparison.Verdict.A_BETTER, Comparison.Decider.MCNEMAR, 0.004180908203125);
        assertThat(comparison.sentence())
                .isEqualTo("qa@2 beats qa@1: pass rate 85% vs 55% (McNemar p = 0.0042, 14 vs 2 discordant tests)");
    }

    /** Without a winner the variants keep their order, and the difference reads first − second, A − B. */
    @Test
    void should_find_no_significant_difference_when_the_discordant_tests_nearly_split() {
        Variants v = Variants.of(20, 5, 7, 8);

        Comparison comparison = compare(v.a(), v.b());

        // 2 · P(X <= 5), X ~ Bin(12, ½)
        assertDecided(comparison, Comparison.Verdict.NO_SIGNIFICANT_DIFFERENCE, Comparison.Decider.NONE, 0.7744140625);
        assertThat(comparison.scoreDifference().excludesZero()).isFalse();
        assertThat(comparison.sentence()).startsWith("no significant difference between qa@1 and qa@2: "
                + "pass rate 63% vs 68% (McNemar p = 0.77, 5 vs 7 discordant tests), "
                + "mean score 0.625 vs 0.675, difference -0.050 [-0.");
    }

    @Test
    void should_let_the_scores_decide_when_pass_rates_are_equal() {
        Outcomes a = new Outcomes();
        Outcomes b = new Outcomes();
        for (int i = 0; i < 30; i++) {
            double score = 0.5 + 0.01 * i;
            a.add(Outcomes.sample("t" + i, 0, true, score));
            b.add(Outcomes.sample("t" + i, 0, true, score + 0.08 + 0.01 * (i % 4)));
        }

        Comparison comparison = compare(a.list(), b.list());

        assertDecided(comparison, Comparison.Verdict.B_BETTER, Comparison.Decider.PAIRED_BOOTSTRAP, 1);
        assertThat(comparison.sentence())
                .startsWith("qa@2 beats qa@1 on score: mean score 0.739 vs 0.645, difference +0.094 [+0.09")
                .endsWith("(paired bootstrap, 95% CI); pass rate 100% vs 100% (McNemar p = 1, 0 vs 0 discordant tests)");
    }

    @Test
    void should_pair_only_tests_present_in_both_and_say_how_many_were_dropped() {
        Variants v = Variants.of(20, 2, 14, 4);
        List<CaseOutcome> a = new Outcomes().tests("extraA", 1, true).list();
        List<CaseOutcome> b = new Outcomes().tests("extraB", 2, false).list();

        Comparison comparison = compare(concat(v.a(), a), concat(v.b(), b));

        assertThat(comparison.pairedTests()).isEqualTo(40);
        assertThat(comparison.droppedTests()).isEqualTo(3);
        assertThat(comparison.passesA()).isEqualTo(22);
        assertThat(comparison.sentence()).endsWith("discordant tests); 3 tests not in both were dropped");
    }

    @Test
    void should_refuse_variants_that_share_no_test() {
        List<CaseOutcome> a = new Outcomes().tests("x", 3, true).list();
        List<CaseOutcome> b = new Outcomes().tests("y", 3, true).list();

        assertThatThrownBy(() -> compare(a, b))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("no test id is in both");
    }

    private static List<CaseOutcome> concat(List<CaseOutcome> first, List<CaseOutcome> second) {
        return Stream.concat(first.stream(), second.stream()).toList();
    }
}
