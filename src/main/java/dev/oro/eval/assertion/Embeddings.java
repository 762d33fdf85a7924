package dev.oro.eval.assertion;

/** Turns a text into a vector, so that two texts compare by meaning ({@code similar}). */
@FunctionalInterface
public interface Embeddings {

    float[] embed(String text);
}
