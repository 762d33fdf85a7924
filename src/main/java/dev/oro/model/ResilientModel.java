package dev.oro.model;

import java.time.Duration;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Future;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import java.util.random.RandomGenerator;

/**
 * A provider with the behaviour every profile gets: a concurrency limit, a timeout per
 * attempt, retries with exponential backoff and full jitter that honour Retry-After, and the
 * figures of a reply (latency, time to first token, cost). Clock, sleeping and randomness
 * are injected, so tests of this class run in milliseconds.
 */
public final class ResilientModel implements AutoCloseable {

    /** Waits; tests pass one that only records. */
    @FunctionalInterface
    public interface Sleeper {
        void sleep(Duration duration) throws InterruptedException;
    }

    static final Duration BASE_DELAY = Duration.ofMillis(500);
    static final Duration MAX_DELAY = Duration.ofSeconds(30);
    /** A server asking for more than this is treated as asking for this. */
    static final Duration MAX_RETRY_AFTER = Duration.ofSeconds(120);
    /**
     * The retry budget, a token bucket: it starts with {@link #MIN_RETRIES} retries and each call
     * adds a tenth of one, so a server failing many requests sees at most 10% more load, never a
     * retry storm. The bucket holds at most {@link #MAX_SAVED_RETRIES}: a server that ran for days
     * cannot have saved up thousands of retries for its first outage.
     */
    static final double RETRY_RATIO = 0.1;
    static final int MIN_RETRIES = 10;
    static final int MAX_SAVED_RETRIES = 2 * MIN_RETRIES;
    /** The bucket counts tenths of a retry, so that adding a tenth per call is exact. */
    private static final int TENTHS = 10;

    private final ModelProfile profile;
    private final ChatProvider provider;
    private final LongSupplier nanoTime;
    private final Sleeper sleeper;
    private final RandomGenerator random;
    private final ExecutorService executor;
    private final Semaphore permits;
    private long retryTenths = MIN_RETRIES * TENTHS;

    public ResilientModel(ModelProfile profile, ChatProvider provider, LongSupplier nanoTime, Sleeper sleeper,
            RandomGenerator random, ExecutorService executor) {
        this.profile = profile;
        this.provider = provider;
        this.nanoTime = nanoTime;
        this.sleeper = sleeper;
        this.random = random;
        this.executor = executor;
        this.permits = new Semaphore(Math.max(1, profile.concurrency()), true);
    }

    public ModelProfile profile() {
        return profile;
    }

    public ChatProvider provider() {
        return provider;
    }

    /**
     * Calls the model, retrying what is worth retrying. A streamed call is retried only while
     * nothing has been streamed yet, so a listener never sees text twice.
     */
    public ModelReply call(ModelRequest request, TokenSink sink) {
        synchronized (this) {
            retryTenths = Math.min(MAX_SAVED_RETRIES * TENTHS, retryTenths + Math.round(RETRY_RATIO * TENTHS));
        }
        int attempt = 0;
        while (true) {
            attempt++;
            AtomicBoolean streamed = new AtomicBoolean(false);
            try {
                return attempt(request, sink, streamed, attempt);
            } catch (ModelException e) {
                boolean retry = e.retriable() && attempt <= profile.maxRetries() && !streamed.get();
                if (!retry || !withinBudget()) {
                    String why = attempt > 1 ? " (after " + attempt + " attempts)" : "";
                    if (retry) {
                        why += " (not retried: retries to " + profile.name() + " already add " + Math.round(RETRY_RATIO * 100)
                                + "% to its calls)";
                    }
                    throw why.isEmpty() ? e : new ModelException(e.getMessage() + why, e.retriable(), e.status(), e.retryAfter(), e);
                }
                sleep(delayBefore(attempt, e));
            }
        }
    }

    /** Takes one retry from the budget, if it has one left. */
    private synchronized boolean withinBudget() {
        // Any part of a retry left allows one (the balance may dip below zero by less than one).
        if (retryTenths <= 0) {
            return false;
        }
        retryTenths -= TENTHS;
        return true;
    }

    /** Full jitter, as in AWS's backoff study: a random wait up to an exponentially growing cap. */
    Duration delayBefore(int attempt, ModelException e) {
        if (e.retryAfter() != null) {
            return e.retryAfter().compareTo(MAX_RETRY_AFTER) > 0 ? MAX_RETRY_AFTER : e.retryAfter();
        }
        long cap = Math.min(MAX_DELAY.toMillis(), BASE_DELAY.toMillis() << Math.min(attempt - 1, 20));
        return Duration.ofMillis(random.nextLong(cap + 1));
    }

    private ModelReply attempt(ModelRequest request, TokenSink sink, AtomicBoolean streamed, int attempt) {
        acquire();
        try {
            long start = nanoTime.getAsLong();
            AtomicLong firstToken = new AtomicLong(-1);
            TokenSink timed = sink == null ? null : token -> {
                if (firstToken.get() < 0) {
                    firstToken.set(nanoTime.getAsLong());
                }
                streamed.set(true);
                sink.accept(token);
            };
            ProviderReply reply = withTimeout(() -> provider.chat(request, timed));
            long end = nanoTime.getAsLong();
            Long ttft = firstToken.get() < 0 ? null : (firstToken.get() - start) / 1_000_000;
            return new ModelReply(profile.name(), reply.text(), reply.finishReason(), reply.usage(), (end - start) / 1_000_000, ttft,
                    profile.pricing().cost(reply.usage()), provider.identity(), attempt);
        } finally {
            permits.release();
        }
    }

    private ProviderReply withTimeout(java.util.concurrent.Callable<ProviderReply> call) {
        Future<ProviderReply> future = executor.submit(call);
        try {
            return future.get(profile.timeout().toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            future.cancel(true);
            throw ModelErrors.timeout(profile, e);
        } catch (ExecutionException e) {
            throw ModelErrors.classify(e.getCause(), profile);
        } catch (InterruptedException e) {
            future.cancel(true);
            Thread.currentThread().interrupt();
            throw ModelException.fatal("interrupted while waiting for " + profile.name());
        }
    }

    private void acquire() {
        try {
            permits.acquire();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ModelException.fatal("interrupted while waiting for a free slot of " + profile.name());
        }
    }

    private void sleep(Duration d) {
        try {
            sleeper.sleep(d);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ModelException.fatal("interrupted while waiting to retry " + profile.name());
        }
    }

    @Override
    public void close() {
        provider.close();
    }
}
