package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.render.ChatMessage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real llama.cpp engine, against the tiny counting model {@link TinyGguf} writes. */
@org.junit.jupiter.api.Tag("native")
class LlamaCppProviderContractTest extends ChatProviderContract {

    @TempDir
    static Path dir;
    static Path gguf;
    static LlamaCppProvider provider;

    @BeforeAll
    static void load() {
        gguf = TinyGguf.write(dir.resolve("tiny.gguf"));
        provider = new LlamaCppProvider(profile("tiny", null), gguf);
    }

    @AfterAll
    static void close() {
        provider.close();
    }

    @Override
    protected ChatProvider provider() {
        return provider;
    }

    static ModelProfile profile(String name, Integer contextSize) {
        return new ModelProfile(name, Providers.LLAMA_CPP, "tiny.gguf", null, null, Map.of(), 1, Duration.ofMinutes(1), 0, null,
                "tiny.gguf", null, null, contextSize, "models/" + name + ".yaml");
    }

    private static ProviderReply ask(LlamaCppProvider p, Map<String, Object> params) {
        return p.chat(countingRequest(GenerationParams.from(params)), null);
    }

    @Test
    void should_name_the_model_by_the_sha256_of_its_file() throws Exception {
        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(gguf)));
        assertThat(provider.identity()).isEqualTo("sha256:" + expected);
    }

    @Test
    void should_name_a_downloaded_model_by_the_digest_it_was_verified_against() throws Exception {
        String digest = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(gguf)));
        ModelProfile downloaded = new ModelProfile("fetched", Providers.LLAMA_CPP, "tiny.gguf", null, null, Map.of(), 1, Duration.ofMinutes(1),
                0, null, null, "http://127.0.0.1:1/tiny.gguf", digest.toUpperCase(java.util.Locale.ROOT), null, "models/fetched.yaml");
        try (LlamaCppProvider p = new LlamaCppProvider(downloaded, gguf)) {
            assertThat(p.identity()).isEqualTo("sha256:" + digest);
        }
    }

    @Test
    void should_count_more_input_tokens_for_a_longer_prompt() {
        int counting = ask(provider, Map.of("temperature", 0)).usage().inputTokens();
        ProviderReply longer = provider.chat(new ModelRequest(List.of(new ChatMessage("system", "You count in English words, slowly."),
                new ChatMessage("user", "Count from one to ten, please.")), GenerationParams.from(Map.of("temperature", 0))), null);
        assertThat(counting).isPositive();
        assertThat(longer.usage().inputTokens()).isGreaterThan(counting);
    }

    @Test
    void should_end_the_answer_before_a_stop_string() {
        ProviderReply reply = ask(provider, Map.of("temperature", 0, "stop", List.of("four")));
        assertThat(reply.text().strip()).isEqualTo("one two three");
        assertThat(reply.finishReason()).isEqualTo("stop");
    }

    @Test
    void should_constrain_the_answer_to_a_json_object_in_json_mode() {
        // Unconstrained, the model says " one"; the grammar forces the opening brace first.
        ProviderReply reply = ask(provider, Map.of("temperature", 0, "json", true, "maxTokens", 4));
        assertThat(reply.text().strip()).startsWith("{");
    }

    @Test
    void should_let_close_wait_for_the_answer_in_progress() throws Exception {
        Path cycling = TinyGguf.write(dir.resolve("cycle-close.gguf"), TinyGguf.Ending.CYCLE);
        LlamaCppProvider p = new LlamaCppProvider(profile("closing", null), cycling);
        CountDownLatch closing = new CountDownLatch(1);
        List<String> events = Collections.synchronizedList(new ArrayList<>());
        CompletableFuture<ProviderReply> answer = CompletableFuture.supplyAsync(() -> p.chat(
                countingRequest(GenerationParams.from(Map.of("temperature", 0, "maxTokens", 200))), piece -> {
                    events.add(piece);
                    await(closing); // hold the first piece until close() has been called
                }));
        while (events.isEmpty() && !answer.isDone()) {
            Thread.onSpinWait();
        }
        closing.countDown();
        p.close(); // freeing the model under a running generation would crash the JVM
        events.add("closed");
        // A bounded wait, not a timing assertion: without the lock the engine may hang instead of answering.
        assertThat(answer.get(2, TimeUnit.MINUTES).usage().outputTokens()).isEqualTo(200);
        assertThat(events).hasSize(201).last().isEqualTo("closed");
        assertThatThrownBy(() -> ask(p, Map.of())).isInstanceOf(ModelException.class).hasMessageContaining("was closed");
    }

    private static void await(CountDownLatch latch) {
        try {
            latch.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    @Test
    void should_answer_calls_from_several_threads() {
        ExecutorService pool = Executors.newFixedThreadPool(3);
        try {
            List<CompletableFuture<ProviderReply>> calls = List.of(1, 2, 3).stream()
                    .map(i -> CompletableFuture.supplyAsync(() -> ask(provider, Map.of("temperature", 0)), pool)).toList();
            assertThat(calls).allSatisfy(call -> assertThat(call.join().text().strip()).isEqualTo(COUNTING));
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void should_say_which_file_is_missing() {
        Path missing = dir.resolve("nowhere.gguf");
        try (LlamaCppProvider p = new LlamaCppProvider(profile("gone", null), missing)) {
            assertThatThrownBy(() -> ask(p, Map.of())).isInstanceOf(ModelException.class)
                    .hasMessageContaining(missing.toString()).hasMessageContaining("does not exist").hasMessageContaining("models/gone.yaml");
            assertThat(p.check().ready()).isFalse();
            assertThat(p.check().detail()).contains(missing.toString());
        }
    }

    @Test
    void should_refuse_a_file_that_is_not_a_gguf() throws Exception {
        Path text = Files.writeString(dir.resolve("notes.gguf"), "hello, not a model");
        try (LlamaCppProvider p = new LlamaCppProvider(profile("notes", null), text)) {
            assertThatThrownBy(() -> ask(p, Map.of())).isInstanceOf(ModelException.class).hasMessageContaining("is not a GGUF model file");
        }
    }

    @Test
    void should_ask_for_a_larger_context_when_the_prompt_does_not_fit() {
        try (LlamaCppProvider p = new LlamaCppProvider(profile("small", 32), gguf)) {
            assertThatThrownBy(() -> ask(p, Map.of())).isInstanceOf(ModelException.class)
                    .hasMessageContaining("has a context of 32").hasMessageContaining("raise contextSize in models/small.yaml");
        }
    }

    @Test
    void should_end_with_length_when_the_answer_fills_the_context() {
        // The cycling model never ends by itself, so only the context stops it.
        Path cycling = TinyGguf.write(dir.resolve("cycle.gguf"), TinyGguf.Ending.CYCLE);
        try (LlamaCppProvider p = new LlamaCppProvider(profile("cycle", 160), cycling)) {
            ProviderReply reply = ask(p, Map.of("temperature", 0));
            assertThat(reply.finishReason()).isEqualTo("length");
            assertThat(reply.usage().inputTokens() + reply.usage().outputTokens()).isEqualTo(160 - 1);
            assertThat(reply.text()).startsWith(" " + COUNTING + " one two");
        }
    }
}
