package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.problem;
import static dev.oro.eval.assertion.Check.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LengthTest {

    @Test
    void should_count_words_exactly() {
        assertThat(run("word-count", 3, "  one two\nthree ").pass()).isTrue();
        AssertionResult r = run("word-count", 3, "one two");

        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("output has 2 words, expected exactly 3");
    }

    @Test
    void should_count_words_in_a_range() {
        assertThat(run("word-count", Map.of("min", 2, "max", 4), "a b c").pass()).isTrue();
        assertThat(run("word-count", Map.of("max", 2), "a b c").reason()).isEqualTo("output has 3 words, expected at most 2");
        assertThat(run("word-count", Map.of("min", 1), "").reason()).isEqualTo("output has 0 words, expected at least 1");
    }

    @Test
    void should_count_characters_as_code_points() {
        assertThat(run("length", Map.of("min", 2, "max", 2), "é😀").pass()).isTrue();
        assertThat(run("length", Map.of("min", 5, "max", 10), "abc").reason()).isEqualTo("output has 3 characters, expected 5 to 10");
    }

    @Test
    void should_refuse_a_range_that_cannot_hold() {
        assertThat(problem("length", Map.of("min", 10, "max", 5)))
                .contains(": length needs a whole number, or {min, max} with whole numbers and min <= max as value, got '{");
        assertThat(problem("length", Map.of("least", 1))).contains("length needs a whole number");
        assertThat(problem("word-count", 2.5)).contains("word-count needs a whole number");
    }
}
