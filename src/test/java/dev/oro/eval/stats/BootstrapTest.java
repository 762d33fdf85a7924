package dev.oro.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BootstrapTest {

    static final double[] SCORES = {0.2, 0.9, 0.55, 0.7, 0.1, 1.0, 0.85, 0.4, 0.65, 0.3};

    @Test
    void should_give_the_same_interval_for_the_same_seed() {
        Interval first = new Bootstrap(new SplittableRandom(7)).mean(SCORES);
        Interval second = new Bootstrap(new SplittableRandom(7)).mean(SCORES);

        assertThat(second).isEqualTo(first);
        assertThat(new Bootstrap(new SplittableRandom(8)).mean(SCORES)).isNotEqualTo(first);
    }

    @Test
    void should_report_the_sample_mean_inside_its_interval() {
        Interval interval = new Bootstrap(new SplittableRandom(1)).mean(SCORES);

        assertThat(interval.estimate()).isCloseTo(0.565, within(1e-12));
        assertThat(interval.contains(interval.estimate())).isTrue();
        assertThat(interval.low()).isLessThan(interval.estimate());
        assertThat(interval.high()).isGreaterThan(interval.estimate());
    }

    @Test
    void should_be_about_as_wide_as_the_normal_interval_for_a_fair_coin() {
        double[] coin = new double[400];
        for (int i = 0; i < coin.length; i += 2) {
            coin[i] = 1;
        }

        Interval interval = new Bootstrap(new SplittableRandom(3)).mean(coin);

        // 1.96 · √(0.25 / 400) = 0.049; the bootstrap's own noise is well under 0.01
        assertThat(interval.low()).isCloseTo(0.5 - 0.049, within(0.01));
        assertThat(interval.high()).isCloseTo(0.5 + 0.049, within(0.01));
    }

    @Test
    void should_narrow_when_asked_for_less_confidence() {
        Interval wide = new Bootstrap(new SplittableRandom(5), 2000, 0.99).mean(SCORES);
        Interval narrow = new Bootstrap(new SplittableRandom(5), 2000, 0.80).mean(SCORES);

        assertThat(narrow.high() - narrow.low()).isLessThan(wide.high() - wide.low());
    }

    @Test
    void should_find_exactly_no_difference_between_identical_variants() {
        PairedDifference difference = new Bootstrap(new SplittableRandom(2)).paired(SCORES, SCORES.clone());

        assertThat(difference.difference()).isEqualTo(new Interval(0, 0, 0));
        assertThat(difference.excludesZero()).isFalse();
    }

    @Test
    void should_find_a_large_consistent_improvement_significant() {
        double[] better = new double[SCORES.length];
        for (int i = 0; i < SCORES.length; i++) {
            better[i] = Math.min(1, SCORES[i] + 0.1 + 0.01 * (i % 3));
        }

        PairedDifference difference = new Bootstrap(new SplittableRandom(2)).paired(SCORES, better);

        assertThat(difference.excludesZero()).isTrue();
        assertThat(difference.difference().low()).isGreaterThan(0);
    }

    @Test
    void should_pair_by_index_so_shared_difficulty_cancels() {
        // B is A plus a small constant: unpaired, the spread of A would swamp it; paired, it is plain.
        double[] b = new double[SCORES.length];
        for (int i = 0; i < SCORES.length; i++) {
            b[i] = SCORES[i] * 0.9 + 0.1;
        }

        PairedDifference difference = new Bootstrap(new SplittableRandom(4)).paired(SCORES, b);
        Interval unpairedA = new Bootstrap(new SplittableRandom(4)).mean(SCORES);

        assertThat(difference.difference().estimate()).isCloseTo(0.0435, within(1e-12));
        assertThat(difference.excludesZero()).isTrue();
        assertThat(unpairedA.high() - unpairedA.low()).isGreaterThan(4 * 0.0435);
    }

    @Test
    void should_find_a_worse_variant_significant_the_other_way() {
        PairedDifference difference = new Bootstrap(new SplittableRandom(6)).paired(
                new double[] {1, 1, 1, 1, 1, 1, 1, 1}, new double[] {0, 0.1, 0, 0.2, 0, 0, 0.1, 0});

        assertThat(difference.excludesZero()).isTrue();
        assertThat(difference.difference().high()).isLessThan(0);
    }

    @Test
    void should_reject_samples_that_cannot_be_paired() {
        Bootstrap bootstrap = new Bootstrap(new SplittableRandom(0));

        assertThatThrownBy(() -> bootstrap.paired(new double[] {1, 2}, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> bootstrap.mean(new double[0])).isInstanceOf(IllegalArgumentException.class);
    }
}
