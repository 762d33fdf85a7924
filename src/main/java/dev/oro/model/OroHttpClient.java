package dev.oro.model;

import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpClient;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.SuccessfulHttpResponse;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import dev.langchain4j.http.client.sse.ServerSentEventParser;
import java.io.IOException;
import java.io.InputStream;
import java.io.InterruptedIOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.Map;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.UnaryOperator;

/**
 * LangChain4j's HTTP client interface on {@code java.net.http}. It differs from LangChain4j's
 * own JDK client in what a failure carries: an error answer becomes an {@link HttpFailure}
 * with the Retry-After header and the URL, so that {@link ResilientModel} can wait as long as
 * the server asked. Bodies and URLs in failures are redacted of API keys.
 */
public final class OroHttpClient implements HttpClient {

    private static final Duration DEFAULT_CONNECT_TIMEOUT = Duration.ofSeconds(15);
    /** Error bodies are read for a message; a megabyte is more than any server's error says. */
    private static final int MAX_ERROR_BODY = 1 << 20;
    /**
     * LangChain4j builds a client per model and Oro a model per call, so JDK clients (each
     * with a selector thread and a connection pool) are shared, one per connect timeout.
     */
    private static final Map<Duration, java.net.http.HttpClient> CLIENTS = new ConcurrentHashMap<>();

    private final java.net.http.HttpClient jdk;
    private final Duration readTimeout;
    private final UnaryOperator<String> bodyEditor;
    private final Clock clock;

    OroHttpClient(OroHttpClientBuilder builder) {
        Duration connect = builder.connectTimeout() == null ? DEFAULT_CONNECT_TIMEOUT : builder.connectTimeout();
        this.jdk = CLIENTS.computeIfAbsent(connect, t -> java.net.http.HttpClient.newBuilder().connectTimeout(t).build());
        this.readTimeout = builder.readTimeout();
        this.bodyEditor = builder.bodyEditor();
        this.clock = builder.clock();
    }

    @Override
    public SuccessfulHttpResponse execute(HttpRequest request) {
        HttpResponse<String> response;
        try {
            response = jdk.send(toJdk(request), BodyHandlers.ofString());
        } catch (HttpTimeoutException e) {
            throw new TimeoutException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new UncheckedIOException(new InterruptedIOException("interrupted while waiting for " + Secrets.redact(request.url())));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!successful(response.statusCode())) {
            throw failure(response.statusCode(), response.body(), response.headers(), request.url());
        }
        return toSuccessful(response, response.body());
    }

    /**
     * Streams the body through {@code parser} (SSE for most vendors, NDJSON for Ollama, which
     * brings its own parser). The listener hears every outcome, including errors, on the JDK
     * client's thread.
     */
    @Override
    public void execute(HttpRequest request, ServerSentEventParser parser, ServerSentEventListener listener) {
        jdk.sendAsync(toJdk(request), BodyHandlers.ofInputStream())
                .thenAccept(response -> stream(request, response, parser, listener))
                .exceptionally(error -> {
                    Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                    quietly(() -> listener.onError(cause instanceof HttpTimeoutException ? new TimeoutException(cause) : cause));
                    return null;
                });
    }

    private void stream(HttpRequest request, HttpResponse<InputStream> response, ServerSentEventParser parser,
            ServerSentEventListener listener) {
        try (InputStream body = response.body()) {
            if (!successful(response.statusCode())) {
                String text = new String(body.readNBytes(MAX_ERROR_BODY), StandardCharsets.UTF_8);
                quietly(() -> listener.onError(failure(response.statusCode(), text, response.headers(), request.url())));
                return;
            }
            quietly(() -> listener.onOpen(toSuccessful(response, null)));
            FailFast guarded = new FailFast(listener);
            parser.parse(body, guarded);
            if (!guarded.failed && guarded.events == 0) {
                // Vendors' listeners take a silent end for a finished answer; a stream with no event is not one.
                String type = response.headers().firstValue("Content-Type").orElse("none");
                quietly(() -> listener.onError(new IllegalStateException("the stream ended without a single event (Content-Type: "
                        + type + ")")));
            } else if (!guarded.failed) {
                quietly(listener::onClose);
            }
        } catch (IOException e) {
            quietly(() -> listener.onError(e));
        }
    }

    private java.net.http.HttpRequest toJdk(HttpRequest request) {
        URI uri = URI.create(request.url());
        java.net.http.HttpRequest.Builder builder = java.net.http.HttpRequest.newBuilder(uri);
        request.headers().forEach((name, values) -> values.forEach(value -> builder.header(name, value)));
        String body = request.body() == null ? null : bodyEditor.apply(request.body());
        builder.method(request.method().name(), body == null
                ? java.net.http.HttpRequest.BodyPublishers.noBody()
                : java.net.http.HttpRequest.BodyPublishers.ofString(body));
        if ("http".equalsIgnoreCase(uri.getScheme())) {
            // Local servers (Ollama, llama-server) speak HTTP/1.1; skip the h2c upgrade headers.
            builder.version(java.net.http.HttpClient.Version.HTTP_1_1);
        }
        if (readTimeout != null) {
            builder.timeout(readTimeout);
        }
        return builder.build();
    }

    private HttpFailure failure(int status, String body, HttpHeaders headers, String url) {
        Duration retryAfter = retryAfter(headers.firstValue("Retry-After").orElse(null), clock.instant());
        return new HttpFailure(status, Secrets.redact(body), retryAfter, Secrets.redact(url));
    }

    /**
     * Reads a Retry-After header: delay-seconds or an HTTP-date (RFC 9110, 10.2.3). A date in
     * the past means now; anything unreadable means the server did not say.
     */
    static Duration retryAfter(String header, Instant now) {
        if (header == null || header.isBlank()) {
            return null;
        }
        String value = header.strip();
        if (value.matches("\\d+(\\.\\d+)?")) {
            return Duration.ofMillis(Math.round(Double.parseDouble(value) * 1000));
        }
        try {
            Duration until = Duration.between(now, ZonedDateTime.parse(value, DateTimeFormatter.RFC_1123_DATE_TIME).toInstant());
            return until.isNegative() ? Duration.ZERO : until;
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static SuccessfulHttpResponse toSuccessful(HttpResponse<?> response, String body) {
        return SuccessfulHttpResponse.builder().statusCode(response.statusCode()).headers(response.headers().map()).body(body).build();
    }

    private static boolean successful(int status) {
        return status >= 200 && status < 300;
    }

    /** A listener's own failure must not stop the others from hearing the outcome. */
    private static void quietly(Runnable call) {
        try {
            call.run();
        } catch (RuntimeException ignored) {
            // the listener failed while handling the outcome; nothing better to tell it
        }
    }

    /**
     * LangChain4j's parsers log and skip an event its listener could not handle, so a chunk that
     * is not JSON would leave a call waiting for an end that never comes. This ends the stream
     * with that error instead.
     */
    private static final class FailFast implements ServerSentEventListener {

        private final ServerSentEventListener delegate;
        private volatile boolean failed;
        private int events; // written and read on the parsing thread only

        FailFast(ServerSentEventListener delegate) {
            this.delegate = delegate;
        }

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            if (failed) {
                return;
            }
            events++;
            try {
                delegate.onEvent(event, context);
            } catch (RuntimeException e) {
                failed = true;
                context.parsingHandle().cancel();
                quietly(() -> delegate.onError(e));
            }
        }

        @Override
        public void onEvent(ServerSentEvent event) {
            delegate.onEvent(event);
        }

        @Override
        public void onError(Throwable error) {
            if (!failed) {
                failed = true;
                delegate.onError(error);
            }
        }
    }
}
