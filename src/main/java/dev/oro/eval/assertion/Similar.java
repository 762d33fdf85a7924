package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Assertions.quote;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * similar: the output means what one of the expected texts means, by the cosine similarity of
 * their embeddings (at least {@code threshold}, default 0.75). The score is the best similarity.
 * The expected texts are embedded once, on first use.
 */
public final class Similar implements Assertion {

    static final double DEFAULT_THRESHOLD = 0.75;

    private final AssertionSpec spec;
    private final Embeddings embeddings;
    private final List<String> expected;
    private final double threshold;
    private final Map<String, float[]> expectedVectors = new ConcurrentHashMap<>();

    private Similar(AssertionSpec spec, Embeddings embeddings, List<String> expected, double threshold) {
        this.spec = spec;
        this.embeddings = embeddings;
        this.expected = expected;
        this.threshold = threshold;
    }

    static Similar of(AssertionSpec spec, Embeddings embeddings) {
        List<String> expected = AssertionSpec.strings(spec.value()).orElseThrow(() -> spec.needs("a string or a list of strings"));
        Similar similar = new Similar(spec, embeddings, expected, spec.scoreThreshold(DEFAULT_THRESHOLD));
        if (embeddings == null) {
            throw AssertionSpec.invalid("similar needs embeddings, which this run does not provide");
        }
        return similar;
    }

    @Override
    public AssertionResult evaluate(Output output) {
        float[] actual = embeddings.embed(output.text());
        double best = -1;
        String closest = expected.get(0);
        for (String text : expected) {
            double similarity = cosine(actual, expectedVectors.computeIfAbsent(text, embeddings::embed));
            if (similarity > best) {
                best = similarity;
                closest = text;
            }
        }
        double score = Math.max(0, Math.min(1, best));
        return spec.result(best >= threshold, score, String.format(Locale.ROOT, "similarity %.3f to %s (at least %.2f needed)",
                best, quote(closest), threshold));
    }

    public static double cosine(float[] a, float[] b) {
        if (a.length != b.length) {
            throw new IllegalArgumentException("embeddings of different sizes: " + a.length + " and " + b.length);
        }
        double dot = 0;
        double normA = 0;
        double normB = 0;
        for (int i = 0; i < a.length; i++) {
            dot += a[i] * b[i];
            normA += a[i] * a[i];
            normB += b[i] * b[i];
        }
        return normA == 0 || normB == 0 ? 0 : dot / Math.sqrt(normA * normB);
    }
}
