package dev.oro.model;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static dev.oro.model.ChatProviderContract.countingRequest;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;
import java.util.logging.SimpleFormatter;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.AutoClose;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * An API key goes to the server and nowhere else: not into an error, a reply, a readiness
 * detail or a log line, even when the server echoes it back in an error body.
 */
class SecretsLeakTest {

    static final String SENTINEL = "sk-sentinel-1234567890";

    @AutoClose
    static final FakeOpenAi FAKE = new FakeOpenAi();

    private final List<String> seen = new CopyOnWriteArrayList<>();
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final Logger root = Logger.getLogger("");
    private final Logger langchain = Logger.getLogger("dev.langchain4j");
    private final Handler capture = new Handler() {
        private final SimpleFormatter format = new SimpleFormatter();

        @Override
        public void publish(LogRecord record) {
            seen.add(format.format(record));
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };

    @BeforeEach
    void listen() {
        FAKE.reset();
        capture.setLevel(Level.ALL);
        langchain.setLevel(Level.ALL);
        root.addHandler(capture);
    }

    @AfterEach
    void stop() {
        root.removeHandler(capture);
        langchain.setLevel(null);
        executor.shutdownNow();
    }

    @Test
    void should_send_the_key_to_the_server_and_show_it_nowhere_else() {
        ResilientModel model = model();
        record(model.call(countingRequest(GenerationParams.NONE), null));
        record(model.call(countingRequest(GenerationParams.NONE), seen::add));
        record(model.provider().check());

        FAKE.rejectKeys();
        callsFail(model);
        FAKE.reset();
        FAKE.failNext(4, FAKE.error(500, "upstream said: Authorization Bearer " + SENTINEL + " is unknown"));
        callsFail(model);
        FAKE.reset();
        FAKE.answerMalformed();
        callsFail(model);
        FAKE.server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(FAKE.error(401, "key " + SENTINEL + " revoked")));
        record(model.provider().check());
        Logger.getLogger("dev.oro.model").warning("canary: the capture hears dev.oro");

        List<LoggedRequest> requests = FAKE.chatRequests();
        assertThat(requests).isNotEmpty().allSatisfy(r -> assertThat(r.getHeader("Authorization")).isEqualTo("Bearer " + SENTINEL));
        assertThat(seen).anySatisfy(line -> assertThat(line).contains("canary"));
        assertThat(seen).hasSizeGreaterThan(8).noneSatisfy(line -> assertThat(line).contains(SENTINEL));
    }

    /** A failing call, plain then streamed: its message, its causes and its stack trace are recorded. */
    private void callsFail(ResilientModel model) {
        for (TokenSink sink : new TokenSink[] {null, seen::add}) {
            try {
                model.call(countingRequest(GenerationParams.NONE), sink);
                throw new AssertionError("the call should have failed");
            } catch (ModelException e) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                seen.add(trace.toString());
                for (Throwable t = e; t != null; t = t.getCause()) {
                    seen.add(String.valueOf(t.getMessage()));
                    seen.add(t.toString());
                }
            }
        }
    }

    private void record(Object value) {
        seen.add(String.valueOf(value));
    }

    private ResilientModel model() {
        ModelProfile profile = TestProfiles.openAi("leak", FAKE.baseUrl(), "maxRetries: 0");
        ChatProvider provider = new OpenAiProvider(profile, Secrets.of(Map.of("OPENAI_API_KEY", SENTINEL)));
        return new ResilientModel(profile, provider, System::nanoTime, d -> { }, new Random(1), executor);
    }
}
