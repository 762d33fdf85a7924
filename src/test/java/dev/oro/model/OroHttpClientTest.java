package dev.oro.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.github.tomakehurst.wiremock.WireMockServer;
import dev.langchain4j.exception.TimeoutException;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import dev.langchain4j.http.client.sse.DefaultServerSentEventParser;
import dev.langchain4j.http.client.sse.ServerSentEvent;
import dev.langchain4j.http.client.sse.ServerSentEventContext;
import dev.langchain4j.http.client.sse.ServerSentEventListener;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OroHttpClientTest {

    private static final Instant NOW = Instant.parse("2025-06-01T12:00:00Z");
    private static final String IN_30_SECONDS = DateTimeFormatter.RFC_1123_DATE_TIME.format(NOW.plusSeconds(30).atZone(ZoneOffset.UTC));
    private static WireMockServer server;

    @BeforeAll
    static void start() {
        server = new WireMockServer(wireMockConfig().dynamicPort().jettyAcceptors(1));
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    @BeforeEach
    void reset() {
        server.resetAll();
    }

    @Test
    void should_read_retry_after_as_seconds_or_as_an_http_date() {
        assertThat(OroHttpClient.retryAfter("2", NOW)).isEqualTo(Duration.ofSeconds(2));
        assertThat(OroHttpClient.retryAfter(" 1.5 ", NOW)).isEqualTo(Duration.ofMillis(1500));
        assertThat(OroHttpClient.retryAfter(IN_30_SECONDS, NOW)).isEqualTo(Duration.ofSeconds(30));
        assertThat(OroHttpClient.retryAfter("Sun, 01 Jun 2025 11:00:00 GMT", NOW)).isZero();
        assertThat(OroHttpClient.retryAfter("soon", NOW)).isNull();
        assertThat(OroHttpClient.retryAfter(null, NOW)).isNull();
    }

    @Test
    void should_fail_with_the_status_body_retry_after_and_url() {
        stubOverloaded();

        HttpFailure failure = catchThrowableOfType(HttpFailure.class, () -> client().execute(request("/busy")));

        assertFailure(failure);
    }

    @Test
    void should_hand_a_streamed_failure_to_the_listener() throws Exception {
        stubOverloaded();
        Recorder listener = new Recorder();

        client().execute(request("/busy"), new DefaultServerSentEventParser(), listener);

        assertFailure((HttpFailure) listener.error.get(10, TimeUnit.SECONDS));
    }

    @Test
    void should_stop_waiting_at_the_read_timeout_the_builder_was_given() throws Exception {
        server.stubFor(post("/slow").willReturn(aResponse().withStatus(200).withBody("{}").withFixedDelay(2000)));
        OroHttpClient client = new OroHttpClientBuilder().connectTimeout(Duration.ofSeconds(1)).readTimeout(Duration.ofMillis(200)).build();
        Recorder listener = new Recorder();

        TimeoutException plain = catchThrowableOfType(TimeoutException.class, () -> client.execute(request("/slow")));
        client.execute(request("/slow"), new DefaultServerSentEventParser(), listener);

        assertThat(plain).isNotNull();
        assertThat(listener.error.get(10, TimeUnit.SECONDS)).isInstanceOf(TimeoutException.class);
    }

    @Test
    void should_end_a_stream_at_the_first_event_its_listener_cannot_handle() throws Exception {
        server.stubFor(post("/events").willReturn(aResponse().withHeader("Content-Type", "text/event-stream")
                .withBody("data: one\n\ndata: two\n\ndata: three\n\n")));
        Recorder listener = new Recorder() {
            @Override
            public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
                super.onEvent(event, context);
                if (event.data().equals("two")) {
                    throw new IllegalArgumentException("not JSON: two");
                }
            }
        };

        client().execute(request("/events"), new DefaultServerSentEventParser(), listener);

        assertThat(listener.error.get(10, TimeUnit.SECONDS)).hasMessage("not JSON: two");
        assertThat(listener.events).containsExactly("one", "two");
        assertThat(listener.closed).isFalse();
    }

    @Test
    void should_fail_a_stream_that_ends_without_a_single_event() throws Exception {
        server.stubFor(post("/html").willReturn(aResponse().withHeader("Content-Type", "text/html").withBody("<html>hello</html>")));
        Recorder listener = new Recorder();

        client().execute(request("/html"), new DefaultServerSentEventParser(), listener);

        assertThat(listener.error.get(10, TimeUnit.SECONDS)).hasMessageContaining("without a single event (Content-Type: text/html)");
        assertThat(listener.closed).isFalse();
    }

    @Test
    void should_close_a_stream_that_ended_well() throws Exception {
        server.stubFor(post("/events").willReturn(aResponse().withHeader("Content-Type", "text/event-stream").withBody("data: one\n\n")));
        CompletableFuture<Void> ended = new CompletableFuture<>();
        Recorder listener = new Recorder() {
            @Override
            public void onClose() {
                ended.complete(null);
            }
        };

        client().execute(request("/events"), new DefaultServerSentEventParser(), listener);

        ended.get(10, TimeUnit.SECONDS);
        assertThat(listener.events).containsExactly("one");
        assertThat(listener.error).isNotDone();
    }

    @Test
    void should_let_a_provider_edit_bodies_before_they_are_sent() {
        server.stubFor(post("/echo").willReturn(aResponse().withStatus(200).withBody("ok")));
        OroHttpClient client = new OroHttpClientBuilder().editingBodies(body -> body.replace("\"a\":1", "\"a\":2")).build();

        assertThat(client.execute(request("/echo")).body()).isEqualTo("ok");

        server.verify(postRequestedFor(urlPathEqualTo("/echo")).withRequestBody(equalTo("{\"a\":2}")));
    }

    @Test
    void should_send_a_get_without_a_body() {
        server.stubFor(get("/models").willReturn(aResponse().withStatus(200).withBody("[]")));

        String body = client().execute(HttpRequest.builder().method(HttpMethod.GET).url(server.baseUrl() + "/models").build()).body();

        assertThat(body).isEqualTo("[]");
    }

    private void stubOverloaded() {
        server.stubFor(post("/busy").willReturn(aResponse().withStatus(503).withHeader("Retry-After", IN_30_SECONDS)
                .withBody("{\"error\":\"overloaded\"}")));
    }

    private void assertFailure(HttpFailure failure) {
        assertThat(failure.statusCode()).isEqualTo(503);
        assertThat(failure.getMessage()).isEqualTo("{\"error\":\"overloaded\"}");
        assertThat(failure.retryAfter()).isEqualTo(Duration.ofSeconds(30));
        assertThat(failure.url()).isEqualTo(server.baseUrl() + "/busy");
    }

    private static OroHttpClient client() {
        return new OroHttpClientBuilder().clock(Clock.fixed(NOW, ZoneOffset.UTC)).build();
    }

    private static HttpRequest request(String path) {
        return HttpRequest.builder().method(HttpMethod.POST).url(server.baseUrl() + path).body("{\"a\":1}").build();
    }

    /** Remembers what a stream told it. */
    private static class Recorder implements ServerSentEventListener {

        final CompletableFuture<Throwable> error = new CompletableFuture<>();
        final List<String> events = new CopyOnWriteArrayList<>();
        volatile boolean closed;

        @Override
        public void onEvent(ServerSentEvent event, ServerSentEventContext context) {
            events.add(event.data());
        }

        @Override
        public void onError(Throwable throwable) {
            error.complete(throwable);
        }

        @Override
        public void onClose() {
            closed = true;
        }
    }
}
