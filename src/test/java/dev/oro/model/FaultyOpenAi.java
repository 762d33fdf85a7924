package dev.oro.model;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.io.OutputStream;
import java.io.UncheckedIOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Collections;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * An OpenAI-compatible chat server on loopback that fails on a seeded schedule: of every 100
 * requests, in a shuffled order fixed by the seed, 10 get a 429 with {@code Retry-After}, 5 a
 * 500, 2 never get an answer and 1 gets a 200 whose body is cut off. The others are answered
 * with the counting model's text. It counts every request and every fault it served.
 */
public final class FaultyOpenAi implements AutoCloseable {

    public enum Fault { NONE, RATE_LIMITED, SERVER_ERROR, HUNG, MALFORMED }

    static {
        // The JDK server otherwise answers ~40 ms late (Nagle against delayed ACK); real servers set it.
        System.setProperty("sun.net.httpserver.nodelay", "true");
    }

    private final HttpServer server;
    private final ExecutorService handlers = Executors.newCachedThreadPool(r -> {
        Thread t = new Thread(r, "faulty-openai");
        t.setDaemon(true);
        return t;
    });
    private final List<Fault> schedule;
    private final AtomicInteger requests = new AtomicInteger();
    private final Map<Fault, AtomicInteger> served = new EnumMap<>(Fault.class);
    private final CountDownLatch closing = new CountDownLatch(1);

    public FaultyOpenAi(long seed) {
        schedule = schedule(seed);
        for (Fault f : Fault.values()) {
            served.put(f, new AtomicInteger());
        }
        try {
            server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 256);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        server.setExecutor(handlers);
        server.createContext("/v1/chat/completions", this::chat);
        server.start();
    }

    /** 100 slots with the rates, shuffled by the seed; request k gets slot k mod 100. */
    static List<Fault> schedule(long seed) {
        List<Fault> slots = new ArrayList<>();
        slots.addAll(Collections.nCopies(10, Fault.RATE_LIMITED));
        slots.addAll(Collections.nCopies(5, Fault.SERVER_ERROR));
        slots.addAll(Collections.nCopies(2, Fault.HUNG));
        slots.addAll(Collections.nCopies(1, Fault.MALFORMED));
        slots.addAll(Collections.nCopies(100 - slots.size(), Fault.NONE));
        Collections.shuffle(slots, new Random(seed));
        return List.copyOf(slots);
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/v1";
    }

    /** A profile for this server: the model, its URL and the test's settings, e.g. {@code timeout: 1s}. */
    public String profile(String settings) {
        return "provider: openai\nmodel: " + FakeOpenAi.MODEL + "\nbaseUrl: " + url() + "\n" + settings;
    }

    public int requests() {
        return requests.get();
    }

    public int served(Fault fault) {
        return served.get(fault).get();
    }

    private void chat(HttpExchange exchange) throws IOException {
        try (exchange) {
            exchange.getRequestBody().readAllBytes();
            Fault fault = schedule.get(Math.floorMod(requests.getAndIncrement(), schedule.size()));
            served.get(fault).incrementAndGet();
            switch (fault) {
                case RATE_LIMITED -> {
                    exchange.getResponseHeaders().add("Retry-After", "1");
                    send(exchange, 429, "{\"error\":{\"message\":\"Rate limit reached\",\"type\":\"requests\"}}");
                }
                case SERVER_ERROR -> send(exchange, 500, "{\"error\":{\"message\":\"The server had an error\",\"type\":\"server_error\"}}");
                case HUNG -> hang();
                case MALFORMED -> send(exchange, 200, "{\"id\": \"chatcmpl-x\", \"choices\": [{\"index\": 0, \"mess");
                case NONE -> send(exchange, 200, "{\"id\":\"chatcmpl-fake\",\"object\":\"chat.completion\",\"created\":1700000000,"
                        + "\"model\":\"" + FakeOpenAi.SNAPSHOT + "\",\"choices\":[{\"index\":0,\"message\":{\"role\":\"assistant\","
                        + "\"content\":\"" + ChatProviderContract.COUNTING + "\"},\"finish_reason\":\"stop\"}],"
                        + "\"usage\":{\"prompt_tokens\":12,\"completion_tokens\":10,\"total_tokens\":22}}");
            }
        }
    }

    /** Holds the request open without a byte of answer until the server closes. */
    private void hang() {
        try {
            closing.await(5, TimeUnit.MINUTES);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void send(HttpExchange exchange, int status, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "application/json");
        exchange.sendResponseHeaders(status, bytes.length);
        try (OutputStream out = exchange.getResponseBody()) {
            out.write(bytes);
        }
    }

    @Override
    public void close() {
        closing.countDown();
        server.stop(0);
        handlers.shutdownNow();
    }
}
