package dev.oro.model;

import java.time.Duration;

/**
 * A failed model call. {@link #retriable()} decides whether {@link ResilientModel} tries
 * again; the message says what a user can do. It never contains an API key.
 */
public class ModelException extends RuntimeException {

    private final boolean retriable;
    private final Integer status;
    private final Duration retryAfter;

    public ModelException(String message, boolean retriable, Integer status, Duration retryAfter, Throwable cause) {
        super(message, cause);
        this.retriable = retriable;
        this.status = status;
        this.retryAfter = retryAfter;
    }

    public static ModelException fatal(String message) {
        return new ModelException(message, false, null, null, null);
    }

    public boolean retriable() {
        return retriable;
    }

    /** The HTTP status the server answered, if any. */
    public Integer status() {
        return status;
    }

    /** How long the server asked us to wait (Retry-After), if it did. */
    public Duration retryAfter() {
        return retryAfter;
    }
}
