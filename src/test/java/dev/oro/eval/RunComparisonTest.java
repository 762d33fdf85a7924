package dev.oro.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class RunComparisonTest {

    @Test
    void should_give_the_exact_two_sided_mcnemar_p_value() {
        assertThat(RunComparison.mcnemar(0, 0)).isEqualTo(1.0);
        assertThat(RunComparison.mcnemar(0, 6)).isCloseTo(2.0 / 64, within(1e-12));
        assertThat(RunComparison.mcnemar(9, 1)).isCloseTo(22.0 / 1024, within(1e-12));
        assertThat(RunComparison.mcnemar(3000, 3000)).isCloseTo(1.0, within(1e-9));
        assertThat(RunComparison.mcnemar(0, 5000)).isZero();
    }
}
