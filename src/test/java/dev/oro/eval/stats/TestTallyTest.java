package dev.oro.eval.stats;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

class TestTallyTest {

    static CaseOutcome errored(String testId, int repeat) {
        return new CaseOutcome(testId, repeat, true, 0, 100, 10, 0, 0, true);
    }

    @Test
    void should_fold_repeats_into_one_tally_per_test_in_order_of_first_appearance() {
        List<TestTally> tallies = TestTally.of(List.of(
                Outcomes.sample("b", 0, true, 1), Outcomes.sample("a", 0, false, 0.2),
                Outcomes.sample("b", 1, false, 0.5), Outcomes.sample("b", 2, true, 0.9)));

        assertThat(tallies).extracting(TestTally::testId, TestTally::samples, TestTally::passes)
                .containsExactly(tuple("b", 3, 2), tuple("a", 1, 0));
        assertThat(tallies.get(0).meanScore()).isCloseTo(0.8, within(1e-12));
    }

    @Test
    void should_count_an_error_as_a_failure_even_when_marked_as_passing() {
        List<TestTally> tallies = TestTally.of(List.of(
                Outcomes.sample("t", 0, true, 1), errored("t", 1), errored("t", 2)));

        assertThat(tallies.get(0).passes()).isEqualTo(1);
        assertThat(tallies.get(0).mostlyPasses()).isFalse();
    }

    @Test
    void should_need_more_than_half_of_the_samples_to_pass() {
        assertThat(new TestTally("t", 3, 2, 1).mostlyPasses()).isTrue();
        assertThat(new TestTally("t", 4, 2, 1).mostlyPasses()).isFalse();
    }

    @Test
    void should_reject_the_same_repeat_of_a_test_twice() {
        List<CaseOutcome> cases = List.of(Outcomes.sample("t", 0, true, 1), Outcomes.sample("t", 0, true, 1));

        assertThatThrownBy(() -> TestTally.of(cases))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("repeat 0 of test t appears twice");
    }
}
