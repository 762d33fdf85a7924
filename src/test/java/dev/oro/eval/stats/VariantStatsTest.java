package dev.oro.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class VariantStatsTest {

    static CaseOutcome outcome(String testId, boolean pass, long latencyMs, boolean error) {
        return new CaseOutcome(testId, 0, pass, pass ? 1 : 0, latencyMs, 100, 20, 0.25, error);
    }

    @Test
    void should_sum_up_a_variant_without_repeats() {
        List<CaseOutcome> cases = List.of(
                outcome("a", true, 100, false), outcome("b", true, 200, false),
                outcome("c", false, 300, false), outcome("d", true, 1000, true));

        VariantStats stats = VariantStats.of(cases, 1, new SplittableRandom(1));

        assertThat(stats.cases()).isEqualTo(4);
        assertThat(stats.tests()).isEqualTo(4);
        assertThat(stats.passes()).isEqualTo(2);
        assertThat(stats.errors()).isEqualTo(1);
        assertThat(stats.passRate()).isEqualTo(Wilson.interval(2, 4));
        assertThat(stats.meanScore().estimate()).isCloseTo(0.75, within(1e-12));
        assertThat(stats.latencyP50Ms()).isCloseTo(250, within(1e-9));
        // rank 3 · 0.95 = 2.85: 300 + 0.85 · 700
        assertThat(stats.latencyP95Ms()).isCloseTo(895, within(1e-9));
        assertThat(stats.inputTokens()).isEqualTo(400);
        assertThat(stats.outputTokens()).isEqualTo(80);
        assertThat(stats.totalCost()).isCloseTo(1.0, within(1e-12));
        assertThat(stats.repeated()).isEmpty();
    }

    @Test
    void should_estimate_pass_at_k_and_pass_hat_k_when_tests_repeat() {
        List<CaseOutcome> cases = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
            cases.add(Outcomes.sample("flaky", r, r < 2, r < 2 ? 1 : 0));
            cases.add(Outcomes.sample("solid", r, true, 1));
        }

        VariantStats stats = VariantStats.of(cases, 2, new SplittableRandom(1));

        assertThat(stats.cases()).isEqualTo(10);
        assertThat(stats.tests()).isEqualTo(2);
        assertThat(stats.repeated()).hasValueSatisfying(estimate -> {
            assertThat(estimate.k()).isEqualTo(2);
            // flaky: 0.7 and 0.1 (n = 5, c = 2); solid: 1 and 1
            assertThat(estimate.passAtK()).isCloseTo(0.85, within(1e-12));
            assertThat(estimate.passHatK()).isCloseTo(0.55, within(1e-12));
        });
    }

    @Test
    void should_weigh_each_test_once_in_the_mean_score_however_often_it_ran() {
        List<CaseOutcome> cases = List.of(
                Outcomes.sample("twice", 0, false, 0), Outcomes.sample("twice", 1, true, 1),
                Outcomes.sample("once", 0, true, 1));

        VariantStats stats = VariantStats.of(cases, 1, new SplittableRandom(1));

        assertThat(stats.meanScore().estimate()).isCloseTo(0.75, within(1e-12));
        assertThat(stats.passRate().estimate()).isCloseTo(2.0 / 3, within(1e-12));
    }

    @Test
    void should_refuse_k_larger_than_the_repeats_of_some_test() {
        List<CaseOutcome> cases = List.of(
                Outcomes.sample("a", 0, true, 1), Outcomes.sample("a", 1, true, 1), Outcomes.sample("b", 0, true, 1));

        assertThatThrownBy(() -> VariantStats.of(cases, 2, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("test b has 1");
    }

    @Test
    void should_refuse_an_empty_variant() {
        assertThatThrownBy(() -> VariantStats.of(List.of(), 1, new SplittableRandom(1)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
