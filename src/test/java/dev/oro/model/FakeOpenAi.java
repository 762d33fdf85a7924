package dev.oro.model;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * OpenAI's chat completions API as documented (platform.openai.com/docs/api-reference/chat):
 * a {@code chat.completion} object, or with {@code "stream": true} {@code chat.completion.chunk}
 * events ending in {@code data: [DONE]}, with a usage chunk when
 * {@code stream_options.include_usage} asks for one.
 */
public class FakeOpenAi extends FakeServer {

    public static final String MODEL = "gpt-fake";
    /** What the server says answered: a dated snapshot of the requested alias, as OpenAI does. */
    static final String SNAPSHOT = "gpt-fake-2025-01-01";

    /** When set, what the model says instead of counting. */
    private volatile String script;

    /** From now on the model answers {@code text} (cut at spaces into streamed pieces) instead of counting. */
    public void say(String text) {
        script = text;
    }

    /** A profile's YAML for this server's model, without retries, for tests outside this package. */
    public String profile() {
        return "provider: openai\nmodel: " + MODEL + "\nbaseUrl: " + url() + "\nmaxRetries: 0\n";
    }

    private volatile String fixed;

    /** Every chat request from now on gets {@code content} as the whole answer (streamed or not), e.g. drafted test cases. */
    public void answerAlways(String content) {
        fixed = content;
    }

    @Override
    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    @Override
    UrlPattern chatUrl() {
        return urlPathEqualTo("/v1/chat/completions");
    }

    @Override
    void stubListing() {
        server.stubFor(get(urlPathEqualTo("/v1/models")).willReturn(json(200, obj("object", "list", "data",
                List.of(obj("id", MODEL, "object", "model", "created", 1_700_000_000, "owned_by", "oro-tests"))))));
    }

    @Override
    ResponseDefinitionBuilder answer(LoggedRequest request, JsonNode body) {
        String model = body.path("model").asText();
        if (!MODEL.equals(model)) {
            return json(404, errorBody("The model `" + model + "` does not exist or you do not have access to it.",
                    "invalid_request_error", "model_not_found"));
        }
        if (fixed != null) {
            return fixed(fixed, body);
        }
        JsonNode limit = body.has("max_completion_tokens") ? body.get("max_completion_tokens") : body.get("max_tokens");
        Count count = script != null ? new Count(List.of(script.split(" ")), false) : Count.upTo(limit);
        String finish = count.cut() ? "length" : "stop";
        Map<String, Object> usage = usage(promptTokens(body), count.tokens());
        if (!body.path("stream").asBoolean(false)) {
            return completion(count.text(), finish, usage);
        }
        List<List<?>> events = new ArrayList<>();
        for (String piece : count.pieces()) {
            events.add(List.of(chunk(List.of(obj("index", 0, "delta", obj("content", piece), "finish_reason", null)))));
        }
        events.add(List.of(chunk(List.of(obj("index", 0, "delta", obj(), "finish_reason", finish)))));
        if (body.path("stream_options").path("include_usage").asBoolean(false)) {
            Map<String, Object> last = chunk(List.of());
            last.put("usage", usage);
            events.add(List.of(last));
        }
        events.add(List.of("[DONE]"));
        return sse(events);
    }

    private ResponseDefinitionBuilder fixed(String content, JsonNode body) {
        Map<String, Object> usage = usage(promptTokens(body), content.split("\\s+").length);
        if (!body.path("stream").asBoolean(false)) {
            return completion(content, "stop", usage);
        }
        Map<String, Object> last = chunk(List.of());
        last.put("usage", usage);
        return sse(List.of(List.of(chunk(List.of(obj("index", 0, "delta", obj("content", content), "finish_reason", null)))),
                List.of(chunk(List.of(obj("index", 0, "delta", obj(), "finish_reason", "stop")))), List.of(last), List.of("[DONE]")));
    }

    @Override
    ResponseDefinitionBuilder error(int status, String message) {
        String type = switch (status) {
            case 401 -> "invalid_request_error";
            case 429 -> "requests";
            default -> status >= 500 ? "server_error" : "invalid_request_error";
        };
        return json(status, errorBody(message, type, status == 401 ? "invalid_api_key" : null));
    }

    /** A whole {@code chat.completion} answer. */
    static ResponseDefinitionBuilder completion(String content, String finish, Map<String, Object> usage) {
        return json(200, obj("id", "chatcmpl-fake", "object", "chat.completion", "created", 1_700_000_000, "model", SNAPSHOT,
                "choices", List.of(obj("index", 0, "message", obj("role", "assistant", "content", content),
                        "logprobs", null, "finish_reason", finish)),
                "usage", usage));
    }

    private static Map<String, Object> chunk(List<?> choices) {
        return obj("id", "chatcmpl-fake", "object", "chat.completion.chunk", "created", 1_700_000_000, "model", SNAPSHOT,
                "choices", choices);
    }

    static Map<String, Object> usage(int prompt, int completion) {
        return obj("prompt_tokens", prompt, "completion_tokens", completion, "total_tokens", prompt + completion);
    }

    private static Map<String, Object> errorBody(String message, String type, String code) {
        return obj("error", obj("message", message, "type", type, "param", null, "code", code));
    }
}
