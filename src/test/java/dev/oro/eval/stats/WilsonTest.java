package dev.oro.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class WilsonTest {

    /*
     * Reference values: Newcombe RG, "Two-sided confidence intervals for the single proportion:
     * comparison of seven methods", Statistics in Medicine 1998;17:857-872, worked examples,
     * method 3 (score interval without continuity correction), printed to 4 decimals. The same
     * figures come out of (p + z²/2n ± z√(p(1−p)/n + z²/4n²)) / (1 + z²/n) by hand.
     */
    @Test
    void should_match_newcombes_81_of_263() {
        Interval interval = Wilson.interval(81, 263);

        assertThat(interval.estimate()).isCloseTo(81.0 / 263, within(1e-12));
        assertThat(interval.low()).isCloseTo(0.2553, within(5e-5));
        assertThat(interval.high()).isCloseTo(0.3662, within(5e-5));
    }

    @Test
    void should_match_newcombes_15_of_148() {
        Interval interval = Wilson.interval(15, 148);

        assertThat(interval.low()).isCloseTo(0.0624, within(5e-5));
        assertThat(interval.high()).isCloseTo(0.1605, within(5e-5));
    }

    @Test
    void should_start_at_exactly_zero_when_nothing_passes() {
        Interval interval = Wilson.interval(0, 10);

        assertThat(interval.estimate()).isZero();
        assertThat(interval.low()).isZero();
        // z² / (n + z²) when p = 0
        assertThat(interval.high()).isCloseTo(0.2775, within(5e-5));
    }

    @Test
    void should_end_at_exactly_one_when_everything_passes() {
        Interval interval = Wilson.interval(10, 10);

        assertThat(interval.estimate()).isEqualTo(1);
        assertThat(interval.low()).isCloseTo(0.7225, within(5e-5));
        assertThat(interval.high()).isEqualTo(1);
    }

    @Test
    void should_be_symmetric_between_passes_and_failures() {
        Interval passes = Wilson.interval(7, 20);
        Interval failures = Wilson.interval(13, 20);

        assertThat(passes.low()).isCloseTo(1 - failures.high(), within(1e-12));
        assertThat(passes.high()).isCloseTo(1 - failures.low(), within(1e-12));
    }

    @Test
    void should_span_all_of_zero_to_one_when_there_are_no_cases() {
        assertThat(Wilson.interval(0, 0)).isEqualTo(new Interval(0, 0, 1));
    }

    @Test
    void should_reject_more_passes_than_cases() {
        assertThatThrownBy(() -> Wilson.interval(11, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Wilson.interval(-1, 10)).isInstanceOf(IllegalArgumentException.class);
    }
}
