package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.WHERE;
import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.eval.MiniLmEmbeddings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** similar with the real local embeddings; onnxruntime binds to one class loader, hence its own JVM. */
@Tag("native")
class SimilarTest {

    static final AssertionContext EMBEDDINGS = new AssertionContext(null, MiniLmEmbeddings.shared());

    static AssertionResult similar(String type, Object expected, String output) {
        return Assertions.create(AssertionSpec.parse(Check.entry(type, expected), WHERE), EMBEDDINGS).evaluate(Output.text(output));
    }

    @Test
    void should_pass_a_paraphrase() {
        AssertionResult r = similar("similar", "The cat sits on the mat.", "A cat is sitting on a mat.");

        assertThat(r.pass()).isTrue();
        assertThat(r.score()).isGreaterThan(0.75);
        assertThat(r.reason()).startsWith("similarity 0.").contains("'The cat sits on the mat.'");
    }

    @Test
    void should_fail_an_unrelated_text() {
        AssertionResult r = similar("similar", "The cat sits on the mat.", "Quarterly revenue grew 4%.");

        assertThat(r.pass()).isFalse();
        assertThat(r.score()).isLessThan(0.5);
    }

    @Test
    void should_flip_when_negated() {
        assertThat(similar("not-similar", "The cat sits on the mat.", "Quarterly revenue grew 4%.").pass()).isTrue();
        assertThat(similar("not-similar", "The cat sits on the mat.", "A cat is sitting on a mat.").pass()).isFalse();
    }

    @Test
    void should_take_the_closest_of_several_expected_texts_and_honour_the_threshold() {
        AssertionResult best = similar("similar", List.of("Quarterly revenue grew 4%.", "The cat sits on the mat."), "A cat is sitting on a mat.");
        AssertionResult strict = Assertions.create(AssertionSpec.parse(Map.of("type", "similar", "value", "The cat sits on the mat.",
                "threshold", 0.99), WHERE), EMBEDDINGS).evaluate(Output.text("A cat is sitting on a mat."));

        assertThat(best.pass()).isTrue();
        assertThat(best.reason()).contains("'The cat sits on the mat.'");
        assertThat(strict.pass()).isFalse();
    }
}
