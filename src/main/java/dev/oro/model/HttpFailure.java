package dev.oro.model;

import dev.langchain4j.exception.HttpException;
import java.time.Duration;

/**
 * An HTTP error answer from a model server, as Oro's HTTP client reports it to LangChain4j:
 * the status and body LangChain4j needs, plus the Retry-After header and the URL, which it
 * would otherwise drop.
 */
public class HttpFailure extends HttpException {

    private final Duration retryAfter;
    private final String url;

    public HttpFailure(int statusCode, String body, Duration retryAfter, String url) {
        super(statusCode, body);
        this.retryAfter = retryAfter;
        this.url = url;
    }

    public Duration retryAfter() {
        return retryAfter;
    }

    public String url() {
        return url;
    }
}
