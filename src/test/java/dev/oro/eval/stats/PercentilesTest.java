package dev.oro.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class PercentilesTest {

    @Test
    void should_interpolate_between_ranks_like_numpy() {
        // The list is Wikipedia's "Percentile" example, whose second variant (C = 1) gives 29 at 40%.
        double[] latencies = {15, 20, 35, 40, 50};

        assertThat(Percentiles.of(latencies, 0.40)).isCloseTo(29, within(1e-12));
        assertThat(Percentiles.p50(latencies)).isEqualTo(35);
        // rank 4 · 0.95 = 3.8: 40 + 0.8 · (50 − 40)
        assertThat(Percentiles.p95(latencies)).isCloseTo(48, within(1e-12));
    }

    @Test
    void should_match_numpy_on_one_to_ten() {
        double[] values = {10, 1, 9, 2, 8, 3, 7, 4, 6, 5};

        // numpy.percentile(range(1, 11), [50, 95]) = [5.5, 9.55]
        assertThat(Percentiles.p50(values)).isCloseTo(5.5, within(1e-12));
        assertThat(Percentiles.p95(values)).isCloseTo(9.55, within(1e-12));
    }

    @Test
    void should_leave_the_callers_array_unsorted() {
        double[] values = {3, 1, 2};

        Percentiles.p50(values);

        assertThat(values).containsExactly(3, 1, 2);
    }

    @Test
    void should_give_the_only_value_of_a_single_case() {
        assertThat(Percentiles.p95(new double[] {42})).isEqualTo(42);
    }

    @Test
    void should_give_the_extremes_at_zero_and_one() {
        double[] values = {4, 2, 9};

        assertThat(Percentiles.of(values, 0)).isEqualTo(2);
        assertThat(Percentiles.of(values, 1)).isEqualTo(9);
    }

    @Test
    void should_reject_an_empty_list() {
        assertThatThrownBy(() -> Percentiles.p50(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
