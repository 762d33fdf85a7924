package dev.oro.model;

import dev.langchain4j.http.client.HttpClientBuilder;
import java.time.Clock;
import java.time.Duration;
import java.util.function.UnaryOperator;

/**
 * Builds an {@link OroHttpClient}. Every provider hands a new one to its LangChain4j builder
 * ({@code .httpClientBuilder(new OroHttpClientBuilder())}); LangChain4j then sets the timeouts.
 */
public final class OroHttpClientBuilder implements HttpClientBuilder {

    private Duration connectTimeout;
    private Duration readTimeout;
    private UnaryOperator<String> bodyEditor = UnaryOperator.identity();
    private Clock clock = Clock.systemUTC();

    @Override
    public Duration connectTimeout() {
        return connectTimeout;
    }

    @Override
    public OroHttpClientBuilder connectTimeout(Duration timeout) {
        this.connectTimeout = timeout;
        return this;
    }

    @Override
    public Duration readTimeout() {
        return readTimeout;
    }

    @Override
    public OroHttpClientBuilder readTimeout(Duration timeout) {
        this.readTimeout = timeout;
        return this;
    }

    /**
     * Rewrites each request body before it is sent: the way to send a field LangChain4j does not
     * model, such as Ollama's {@code num_gpu}.
     */
    public OroHttpClientBuilder editingBodies(UnaryOperator<String> editor) {
        this.bodyEditor = editor;
        return this;
    }

    /** The clock an HTTP-date in Retry-After is measured against. */
    OroHttpClientBuilder clock(Clock clock) {
        this.clock = clock;
        return this;
    }

    UnaryOperator<String> bodyEditor() {
        return bodyEditor;
    }

    Clock clock() {
        return clock;
    }

    @Override
    public OroHttpClient build() {
        return new OroHttpClient(this);
    }
}
