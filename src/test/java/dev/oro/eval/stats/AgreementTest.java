package dev.oro.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class AgreementTest {

    @Test
    void should_match_the_textbook_kappa() {
        // Cohen's kappa worked example (Wikipedia): 20 yes/yes, 5 A-only, 10 B-only, 15 no/no -> 0.4
        Agreement a = new Agreement(20, 5, 10, 15);
        assertThat(a.n()).isEqualTo(50);
        assertThat(a.observed()).isEqualTo(0.7);
        assertThat(a.kappa().getAsDouble()).isCloseTo(0.4, within(1e-12));
        assertThat(Agreement.words(0.4)).isEqualTo("fair");
    }

    @Test
    void should_be_one_for_perfect_agreement_and_negative_for_systematic_disagreement() {
        assertThat(new Agreement(3, 0, 0, 2).kappa().getAsDouble()).isEqualTo(1.0);
        assertThat(new Agreement(0, 3, 2, 0).kappa().getAsDouble()).isLessThan(0);
        assertThat(Agreement.words(-0.2)).isEqualTo("worse than chance");
    }

    @Test
    void should_leave_kappa_out_when_chance_explains_everything() {
        assertThat(new Agreement(4, 0, 0, 0).kappa()).isEmpty();
        assertThat(new Agreement(4, 0, 0, 0).observed()).isEqualTo(1.0);
        assertThat(new Agreement(0, 0, 0, 0).kappa()).isEmpty();
        assertThat(new Agreement(0, 0, 0, 0).observed()).isEqualTo(0.0);
    }

    @Test
    void should_say_when_one_rater_never_changed_its_answer() {
        Agreement humansAlwaysYes = new Agreement(1, 1, 0, 0);
        assertThat(humansAlwaysYes.kappa().getAsDouble()).isEqualTo(0.0);
        assertThat(humansAlwaysYes.oneRaterConstant()).isTrue();
        assertThat(new Agreement(20, 5, 10, 15).oneRaterConstant()).isFalse();
    }
}
