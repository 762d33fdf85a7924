package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * Retry, backoff, timeout, concurrency and the reply's figures, with time and randomness
 * injected. The model here is a scripted stand-in for a remote server; the wire-level
 * behaviour of each real provider is tested against fake servers in the provider tests.
 */
class ResilientModelTest {

    final ExecutorService executor = Executors.newCachedThreadPool();
    final List<Duration> sleeps = new ArrayList<>();
    final AtomicLong clock = new AtomicLong();

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    /** Answers from a script: each entry is a reply or an exception to throw, in order. */
    static final class Scripted implements ChatProvider {
        final Deque<Object> script = new ArrayDeque<>();
        final AtomicInteger calls = new AtomicInteger();
        Runnable during = () -> { };

        Scripted then(Object step) {
            script.add(step);
            return this;
        }

        @Override
        public ProviderReply chat(ModelRequest request, TokenSink sink) {
            calls.incrementAndGet();
            during.run();
            Object step = script.isEmpty() ? new ProviderReply("ok", "stop", new Usage(1, 1)) : script.poll();
            if (step instanceof RuntimeException e) {
                throw e;
            }
            ProviderReply reply = (ProviderReply) step;
            if (sink != null) {
                for (String word : reply.text().split("(?<= )")) {
                    sink.accept(word);
                }
            }
            return reply;
        }

        @Override
        public Readiness check() {
            return Readiness.ready("scripted");
        }

        @Override
        public String identity() {
            return "scripted-model";
        }
    }

    ModelProfile profile(int maxRetries, int concurrency, Duration timeout) {
        return new ModelProfile("remote", "openai", "gpt-test", "http://127.0.0.1:1/v1", "${OPENAI_API_KEY}", Map.of(), concurrency,
                timeout, maxRetries, new Pricing(2.0, 8.0), null, null, null, null, "models/remote.yaml");
    }

    ResilientModel model(ModelProfile profile, ChatProvider provider, RandomGenerator random) {
        return new ResilientModel(profile, provider, () -> clock.addAndGet(5_000_000), sleeps::add, random, executor);
    }

    static ModelException status(int code, Duration retryAfter) {
        return new ModelException("openai answered " + code, code == 429 || code >= 500, code, retryAfter, null);
    }

    @Test
    void should_report_text_usage_latency_cost_and_identity() {
        Scripted provider = new Scripted().then(new ProviderReply("one two", "stop", new Usage(1_000, 500)));
        ModelReply reply = model(profile(3, 4, Duration.ofSeconds(5)), provider, RandomGenerator.of("L64X128MixRandom")).call(
                ChatProviderContract.countingRequest(GenerationParams.NONE), null);
        assertThat(reply.text()).isEqualTo("one two");
        assertThat(reply.usage()).isEqualTo(new Usage(1_000, 500));
        assertThat(reply.cost()).isEqualTo((1_000 * 2.0 + 500 * 8.0) / 1_000_000);
        assertThat(reply.latencyMs()).isEqualTo(5);
        assertThat(reply.firstTokenMs()).isNull();
        assertThat(reply.modelIdentity()).isEqualTo("scripted-model");
        assertThat(reply.attempts()).isEqualTo(1);
    }

    @Test
    void should_measure_time_to_first_token_when_streaming() {
        Scripted provider = new Scripted().then(new ProviderReply("one two three", "stop", new Usage(3, 3)));
        List<String> pieces = new ArrayList<>();
        ModelReply reply = model(profile(0, 1, Duration.ofSeconds(5)), provider, RandomGenerator.getDefault())
                .call(ChatProviderContract.countingRequest(GenerationParams.NONE), pieces::add);
        assertThat(pieces).containsExactly("one ", "two ", "three");
        assertThat(reply.firstTokenMs()).isEqualTo(5);
        assertThat(reply.latencyMs()).isGreaterThan(reply.firstTokenMs());
    }

