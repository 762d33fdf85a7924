package dev.oro.dataset;

/**
 * How alike two texts are, from 0 (nothing shared) to 1 (the same), and from what score two
 * drafts count as near-duplicates. Pluggable, because the meaningful one (MiniLM embeddings)
 * loads a native library once per JVM, while tests want a deterministic one.
 */
public interface Similarity {

    double score(String a, String b);

    /** Scores at or above this make the second text a near-duplicate of the first. */
    double threshold();
}
