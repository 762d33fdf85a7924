package dev.oro.dataset;

import dev.oro.eval.assertion.Embeddings;
import dev.oro.eval.assertion.Similar;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Cosine similarity of sentence embeddings (MiniLM in the CLI and server): catches a draft that
 * asks the same thing in other words. Each text is embedded once.
 */
public final class EmbeddingSimilarity implements Similarity {

    /** all-MiniLM-L6-v2 scores paraphrases around 0.85-0.95 and related but distinct texts below 0.8. */
    public static final double DEFAULT_THRESHOLD = 0.9;

    private final Embeddings embeddings;
    private final double threshold;
    private final Map<String, float[]> vectors = new ConcurrentHashMap<>();

    public EmbeddingSimilarity(Embeddings embeddings, double threshold) {
        this.embeddings = embeddings;
        this.threshold = threshold;
    }

    @Override
    public double score(String a, String b) {
        return Similar.cosine(vectors.computeIfAbsent(a, embeddings::embed), vectors.computeIfAbsent(b, embeddings::embed));
    }

    @Override
    public double threshold() {
        return threshold;
    }
}
