package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import org.junit.jupiter.api.Test;

class NegatedTest {

    @Test
    void should_fail_not_contains_when_the_text_is_there() {
        AssertionResult r = run("not-contains", "sorry", "I'm sorry, I can't");

        assertThat(r.pass()).isFalse();
        assertThat(r.score()).isZero();
        assertThat(r.type()).isEqualTo("not-contains");
        assertThat(r.reason()).isEqualTo("not: output contains 'sorry'");
    }

    @Test
    void should_pass_not_contains_when_the_text_is_absent() {
        AssertionResult r = run("not-contains", "sorry", "Paris");

        assertThat(r.pass()).isTrue();
        assertThat(r.score()).isEqualTo(1);
        assertThat(r.reason()).isEqualTo("not: output does not contain 'sorry'");
    }

    @Test
    void should_turn_a_graded_score_into_one_minus_it() {
        AssertionResult plain = run("levenshtein", "kitten", "sitting");
        AssertionResult negated = run("not-levenshtein", "kitten", "sitting");

        assertThat(plain.score()).isCloseTo(1 - 3.0 / 7, within(1e-12));
        assertThat(negated.score()).isCloseTo(3.0 / 7, within(1e-12));
        assertThat(negated.pass()).isEqualTo(!plain.pass());
    }

    @Test
    void should_carry_weight_and_metric_through_the_negation() {
        AssertionResult r = run(Map.of("type", "not-regex", "value", "\\d+", "weight", 3, "metric", "no-numbers"), Output.text("none here"));

        assertThat(r.pass()).isTrue();
        assertThat(r.weight()).isEqualTo(3);
        assertThat(r.metric()).isEqualTo("no-numbers");
    }

    @Test
    void should_negate_json_and_length_checks_too() {
        assertThat(run("not-is-json", null, "plain prose").pass()).isTrue();
        assertThat(run("not-is-json", null, "{\"a\": 1}").pass()).isFalse();
        assertThat(run("not-word-count", Map.of("max", 3), "one two three four").pass()).isTrue();
    }
}
