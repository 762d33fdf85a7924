import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.Random;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A deterministic OpenAI-compatible chat server for benchmarks, with no dependencies:
 * `java bench/FakeOpenAiServer.java PORT`. It answers every chat completion with the same
 * text after LATENCY_MS, and injects faults at the rates given by environment variables:
 * RATE_429 (with Retry-After: 1), RATE_500, RATE_HANG (never answers), RATE_MALFORMED. A rate
 * is a percentage ("10" or "10%"); a value below 1 without "%" is read as a fraction ("0.1").
 * GET /count answers the number of chat requests received; POST /count zeroes every counter.
 * GET /stats answers JSON: requests; how many were answered ok, 429, 500, hung or malformed;
 * in_flight and max_in_flight (requests held now and at most at once); first_request_ms and
 * last_answer_ms (epoch milliseconds), which split a client's wall time into start-up, the
 * calls and the tail. Start it with -Dsun.net.httpserver.nodelay=true: without TCP_NODELAY
 * every answer waits ~40 ms for the client's delayed ACK.
 */
public class FakeOpenAiServer {

    static final AtomicLong REQUESTS = new AtomicLong();
    static final AtomicLong OK = new AtomicLong();
    static final AtomicLong R429 = new AtomicLong();
    static final AtomicLong R500 = new AtomicLong();
    static final AtomicLong HUNG = new AtomicLong();
    static final AtomicLong MALFORMED = new AtomicLong();
    static final AtomicLong IN_FLIGHT = new AtomicLong();
    static final AtomicLong MAX_IN_FLIGHT = new AtomicLong();
    static final AtomicLong FIRST_REQUEST_MS = new AtomicLong();
    static final AtomicLong LAST_ANSWER_MS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8089");
        long latency = Long.parseLong(env("LATENCY_MS", "100"));
        double r429 = rate(env("RATE_429", "0"));
        double r500 = rate(env("RATE_500", "0"));
        double hang = rate(env("RATE_HANG", "0"));
        double malformed = rate(env("RATE_MALFORMED", "0"));
        Random random = new Random(Long.parseLong(env("SEED", "42")));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(env("THREADS", "64"))));
        server.createContext("/count", ex -> {
            if (ex.getRequestMethod().equals("POST")) {
                for (AtomicLong counter : new AtomicLong[] {REQUESTS, OK, R429, R500, HUNG, MALFORMED, MAX_IN_FLIGHT, FIRST_REQUEST_MS,
                    LAST_ANSWER_MS}) {
                    counter.set(0);
                }
            }
            send(ex, 200, String.valueOf(REQUESTS.get()), "text/plain");
        });
        server.createContext("/stats", ex -> send(ex, 200, String.format(
                "{\"requests\":%d,\"ok\":%d,\"rate_limited\":%d,\"server_error\":%d,\"hung\":%d,\"malformed\":%d,"
                + "\"in_flight\":%d,\"max_in_flight\":%d,\"first_request_ms\":%d,\"last_answer_ms\":%d}",
                REQUESTS.get(), OK.get(), R429.get(), R500.get(), HUNG.get(), MALFORMED.get(), IN_FLIGHT.get(), MAX_IN_FLIGHT.get(),
                FIRST_REQUEST_MS.get(), LAST_ANSWER_MS.get()), "application/json"));
        server.createContext("/v1/models", ex -> send(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"fake\",\"object\":\"model\"}]}",
                "application/json"));
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            REQUESTS.incrementAndGet();
            FIRST_REQUEST_MS.compareAndSet(0, System.currentTimeMillis());
            MAX_IN_FLIGHT.accumulateAndGet(IN_FLIGHT.incrementAndGet(), Math::max);
            try {
                answer(ex, latency, random, r429, r500, hang, malformed);
            } finally {
                LAST_ANSWER_MS.set(System.currentTimeMillis());
                IN_FLIGHT.decrementAndGet();
            }
        });
        server.start();
        System.out.println("fake OpenAI on http://127.0.0.1:" + port + "/v1 latency " + latency + " ms");
    }

    static void answer(HttpExchange ex, long latency, Random random, double r429, double r500, double hang, double malformed)
            throws IOException {
        double dice;
        synchronized (random) {
            dice = random.nextDouble();
        }
        sleep(latency);
        if (dice < r429) {
            R429.incrementAndGet();
            ex.getResponseHeaders().add("Retry-After", "1");
            send(ex, 429, "{\"error\":{\"message\":\"rate limited\",\"type\":\"rate_limit_error\"}}", "application/json");
        } else if (dice < r429 + r500) {
            R500.incrementAndGet();
            send(ex, 500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}", "application/json");
        } else if (dice < r429 + r500 + hang) {
            HUNG.incrementAndGet();
            sleep(3_600_000);
        } else if (dice < r429 + r500 + hang + malformed) {
            MALFORMED.incrementAndGet();
            send(ex, 200, "{\"id\": \"chatcmpl-x\", \"choices\": [", "application/json");
        } else {
            OK.incrementAndGet();
            send(ex, 200, "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"fake\","
                    + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"one two three\"},"
                    + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":3,\"total_tokens\":23}}",
                    "application/json");
        }
    }

    static void send(HttpExchange ex, int status, String body, String type) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        ex.getResponseHeaders().add("Content-Type", type);
        ex.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = ex.getResponseBody()) {
            out.write(bytes);
        }
    }

    static void sleep(long ms) {
        try {
            Thread.sleep(ms);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static double rate(String value) {
        boolean percent = value.endsWith("%");
        double v = Double.parseDouble(percent ? value.substring(0, value.length() - 1) : value);
        return percent || v >= 1 ? v / 100 : v;
    }

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
