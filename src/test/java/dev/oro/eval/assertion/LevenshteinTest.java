package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.problem;
import static dev.oro.eval.assertion.Check.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class LevenshteinTest {

    @Test
    void should_pass_within_five_edits_by_default() {
        AssertionResult r = run("levenshtein", "kitten", "sitting");

        assertThat(r.pass()).isTrue();
        assertThat(r.score()).isEqualTo(1 - 3.0 / 7);
        assertThat(r.reason()).isEqualTo("edit distance 3 to 'kitten' (at most 5 allowed)");
    }

    @Test
    void should_fail_beyond_the_threshold() {
        AssertionResult r = run(Map.of("type", "levenshtein", "value", "kitten", "threshold", 2), Output.text("sitting"));

        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("edit distance 3 to 'kitten' (at most 2 allowed)");
    }

    @Test
    void should_score_two_empty_texts_as_identical() {
        assertThat(run("levenshtein", "", "").score()).isEqualTo(1);
    }

    @Test
    void should_refuse_a_fractional_distance() {
        assertThat(problem(Map.of("type", "levenshtein", "value", "a", "threshold", 0.5)))
                .endsWith(": levenshtein's threshold is the largest edit distance allowed: a whole number of 0 or more, got 0.5");
    }
}
