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
 * RATE_429 (with Retry-After: 1), RATE_500, RATE_HANG (never answers), RATE_MALFORMED.
 * GET /count answers the number of chat requests received; POST /count/reset zeroes it.
 */
public class FakeOpenAiServer {

    static final AtomicLong REQUESTS = new AtomicLong();

    public static void main(String[] args) throws IOException {
        int port = Integer.parseInt(args.length > 0 ? args[0] : "8089");
        long latency = Long.parseLong(env("LATENCY_MS", "100"));
        double r429 = Double.parseDouble(env("RATE_429", "0"));
        double r500 = Double.parseDouble(env("RATE_500", "0"));
        double hang = Double.parseDouble(env("RATE_HANG", "0"));
        double malformed = Double.parseDouble(env("RATE_MALFORMED", "0"));
        Random random = new Random(Long.parseLong(env("SEED", "42")));
        HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", port), 1024);
        server.setExecutor(Executors.newFixedThreadPool(Integer.parseInt(env("THREADS", "64"))));
        server.createContext("/count", ex -> {
            if (ex.getRequestMethod().equals("POST")) {
                REQUESTS.set(0);
            }
            send(ex, 200, String.valueOf(REQUESTS.get()), "text/plain");
        });
        server.createContext("/v1/models", ex -> send(ex, 200, "{\"object\":\"list\",\"data\":[{\"id\":\"fake\",\"object\":\"model\"}]}",
                "application/json"));
        server.createContext("/v1/chat/completions", ex -> {
            ex.getRequestBody().readAllBytes();
            REQUESTS.incrementAndGet();
            double dice;
            synchronized (random) {
                dice = random.nextDouble();
            }
            sleep(latency);
            if (dice < r429) {
                ex.getResponseHeaders().add("Retry-After", "1");
                send(ex, 429, "{\"error\":{\"message\":\"rate limited\",\"type\":\"rate_limit_error\"}}", "application/json");
            } else if (dice < r429 + r500) {
                send(ex, 500, "{\"error\":{\"message\":\"boom\",\"type\":\"server_error\"}}", "application/json");
            } else if (dice < r429 + r500 + hang) {
                sleep(3_600_000);
            } else if (dice < r429 + r500 + hang + malformed) {
                send(ex, 200, "{\"id\": \"chatcmpl-x\", \"choices\": [", "application/json");
            } else {
                send(ex, 200, "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"created\":1700000000,\"model\":\"fake\","
                        + "\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\",\"content\":\"one two three\"},"
                        + "\"finish_reason\":\"stop\"}],\"usage\":{\"prompt_tokens\":20,\"completion_tokens\":3,\"total_tokens\":23}}",
                        "application/json");
            }
        });
        server.start();
        System.out.println("fake OpenAI on http://127.0.0.1:" + port + "/v1 latency " + latency + " ms");
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

    static String env(String name, String fallback) {
        String v = System.getenv(name);
        return v == null || v.isBlank() ? fallback : v;
    }
}
