package dev.oro.eval.assertion;

/**
 * What the assertions that need a model are given: the suite's judge and the embeddings, each
 * null when there is none. Pure assertions ignore it.
 */
public record AssertionContext(Judge judge, Embeddings embeddings) {

    /** No judge and no embeddings: only pure assertions can be created. */
    public static final AssertionContext NONE = new AssertionContext(null, null);

    /**
     * For checking a spec's shape only: a judge and embeddings that refuse to be called, so
     * that {@link AssertionSpec#parse} checks a model-graded entry without a model.
     */
    static final AssertionContext SHAPE_ONLY = new AssertionContext(messages -> never(), text -> never());

    private static <T> T never() {
        throw new IllegalStateException("an assertion built to check its spec's shape is never evaluated");
    }
}
