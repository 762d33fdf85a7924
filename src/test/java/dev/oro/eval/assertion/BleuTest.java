package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.run;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class BleuTest {

    private static final List<String> HYPOTHESES = List.of("The dog bit the man.", "It wasn't surprising.", "The man had just bitten him.");
    private static final List<List<String>> REFERENCES = List.of(
            List.of("The dog bit the man.", "It was not unexpected.", "The man bit him first."),
            List.of("The dog had bit the man.", "No one was surprised.", "The man had bitten the dog."));

    @Test
    void should_reproduce_the_example_in_sacrebleus_readme() {
        // sacreBLEU: BLEU = 48.53 82.4/50.0/45.5/37.5 (BP = 0.943 ratio = 0.944 hyp_len = 17 ref_len = 18)
        assertThat(Bleu.corpusBleu(HYPOTHESES, REFERENCES)).isCloseTo(0.4853, within(0.0001));

        Bleu.Score s = Bleu.score(HYPOTHESES, REFERENCES, false);
        assertThat(s.precisions()).containsExactly(14.0 / 17, 7.0 / 14, 5.0 / 11, 3.0 / 8);
        assertThat(s.hypothesisLength()).isEqualTo(17);
        assertThat(s.referenceLength()).isEqualTo(18);
        assertThat(s.brevityPenalty()).isCloseTo(Math.exp(1 - 18.0 / 17), within(1e-12));
    }

    @Test
    void should_tokenize_like_13a() {
        assertThat(Tokenizer13a.tokenize("It wasn't surprising.")).containsExactly("It", "wasn't", "surprising", ".");
        // A dash splits only after a digit; between letters it stays, as mteval-v13a does.
        assertThat(Tokenizer13a.tokenize("Pay $3.50, now-ish (1990-2000)!")).containsExactly(
                "Pay", "$", "3.50", ",", "now-ish", "(", "1990", "-", "2000", ")", "!");
        assertThat(Tokenizer13a.tokenize("a &amp; b\nc")).containsExactly("a", "&", "b", "c");
    }

    @Test
    void should_apply_the_brevity_penalty_to_a_short_but_exact_hypothesis() {
        // c = 5, r = 6; precisions 5/5, 4/4, 3/3, 2/2; BLEU = exp(1 - 6/5).
        Bleu.Score s = Bleu.score(List.of("the cat sat on the"), List.of(List.of("the cat sat on the mat")), false);

        assertThat(s.precisions()).containsExactly(1.0, 1.0, 1.0, 1.0);
        assertThat(s.bleu()).isCloseTo(Math.exp(-0.2), within(1e-12)).isCloseTo(0.818730753, within(1e-9));
    }

    @Test
    void should_measure_brevity_against_the_shorter_of_two_equally_close_references() {
        // Hypothesis 5 tokens, references of 4 and 6: the 4 wins the tie, so no penalty.
        Bleu.Score s = Bleu.score(List.of("a b c d e"), List.of(List.of("a b c d"), List.of("a b c d e f")), false);

        assertThat(s.referenceLength()).isEqualTo(4);
        assertThat(s.brevityPenalty()).isEqualTo(1);
        assertThat(s.bleu()).isEqualTo(1);
    }

    @Test
    void should_give_zero_when_an_order_has_no_match_since_nothing_is_smoothed() {
        // Unigrams and bigrams match, but no 4-gram does.
        assertThat(Bleu.corpusBleu(List.of("a b c x d e f"), List.of(List.of("a b c y d e f")))).isZero();
    }

    @Test
    void should_score_a_short_answer_on_the_orders_it_has() {
        AssertionResult r = run("bleu", "Paris", "Paris");

        assertThat(r.pass()).isTrue();
        assertThat(r.score()).isEqualTo(1);
        assertThat(r.reason()).isEqualTo("BLEU 1.0000 (100.0/0.0/0.0/0.0, BP 1.000; must reach 0.50)");
    }

    @Test
    void should_fail_below_the_threshold_with_the_figures_in_the_reason() {
        AssertionResult r = run(Map.of("type", "bleu", "value", List.of("The man bit him first.", "The man had bitten the dog."),
                "threshold", 0.9), Output.text("The man had just bitten him."));

        assertThat(r.pass()).isFalse();
        assertThat(r.score()).isBetween(0.0, 0.9);
        assertThat(r.reason()).startsWith("BLEU 0.").endsWith("must reach 0.90)");
    }
}
