package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.problem;
import static dev.oro.eval.assertion.Check.run;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Hand-computed against Lin (2004): ROUGE-N recall = clipped matching n-grams / n-grams in the reference. */
class RougeTest {

    private static final String REFERENCE = "the cat was under the bed";
    private static final String CANDIDATE = "the cat was found under the bed";

    /**
     * Unigrams: the reference has the x2, cat, was, under, bed (6); the candidate adds "found" (7); 6 match.
     * Bigrams: the reference has the-cat, cat-was, was-under, under-the, the-bed (5); the candidate has
     * the-cat, cat-was, was-found, found-under, under-the, the-bed (6); 4 match.
     */
    @ParameterizedTest(name = "ROUGE-{0}: {1} matches of {2} reference and {3} candidate n-grams")
    @CsvSource({"1, 6, 6, 7", "2, 4, 5, 6"})
    void should_count_n_grams_as_lin_defines_them(int n, int matches, int inReference, int inCandidate) {
        Rouge.Overlap overlap = Rouge.rougeN(CANDIDATE, REFERENCE, n);

        assertThat(overlap).isEqualTo(new Rouge.Overlap(matches, inReference, inCandidate));
        assertThat(overlap.recall()).isEqualTo((double) matches / inReference);
        assertThat(overlap.precision()).isEqualTo((double) matches / inCandidate);
    }

    @Test
    void should_give_the_exact_fractions_of_the_worked_example() {
        assertThat(Rouge.rougeN(CANDIDATE, REFERENCE, 1).recall()).isEqualTo(6.0 / 6);
        assertThat(Rouge.rougeN(CANDIDATE, REFERENCE, 1).precision()).isEqualTo(6.0 / 7);
        assertThat(Rouge.rougeN(CANDIDATE, REFERENCE, 2).recall()).isEqualTo(4.0 / 5);
        assertThat(Rouge.rougeN(CANDIDATE, REFERENCE, 2).precision()).isEqualTo(4.0 / 6);
        assertThat(Rouge.rougeN(CANDIDATE, REFERENCE, 1).f()).isEqualTo(2 * (6.0 / 7) / (1 + 6.0 / 7));
    }

    @Test
    void should_clip_a_repeated_word_to_the_times_the_reference_has_it() {
        assertThat(Rouge.rougeN("the the the the", "the cat", 1)).isEqualTo(new Rouge.Overlap(1, 2, 4));
    }

    @Test
    void should_ignore_case_and_punctuation_in_tokens() {
        assertThat(Rouge.tokens("The Cat, under-the BED!")).containsExactly("the", "cat", "under", "the", "bed");
        assertThat(Rouge.tokens("Éclair à 3€")).containsExactly("éclair", "à", "3");
    }

    @Test
    void should_pass_when_f_reaches_the_default_threshold_and_print_r_p_f() {
        AssertionResult r = run("rouge-n", REFERENCE, CANDIDATE);

        assertThat(r.pass()).isTrue();
        assertThat(r.score()).isEqualTo(2 * (6.0 / 7) / (1 + 6.0 / 7));
        assertThat(r.reason()).isEqualTo("ROUGE-1 R=1.000 P=0.857 F=0.923 (F must reach 0.75)");
    }

    @Test
    void should_take_n_from_the_value_map() {
        AssertionResult r = run("rouge-n", Map.of("reference", REFERENCE, "n", 2), CANDIDATE);

        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("ROUGE-2 R=0.800 P=0.667 F=0.727 (F must reach 0.75)");
    }

    @Test
    void should_score_against_the_best_of_several_references() {
        AssertionResult r = run("rouge-n", List.of("a dog slept", REFERENCE), CANDIDATE);

        assertThat(r.score()).isEqualTo(Rouge.rougeN(CANDIDATE, REFERENCE, 1).f());
    }

    @Test
    void should_refuse_a_bad_n() {
        assertThat(problem("rouge-n", Map.of("reference", "x", "n", 0))).contains("rouge-n needs a reference string, a list of them, or {reference, n}");
        assertThat(problem("rouge-n", Map.of("n", 2))).contains("rouge-n needs a reference string");
    }
}
