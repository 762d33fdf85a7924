package dev.oro.model;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonParseException;
import dev.langchain4j.exception.InvalidRequestException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import java.net.ConnectException;
import java.time.Duration;
import org.junit.jupiter.api.Test;

class ModelErrorsTest {

    private static final ModelProfile OPENAI = TestProfiles.of("x", "provider: openai", "model: gpt-fake", "baseUrl: http://box/v1",
            "apiKey: ${OPENAI_API_KEY}", "timeout: 1500ms");
    private static final ModelProfile GEMINI = TestProfiles.of("g", "provider: gemini", "model: gemini-fake", "apiKey: ${GEMINI_API_KEY}");
    private static final ModelProfile OLLAMA = TestProfiles.of("o", "provider: ollama", "model: qwen", "baseUrl: http://box:11434");

    @Test
    void should_take_a_body_that_is_not_json_for_an_unreadable_answer_not_a_connection_failure() {
        Exception error = new RuntimeException(new JsonParseException(null, "Unexpected character ('<')"));

        ModelException e = ModelErrors.classify(error, OPENAI);

        assertThat(e.retriable()).isTrue();
        assertThat(e.getMessage()).isEqualTo("openai at http://box/v1 sent an answer Oro could not read (Unexpected character ('<'));"
                + " check that baseUrl points at the right server");
    }

    @Test
    void should_not_retry_what_the_provider_cannot_do() {
        ModelException e = ModelErrors.classify(new UnsupportedFeatureException("Schemaless JSON response format is not supported"), OPENAI);

        assertThat(e.retriable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("openai cannot do what profile 'x' asks: Schemaless JSON response format is not supported");
    }

    @Test
    void should_read_geminis_invalid_key_answer_as_a_key_problem() {
        HttpFailure failure = new HttpFailure(400, "{\"error\":{\"code\":400,\"message\":\"API key not valid.\",\"status\":"
                + "\"INVALID_ARGUMENT\",\"details\":[{\"reason\":\"API_KEY_INVALID\"}]}}", null, "https://g/v1beta/models/x");

        ModelException e = ModelErrors.classify(new InvalidRequestException(failure), GEMINI);

        assertThat(e.getMessage()).isEqualTo("gemini answered 400: check GEMINI_API_KEY (profile 'g')");
        assertThat(e.retriable()).isFalse();
    }

    @Test
    void should_suggest_a_pull_only_when_ollama_says_the_model_is_missing() {
        HttpFailure missing = new HttpFailure(404, "{\"error\":\"model 'qwen' not found\"}", null, "http://box:11434/api/chat");
        HttpFailure wrongPath = new HttpFailure(404, "404 page not found", null, "http://box:11434/v1/api/chat");

        assertThat(ModelErrors.classify(missing, OLLAMA).getMessage())
                .isEqualTo("model 'qwen' is not pulled on http://box:11434: run `ollama pull qwen`");
        assertThat(ModelErrors.classify(wrongPath, OLLAMA).getMessage())
                .isEqualTo("ollama answered 404 for http://box:11434/v1/api/chat: model 'qwen' not found (404 page not found);"
                        + " check 'model' and 'baseUrl'");
    }

    @Test
    void should_keep_the_wait_a_server_asked_for() {
        ModelException e = ModelErrors.classify(new HttpFailure(429, "slow down", Duration.ofSeconds(7), "http://box/v1/chat"), OPENAI);

        assertThat(e.retriable()).isTrue();
        assertThat(e.retryAfter()).isEqualTo(Duration.ofSeconds(7));
        assertThat(e.getMessage()).isEqualTo("openai answered 429 (rate limited); it asked to retry after 7 s");
    }

    @Test
    void should_not_retry_a_429_that_says_the_quota_is_used_up() {
        HttpFailure failure = new HttpFailure(429, "{\"error\":{\"message\":\"You exceeded your current quota\",\"type\":"
                + "\"insufficient_quota\",\"code\":\"insufficient_quota\"}}", Duration.ofSeconds(1), "http://box/v1/chat");

        ModelException e = ModelErrors.classify(failure, OPENAI);

        assertThat(e.retriable()).isFalse();
        assertThat(e.getMessage()).isEqualTo("openai answered 429: the account's quota is used up; check its plan and billing");
    }

    @Test
    void should_say_a_refused_connection_is_refused_and_a_timeout_where_to_raise_it() {
        assertThat(ModelErrors.classify(new RuntimeException(new ConnectException()), OPENAI).getMessage())
                .isEqualTo("cannot reach openai at http://box/v1: connection refused; is the server running?");
        assertThat(ModelErrors.timeout(OPENAI, null).getMessage())
                .isEqualTo("openai did not answer within 1500 ms (profile 'x'); raise 'timeout' in models/x.yaml if the model needs longer");
    }
}
