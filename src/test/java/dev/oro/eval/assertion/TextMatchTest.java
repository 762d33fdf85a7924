package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TextMatchTest {

    @Test
    void should_pass_equals_only_for_the_exact_text() {
        assertThat(run("equals", "Paris", "Paris").pass()).isTrue();
        AssertionResult r = run("equals", "Paris", "Paris.");

        assertThat(r.pass()).isFalse();
        assertThat(r.score()).isZero();
        assertThat(r.reason()).isEqualTo("output differs from 'Paris' at character 6");
    }

    @Test
    void should_read_a_yaml_number_as_the_text_the_user_typed() {
        assertThat(run("equals", 42, "42").pass()).isTrue();
    }

    @Test
    void should_find_contains_case_sensitively_and_icontains_not() {
        assertThat(run("contains", "paris", "Capital: Paris").pass()).isFalse();
        assertThat(run("icontains", "paris", "Capital: PARIS").pass()).isTrue();
        assertThat(run("icontains", "lyon", "Capital: PARIS").reason()).isEqualTo("output does not contain 'lyon'");
    }

    @Test
    void should_check_the_start_of_the_output() {
        assertThat(run("starts-with", "Answer:", "Answer: 4").pass()).isTrue();
        assertThat(run("starts-with", "Answer:", " Answer: 4").pass()).isFalse();
    }

    @Test
    void should_pass_contains_any_on_the_first_value_found() {
        AssertionResult r = run("contains-any", List.of("Lyon", "Paris"), "It is Paris");

        assertThat(r.pass()).isTrue();
        assertThat(r.reason()).isEqualTo("output contains 'Paris'");
        assertThat(run("contains-any", List.of("Lyon", "Nice"), "It is Paris").reason()).isEqualTo("output contains none of 'Lyon', 'Nice'");
    }

    @Test
    void should_name_what_contains_all_misses() {
        assertThat(run("contains-all", List.of("red", "green"), "red and green").pass()).isTrue();
        AssertionResult r = run("contains-all", List.of("red", "green", "blue"), "red only");

        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("output lacks 'green', 'blue'");
    }

    @Test
    void should_give_the_spec_weight_and_metric_to_the_result() {
        AssertionResult r = run(Map.of("type", "contains", "value", "x", "weight", 0.5, "metric", "mentions-x"), Output.text("x"));

        assertThat(r.type()).isEqualTo("contains");
        assertThat(r.weight()).isEqualTo(0.5);
        assertThat(r.metric()).isEqualTo("mentions-x");
    }

    @Test
    void should_cut_a_long_expectation_short_in_the_reason() {
        String longValue = "x".repeat(200);

        assertThat(run("contains", longValue, "y").reason()).hasSize("output does not contain ''".length() + 80);
    }
}
