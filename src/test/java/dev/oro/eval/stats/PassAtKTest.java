package dev.oro.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class PassAtKTest {

    @Test
    void should_give_the_plain_pass_rate_for_pass_at_one() {
        assertThat(PassAtK.passAtK(5, 2, 1)).isCloseTo(0.4, within(1e-15));
    }

    @Test
    void should_give_one_minus_the_chance_that_two_draws_both_fail_for_pass_at_two() {
        // 1 − C(3, 2) / C(5, 2) = 1 − 3/10
        assertThat(PassAtK.passAtK(5, 2, 2)).isCloseTo(0.7, within(1e-15));
    }

    @Test
    void should_give_the_chance_that_two_draws_both_pass_for_pass_hat_two() {
        // C(2, 2) / C(5, 2) = 1/10
        assertThat(PassAtK.passHatK(5, 2, 2)).isCloseTo(0.1, within(1e-15));
    }

    @Test
    void should_agree_with_pass_at_k_when_k_is_one() {
        assertThat(PassAtK.passHatK(5, 2, 1)).isCloseTo(0.4, within(1e-15));
    }

    @Test
    void should_be_certain_when_too_few_failures_remain_to_fill_k_draws() {
        assertThat(PassAtK.passAtK(5, 4, 2)).isEqualTo(1);
        assertThat(PassAtK.passHatK(5, 1, 2)).isZero();
    }

    @Test
    void should_give_zero_and_one_at_the_extremes() {
        assertThat(PassAtK.passAtK(10, 0, 3)).isZero();
        assertThat(PassAtK.passHatK(10, 10, 3)).isEqualTo(1);
    }

    @Test
    void should_stay_accurate_where_factorials_would_overflow() {
        // exact values from Python's fractions and math.comb
        assertThat(PassAtK.passAtK(1000, 10, 50)).isCloseTo(0.40268870709334553, within(1e-12));
        assertThat(PassAtK.passHatK(1000, 900, 50)).isCloseTo(0.004475790977886089, within(1e-14));
    }

    @Test
    void should_average_over_tests() {
        List<TestTally> tallies = List.of(new TestTally("a", 5, 2, 0.4), new TestTally("b", 5, 5, 1));

        PassAtK estimate = PassAtK.of(tallies, 2);

        assertThat(estimate.tests()).isEqualTo(2);
        assertThat(estimate.passAtK()).isCloseTo((0.7 + 1) / 2, within(1e-15));
        assertThat(estimate.passHatK()).isCloseTo((0.1 + 1) / 2, within(1e-15));
    }

    @Test
    void should_refuse_k_beyond_the_samples_of_a_test() {
        List<TestTally> tallies = List.of(new TestTally("a", 5, 2, 0.4), new TestTally("short", 2, 1, 0.5));

        assertThatThrownBy(() -> PassAtK.of(tallies, 3))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("short");
        assertThatThrownBy(() -> PassAtK.passAtK(3, 1, 4)).isInstanceOf(IllegalArgumentException.class);
    }
}
