package dev.oro.model;

import static dev.oro.model.ChatProviderContract.COUNTING;
import static dev.oro.model.ChatProviderContract.countingRequest;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Failures as a user meets them: each real provider behind {@link ResilientModel}, against a
 * fake that fails the way servers do. Sleeping only records, so waits are asserted, not waited.
 */
class ProviderErrorsTest {

    @AutoClose
    static final FakeOpenAi OPENAI = new FakeOpenAi();
    @AutoClose
    static final FakeOllama OLLAMA = new FakeOllama();
    @AutoClose
    static final FakeAnthropic ANTHROPIC = new FakeAnthropic();
    @AutoClose
    static final FakeGemini GEMINI = new FakeGemini();

    private final List<Duration> sleeps = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();

    @BeforeEach
    void reset() {
        Stream.of(OPENAI, OLLAMA, ANTHROPIC, GEMINI).forEach(FakeServer::reset);
    }

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openai", "ollama", "anthropic", "gemini"})
    void should_wait_as_long_as_a_rate_limited_server_asks_then_retry(String vendor) {
        fake(vendor).rateLimitOnce(2);

        ModelReply reply = model(profile(vendor)).call(countingRequest(GenerationParams.NONE), null);

        assertThat(reply.text()).isEqualTo(COUNTING);
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
        assertThat(fake(vendor).chatRequests()).hasSize(2);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"openai", "ollama", "anthropic", "gemini"})
    void should_retry_a_stream_refused_before_its_first_piece(String vendor) {
        fake(vendor).rateLimitOnce(2);
        List<String> pieces = new ArrayList<>();

        ModelReply reply = model(profile(vendor)).call(countingRequest(GenerationParams.NONE), pieces::add);

        assertThat(String.join("", pieces)).isEqualTo(COUNTING);
        assertThat(reply.attempts()).isEqualTo(2);
        assertThat(sleeps).containsExactly(Duration.ofSeconds(2));
    }

    @Test
    void should_retry_server_errors_with_growing_jittered_waits_until_one_succeeds() {
        OPENAI.failWithServerErrors(2);

        ModelReply reply = model(profile("openai", "maxRetries: 3")).call(countingRequest(GenerationParams.NONE), null);

        assertThat(reply.attempts()).isEqualTo(3);
        assertThat(OPENAI.chatRequests()).hasSize(3);
        assertThat(sleeps).hasSize(2);
        assertThat(sleeps.get(0)).isBetween(Duration.ZERO, ResilientModel.BASE_DELAY);
        assertThat(sleeps.get(1)).isBetween(Duration.ZERO, ResilientModel.BASE_DELAY.multipliedBy(2));
    }

    @Test
    void should_make_exactly_one_request_when_max_retries_is_zero() {
        OPENAI.failWithServerErrors(1);

        ModelException e = failure(profile("openai", "maxRetries: 0"));

        assertThat(e.retriable()).isTrue();
        assertThat(e.status()).isEqualTo(500);
        assertThat(e.getMessage()).startsWith("openai answered 500: server error")
                .contains("The server had an error while processing your request");
        assertThat(OPENAI.chatRequests()).hasSize(1);
        assertThat(sleeps).isEmpty();
    }

    @Test
    void should_not_retry_a_rejected_key_and_name_the_variable_to_check() {
        OPENAI.rejectKeys();

        ModelException e = failure(profile("openai", "maxRetries: 3"));

        assertThat(e.getMessage()).isEqualTo("openai answered 401: check OPENAI_API_KEY (profile 'x')");
        assertThat(e.retriable()).isFalse();
        assertThat(OPENAI.chatRequests()).hasSize(1);
        assertThat(OPENAI.chatRequests().get(0).getHeader("Authorization")).isEqualTo("Bearer sk-test-openai");
    }

    @Test
    void should_say_how_to_pull_a_model_ollama_does_not_have() {
        ModelProfile missing = TestProfiles.ollama("x", "qwen-missing", OLLAMA.baseUrl(), "maxRetries: 3");
        String expected = "model 'qwen-missing' is not pulled on " + OLLAMA.baseUrl() + ": run `ollama pull qwen-missing`";

        ModelException e = failure(missing);

        assertThat(e.getMessage()).isEqualTo(expected);
        assertThat(e.retriable()).isFalse();
        assertThat(OLLAMA.chatRequests()).hasSize(1);
        Readiness readiness = new OllamaProvider(missing, TestProfiles.KEYS).check();
        assertThat(readiness.ready()).isFalse();
        assertThat(readiness.detail()).isEqualTo(expected);
    }

    @Test
    void should_give_up_on_a_hung_server_at_the_profile_timeout_and_retry() {
        OPENAI.hang(Duration.ofSeconds(3));

        ModelException e = failure(profile("openai", "timeout: 300ms", "maxRetries: 1"));

        assertThat(e.retriable()).isTrue();
        assertThat(e.getMessage()).startsWith("openai did not answer within 300 ms (profile 'x'); raise 'timeout' in models/x.yaml")
                .endsWith("(after 2 attempts)");
        assertThat(sleeps).hasSize(1);
    }

    @Test
    void should_retry_an_answer_it_cannot_read_and_say_what_to_check() {
        OPENAI.answerMalformed();

        ModelException e = failure(profile("openai", "maxRetries: 1"));

        assertThat(e.retriable()).isTrue();
        assertThat(e.getMessage()).startsWith("openai at " + OPENAI.baseUrl() + " sent an answer Oro could not read")
                .contains("check that baseUrl points at the right server");
        assertThat(OPENAI.chatRequests()).hasSize(2);
    }

    @Test
    void should_name_the_server_it_cannot_reach() throws IOException {
        String closed = "http://127.0.0.1:" + closedPort() + "/v1";

        ModelException e = failure(TestProfiles.openAi("x", closed, "maxRetries: 0"));

        assertThat(e.retriable()).isTrue();
        assertThat(e.getMessage()).startsWith("cannot reach openai at " + closed + ": connection refused");
    }

    private ModelException failure(ModelProfile profile) {
        return catchThrowableOfType(ModelException.class, () -> model(profile).call(countingRequest(GenerationParams.NONE), null));
    }

    private ResilientModel model(ModelProfile profile) {
        ChatProvider provider = switch (profile.provider()) {
            case Providers.OPENAI -> new OpenAiProvider(profile, TestProfiles.KEYS);
            case Providers.OLLAMA -> new OllamaProvider(profile, TestProfiles.KEYS);
            case Providers.ANTHROPIC -> new AnthropicProvider(profile, TestProfiles.KEYS);
            default -> new GeminiProvider(profile, TestProfiles.KEYS);
        };
        return new ResilientModel(profile, provider, System::nanoTime, sleeps::add, new Random(7), executor);
    }

    private static FakeServer fake(String vendor) {
        return switch (vendor) {
            case Providers.OPENAI -> OPENAI;
            case Providers.OLLAMA -> OLLAMA;
            case Providers.ANTHROPIC -> ANTHROPIC;
            default -> GEMINI;
        };
    }

    private static ModelProfile profile(String vendor, String... more) {
        return switch (vendor) {
            case Providers.OPENAI -> TestProfiles.openAi("x", OPENAI.baseUrl(), more);
            case Providers.OLLAMA -> TestProfiles.ollama("x", FakeOllama.MODEL, OLLAMA.baseUrl(), more);
            case Providers.ANTHROPIC -> TestProfiles.anthropic("x", ANTHROPIC.baseUrl(), more);
            default -> TestProfiles.gemini("x", GEMINI.baseUrl(), more);
        };
    }

    /** A port nothing listens on: bound once to find it free, then closed. */
    private static int closedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }
}
