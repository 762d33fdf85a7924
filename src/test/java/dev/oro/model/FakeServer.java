package dev.oro.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.wireMockConfig;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * A vendor's API on loopback whose model counts from one to ten, as {@link ChatProviderContract}
 * expects, and stops early when the request's token limit is lower. Subclasses speak one
 * vendor's documented wire format; this class holds what they share: the counting, the
 * failure scenarios, and the record of the chat requests received.
 */
public abstract class FakeServer implements AutoCloseable {

    static final ObjectMapper JSON = new ObjectMapper();
    static final List<String> WORDS = List.of(ChatProviderContract.COUNTING.split(" "));
    private static final String COUNTING = "counting";
    private static final Set<String> TEXT_FIELDS = Set.of("content", "text", "system");
    /** Jetty's start and stop lines for every fake would bury a failure's output; held, so the level sticks. */
    private static final Logger JETTY = Logger.getLogger("org.eclipse.jetty");

    static {
        JETTY.setLevel(Level.WARNING);
    }

    final WireMockServer server;
    private final AtomicInteger scenarios = new AtomicInteger();

    FakeServer() {
        server = new WireMockServer(wireMockConfig().dynamicPort().jettyAcceptors(1).extensions(new Counting()));
        server.start();
        reset();
    }

    /** Forgets the requests received and the scenarios set: the fake answers as it did when new. */
    /** The base URL a profile points at, for tests outside this package. */
    public String url() {
        return baseUrl();
    }

    /** Every answer takes this long, like a real server under load. */
    public void latency(int millis) {
        server.setGlobalFixedDelay(millis);
    }

    /** How many chat requests arrived, for tests outside this package. */
    public int chatCount() {
        return chatRequests().size();
    }

    public void reset() {
        server.resetAll();
        server.stubFor(post(chatUrl()).atPriority(10).willReturn(aResponse().withTransformers(COUNTING)));
        stubListing();
    }

    /** The base URL a profile names, e.g. {@code http://localhost:PORT/v1}. */
    abstract String baseUrl();

    /** Where chat requests go, streamed or not. */
    abstract UrlPattern chatUrl();

    /** The vendor's answer to a chat request, in its format; also its 404 for an unknown model. */
    abstract ResponseDefinitionBuilder answer(LoggedRequest request, JsonNode body);

    /** The vendor's error answer. */
    abstract ResponseDefinitionBuilder error(int status, String message);

    /** The listing a provider's check() reads. */
    abstract void stubListing();

    /** The next {@code times} chat requests get {@code failure}; the ones after are answered. */
    void failNext(int times, ResponseDefinitionBuilder failure) {
        String scenario = "failures-" + scenarios.incrementAndGet();
        for (int i = 0; i < times; i++) {
            server.stubFor(post(chatUrl()).atPriority(1).inScenario(scenario)
                    .whenScenarioStateIs(i == 0 ? Scenario.STARTED : "failed " + i)
                    .willSetStateTo("failed " + (i + 1))
                    .willReturn(failure));
        }
    }

    void rateLimitOnce(int retryAfterSeconds) {
        failNext(1, error(429, "Rate limit reached; please try again later").withHeader("Retry-After", String.valueOf(retryAfterSeconds)));
    }

    public void failWithServerErrors(int times) {
        failNext(times, error(500, "The server had an error while processing your request"));
    }

    /** The next {@code times} chat requests get a 500 whose body quotes {@code secret}, as a careless proxy might. */
    public void failQuoting(int times, String secret) {
        failNext(times, error(500, "upstream said: Authorization Bearer " + secret + " is unknown"));
    }

    /** The Authorization header of each chat request received. */
    public List<String> authorizations() {
        return chatRequests().stream().map(r -> r.getHeader("Authorization")).toList();
    }

    /** Every chat request from now on is refused as unauthenticated. */
    void rejectKeys() {
        server.stubFor(post(chatUrl()).atPriority(1).willReturn(error(401, "invalid API key")));
    }

