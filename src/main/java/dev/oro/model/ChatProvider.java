package dev.oro.model;

/**
 * One model endpoint, as Oro sees it. Each provider is one small class; LangChain4j stays an
 * implementation detail behind this interface. Retries, timeouts, concurrency and cost live
 * in {@link ResilientModel}, not here: a provider makes exactly one attempt.
 */
public interface ChatProvider extends AutoCloseable {

    /**
     * Makes one call. When {@code sink} is not null the provider streams, handing each piece
     * of text to it as it arrives; the returned text is then the concatenation of the pieces.
     *
     * @throws ModelException with a message a user can act on, retriable or not
     */
    ProviderReply chat(ModelRequest request, TokenSink sink);

    /** Reachable and the model present? Never throws. */
    Readiness check();

    /** The identity of the model that answers: a digest, a file hash, or a model name. */
    String identity();

    @Override
    default void close() {
    }
}
