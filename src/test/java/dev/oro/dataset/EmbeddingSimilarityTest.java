package dev.oro.dataset;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.eval.MiniLmEmbeddings;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** The CLI's near-duplicate check on real MiniLM embeddings; onnxruntime binds once per JVM, hence the native JVM. */
@Tag("native")
class EmbeddingSimilarityTest {

    final EmbeddingSimilarity minilm = new EmbeddingSimilarity(MiniLmEmbeddings.shared(), EmbeddingSimilarity.DEFAULT_THRESHOLD);

    @Test
    void should_score_a_rewording_as_a_near_duplicate_and_a_new_question_as_new() {
        String a = "How do I reset my password?";
        assertThat(minilm.score(a, a)).isGreaterThan(0.999);
        assertThat(minilm.score(a, "How can I reset my password?")).isGreaterThanOrEqualTo(minilm.threshold());
        assertThat(minilm.score(a, "What is the capital of Peru?")).isLessThan(0.5);
    }

    @Test
    void should_drop_a_paraphrased_draft_that_lexical_similarity_misses() {
        Draft first = new Draft(null, Map.of("question", "How do I reset my password?"), "Use the link.", null);
        List<Object> candidates = List.of(Map.of("vars", Map.of("question", "How can I reset my password?"), "expected", "Use the link."),
                Map.of("vars", Map.of("question", "Where is my invoice for March?"), "expected", "In Billing."));
        var spec = Map.of("question", new dev.oro.library.VariableSpec("The question.", true, null));
        DraftCheck.Outcome withMiniLm = new DraftCheck(spec, minilm).check(candidates, List.of(first));
        assertThat(withMiniLm.nearDuplicates()).isEqualTo(1);
        assertThat(withMiniLm.kept()).extracting(d -> d.vars().get("question")).containsExactly("Where is my invoice for March?");
        assertThat(withMiniLm.reasons()).singleElement().asString().startsWith("draft 1: near-duplicate of seed example 1 (similarity 0.9");
        assertThat(new DraftCheck(spec, new LexicalSimilarity()).check(candidates, List.of(first)).nearDuplicates()).isZero();
    }
}
