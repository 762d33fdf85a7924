package dev.oro.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

class McNemarTest {

    @Test
    void should_give_one_sixteenth_when_all_five_discordant_tests_go_one_way() {
        // 2 · P(X = 0), X ~ Bin(5, ½) = 2/32
        assertThat(McNemar.test(0, 5).pValue()).isCloseTo(0.0625, within(1e-15));
    }

    @Test
    void should_give_the_exact_binomial_tail_for_one_against_nine() {
        // 2 · P(X <= 1), X ~ Bin(10, ½) = 2 · (1 + 10) / 1024
        assertThat(McNemar.test(1, 9).pValue()).isCloseTo(0.021484375, within(1e-15));
    }

    @Test
    void should_give_the_exact_binomial_tail_for_two_against_fourteen() {
        // 2 · (1 + 16 + 120) / 65536
        assertThat(McNemar.test(2, 14).pValue()).isCloseTo(0.004180908203125, within(1e-15));
    }

    @Test
    void should_not_care_which_variant_is_called_a() {
        for (int[] bc : new int[][] {{0, 5}, {1, 9}, {3, 17}, {40, 61}}) {
            assertThat(McNemar.test(bc[0], bc[1]).pValue())
                    .isEqualTo(McNemar.test(bc[1], bc[0]).pValue());
        }
    }

    @Test
    void should_give_one_when_the_discordant_tests_split_evenly() {
        assertThat(McNemar.test(7, 7).pValue()).isEqualTo(1);
        assertThat(McNemar.test(0, 0).pValue()).isEqualTo(1);
    }

    @Test
    void should_stay_within_one_when_the_split_is_off_by_one() {
        // 2 · P(X <= 5), X ~ Bin(11, ½) = 2 · 1024 / 2048: exactly 1, which rounding must not push past
        assertThat(McNemar.test(5, 6).pValue()).isCloseTo(1, within(1e-12)).isLessThanOrEqualTo(1);
        // 2 · (1 + 12 + 66 + 220 + 495 + 792) / 4096
        assertThat(McNemar.test(5, 7).pValue()).isCloseTo(0.7744140625, within(1e-12));
    }

    @Test
    @Timeout(2)
    void should_handle_eight_thousand_discordant_tests_quickly_and_agree_with_the_normal_approximation() {
        double p = McNemar.test(4000, 4200).pValue();

        // exact value, summed with Python's arbitrary-precision integers
        assertThat(p).isCloseTo(0.027972423571324383, within(1e-10));
        // normal approximation with continuity correction: z = (|b − c| − 1) / √(b + c)
        double z = (200 - 1) / Math.sqrt(8200);
        assertThat(p).isCloseTo(2 * upperNormalTail(z), within(1e-3));
    }

    @Test
    @Timeout(2)
    void should_stay_exact_at_one_hundred_thousand_discordant_tests() {
        // exact value, summed with Python's arbitrary-precision integers
        assertThat(McNemar.test(49_700, 50_300).pValue()).isCloseTo(0.05819735311019374, within(1e-9));
        assertThat(McNemar.test(0, 100_000).pValue()).isZero();
    }

    /** 1 − Φ(z) by Abramowitz and Stegun 7.1.26 (absolute error below 1.5e-7), enough for a 1e-3 check. */
    private static double upperNormalTail(double z) {
        double x = z / Math.sqrt(2);
        double t = 1 / (1 + 0.3275911 * x);
        double poly = t * (0.254829592 + t * (-0.284496736 + t * (1.421413741 + t * (-1.453152027 + t * 1.061405429))));
        return poly * Math.exp(-x * x) / 2;
    }
}