    /** Every chat request from now on gets a body that is not JSON, with a 200. */
    void answerMalformed() {
        server.stubFor(post(chatUrl()).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("<html>upstream proxy says hello</html>")));
    }

    /** Every chat request from now on is answered only after {@code delay}. */
    void hang(Duration delay) {
        server.stubFor(post(chatUrl()).atPriority(1).willReturn(aResponse().withStatus(200)
                .withHeader("Content-Type", "application/json").withBody("{}").withFixedDelay((int) delay.toMillis())));
    }

    List<LoggedRequest> chatRequests() {
        return server.findAll(postRequestedFor(chatUrl()));
    }

    List<JsonNode> chatBodies() {
        return chatRequests().stream().map(r -> read(r.getBodyAsString())).toList();
    }

    @Override
    public void close() {
        server.stop();
    }

    /** The words the model says before the limit, and whether the limit cut it short. */
    record Count(List<String> words, boolean cut) {

        static Count upTo(JsonNode limit) {
            int max = limit == null || limit.isMissingNode() || limit.isNull() ? WORDS.size() : Math.min(limit.asInt(), WORDS.size());
            return new Count(WORDS.subList(0, max), max < WORDS.size());
        }

        String text() {
            return String.join(" ", words);
        }

        /** The text in pieces, each after the first with its leading space, as tokenizers cut. */
        List<String> pieces() {
            List<String> out = new ArrayList<>();
            for (int i = 0; i < words.size(); i++) {
                out.add(i == 0 ? words.get(i) : " " + words.get(i));
            }
            return out;
        }

        int tokens() {
            return words.size();
        }
    }

    /** Words in every message text of a request, whatever the vendor calls the fields: a token count. */
    static int promptTokens(JsonNode body) {
        int[] count = {0};
        walk(body, null, count);
        return count[0];
    }

    private static void walk(JsonNode node, String field, int[] count) {
        if (node.isTextual() && TEXT_FIELDS.contains(field)) {
            count[0] += node.asText().isBlank() ? 0 : node.asText().strip().split("\\s+").length;
        } else if (node.isObject()) {
            node.fields().forEachRemaining(e -> walk(e.getValue(), e.getKey(), count));
        } else if (node.isArray()) {
            node.forEach(child -> walk(child, field, count));
        }
    }

    static ResponseDefinitionBuilder json(int status, Object body) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json").withBody(write(body));
    }

    /** Server-sent events, each {@code [name, data]} or just {@code [data]}. */
    static ResponseDefinitionBuilder sse(List<List<?>> events) {
        StringBuilder out = new StringBuilder();
        for (List<?> event : events) {
            if (event.size() == 2) {
                out.append("event: ").append(event.get(0)).append('\n');
            }
            Object data = event.get(event.size() - 1);
            out.append("data: ").append(data instanceof String s ? s : write(data)).append("\n\n");
        }
        return aResponse().withStatus(200).withHeader("Content-Type", "text/event-stream").withBody(out.toString());
    }

    static String write(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    static JsonNode read(String body) {
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A JSON object from alternating names and values, in order, nulls kept: {@code obj("a", 1, "b", null)}. */
    static Map<String, Object> obj(Object... namesAndValues) {
        Map<String, Object> out = new LinkedHashMap<>();
        for (int i = 0; i < namesAndValues.length; i += 2) {
            out.put((String) namesAndValues[i], namesAndValues[i + 1]);
        }
        return out;
    }

    private final class Counting implements ResponseDefinitionTransformerV2 {

        @Override
        public ResponseDefinition transform(ServeEvent event) {
            LoggedRequest request = event.getRequest();
            return answer(request, read(request.getBodyAsString())).build();
        }

        @Override
        public String getName() {
            return COUNTING;
        }

        @Override
        public boolean applyGlobally() {
            return false;
        }
    }
}