    @Test
    void should_wait_as_long_as_retry_after_says_then_succeed() {
        Scripted provider = new Scripted().then(status(429, Duration.ofSeconds(2))).then(new ProviderReply("ok", "stop", Usage.NONE));
        ModelReply reply = model(profile(3, 1, Duration.ofSeconds(5)), provider, RandomGenerator.getDefault())
                .call(ChatProviderContract.countingRequest(GenerationParams.NONE), null);
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void should_keep_retries_within_a_tenth_of_the_calls_when_a_server_keeps_failing() {
        Scripted provider = new Scripted();
        provider.during = () -> {
            throw status(500, null);
        };
        ResilientModel model = model(profile(3, 4, Duration.ofSeconds(5)), provider, RandomGenerator.getDefault());
        List<String> errors = new ArrayList<>();
        for (int i = 0; i < 200; i++) {
            try {
                model.call(ChatProviderContract.countingRequest(GenerationParams.NONE), null);
            } catch (ModelException e) {
                errors.add(e.getMessage());
            }
        }
        assertThat(errors).hasSize(200);
        // 200 calls, 10 retries to start with and one more per 10 calls
        assertThat(provider.calls.get()).isEqualTo(200 + 10 + 20);
        assertThat(errors.get(0)).isEqualTo("openai answered 500 (after 4 attempts)");
        assertThat(errors.get(199)).isEqualTo("openai answered 500 (not retried: retries to remote already add 10% to its calls)");
    }

    @Test
    void should_not_save_up_retries_over_a_long_healthy_life() {
        Scripted provider = new Scripted();
        ResilientModel model = model(profile(3, 4, Duration.ofSeconds(5)), provider, RandomGenerator.getDefault());
        for (int i = 0; i < 1000; i++) {
            model.call(ChatProviderContract.countingRequest(GenerationParams.NONE), null);
        }
        provider.during = () -> {
            throw status(500, null);
        };
        int before = provider.calls.get();
        for (int i = 0; i < 50; i++) {
            try {
                model.call(ChatProviderContract.countingRequest(GenerationParams.NONE), null);
            } catch (ModelException expected) {
                // every call fails; what counts is how many retries the outage got
            }
        }
        // 1,000 healthy calls saved at most 20 retries, and the 50 failing calls add 5
        assertThat(provider.calls.get() - before).isEqualTo(50 + 20 + 5);
    }

    @Test
    void should_back_off_exponentially_with_full_jitter() {
        Scripted provider = new Scripted().then(status(500, null)).then(status(502, null)).then(status(503, null))
                .then(new ProviderReply("ok", "stop", Usage.NONE));
        // a generator that always picks the top of the range shows the caps: 500 ms, 1 s, 2 s
        RandomGenerator top = new RandomGenerator() {
            @Override
            public long nextLong() {
                return 0;
            }

            @Override
            public long nextLong(long bound) {
                return bound - 1;
            }
        };
        model(profile(3, 1, Duration.ofSeconds(5)), provider, top).call(ChatProviderContract.countingRequest(GenerationParams.NONE), null);
        assertThat(sleeps).containsExactly(Duration.ofMillis(500), Duration.ofMillis(1000), Duration.ofMillis(2000));
        assertThat(provider.calls).hasValue(4);
    }

    @Test
    void should_give_up_after_max_retries_with_the_last_error() {
        Scripted provider = new Scripted().then(status(500, null)).then(status(500, null)).then(status(500, null));
        assertThatThrownBy(() -> model(profile(2, 1, Duration.ofSeconds(5)), provider, RandomGenerator.getDefault())
                .call(ChatProviderContract.countingRequest(GenerationParams.NONE), null))
                .isInstanceOf(ModelException.class).hasMessage("openai answered 500 (after 3 attempts)");
        assertThat(provider.calls).hasValue(3);
    }

    @Test
    void should_not_retry_when_max_retries_is_zero_or_the_error_is_final() {
        Scripted flaky = new Scripted().then(status(503, null));
        assertThatThrownBy(() -> model(profile(0, 1, Duration.ofSeconds(5)), flaky, RandomGenerator.getDefault())
                .call(ChatProviderContract.countingRequest(GenerationParams.NONE), null)).hasMessage("openai answered 503");
        assertThat(flaky.calls).hasValue(1);
        Scripted unauthorized = new Scripted().then(status(401, null));
        assertThatThrownBy(() -> model(profile(5, 1, Duration.ofSeconds(5)), unauthorized, RandomGenerator.getDefault())
                .call(ChatProviderContract.countingRequest(GenerationParams.NONE), null)).hasMessage("openai answered 401");
        assertThat(unauthorized.calls).hasValue(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void should_time_out_a_hung_call_and_retry_it() {
        CountDownLatch never = new CountDownLatch(1);
        Scripted provider = new Scripted();
        provider.during = () -> {
            if (provider.calls.get() == 1) {
                try {
                    never.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            }
        };
        ModelReply reply = model(profile(1, 1, Duration.ofMillis(200)), provider, RandomGenerator.getDefault())
                .call(ChatProviderContract.countingRequest(GenerationParams.NONE), null);
        assertThat(reply.attempts()).isEqualTo(2);
        Scripted hangsAlways = new Scripted();
        hangsAlways.during = () -> {
            try {
                never.await();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        };
        assertThatThrownBy(() -> model(profile(0, 1, Duration.ofMillis(200)), hangsAlways, RandomGenerator.getDefault())
                .call(ChatProviderContract.countingRequest(GenerationParams.NONE), null))
                .hasMessage("openai did not answer within 200 ms (profile 'remote'); raise 'timeout' in models/remote.yaml if the model needs longer");
    }

    @Test
    void should_not_retry_once_text_has_been_streamed() {
        ChatProvider halfway = new ChatProvider() {
            final AtomicInteger calls = new AtomicInteger();

            @Override
            public ProviderReply chat(ModelRequest request, TokenSink sink) {
                calls.incrementAndGet();
                sink.accept("one ");
                throw status(500, null);
            }

            @Override
            public Readiness check() {
                return Readiness.ready("x");
            }

            @Override
            public String identity() {
                return "x";
            }
        };
        List<String> pieces = new ArrayList<>();
        assertThatThrownBy(() -> model(profile(3, 1, Duration.ofSeconds(5)), halfway, RandomGenerator.getDefault())
                .call(ChatProviderContract.countingRequest(GenerationParams.NONE), pieces::add)).isInstanceOf(ModelException.class);
        assertThat(pieces).containsExactly("one ");
    }

    @Test
    void should_hold_concurrency_to_the_profile_limit() throws Exception {
        AtomicInteger inFlight = new AtomicInteger();
        AtomicInteger peak = new AtomicInteger();
        Scripted provider = new Scripted();
        provider.during = () -> {
            peak.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
            try {
                Thread.sleep(20);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
            inFlight.decrementAndGet();
        };
        ResilientModel model = model(profile(0, 2, Duration.ofSeconds(10)), provider, RandomGenerator.getDefault());
        ExecutorService callers = Executors.newFixedThreadPool(8);
        List<Future<ModelReply>> calls = new ArrayList<>();
        for (int i = 0; i < 16; i++) {
            calls.add(callers.submit(() -> model.call(ChatProviderContract.countingRequest(GenerationParams.NONE), null)));
        }
        for (Future<ModelReply> f : calls) {
            f.get(30, TimeUnit.SECONDS);
        }
        callers.shutdown();
        assertThat(provider.calls).hasValue(16);
        assertThat(peak.get()).isEqualTo(2);
    }
}
