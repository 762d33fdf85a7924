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
 * Anthropic's Messages API as documented (docs.anthropic.com/en/api/messages and
 * /messages-streaming): a {@code message} object, or the events message_start,
 * content_block_start, content_block_delta..., content_block_stop, message_delta (stop reason,
 * output tokens) and message_stop. Like the real API it refuses a request without max_tokens.
 */
final class FakeAnthropic extends FakeServer {

    static final String MODEL = "claude-fake";
    /** What the server says answered: the dated version behind the alias. */
    static final String VERSION = "claude-fake-20250101";

    @Override
    String baseUrl() {
        return server.baseUrl() + "/v1";
    }

    @Override
    UrlPattern chatUrl() {
        return urlPathEqualTo("/v1/messages");
    }

    @Override
    void stubListing() {
        server.stubFor(get(urlPathEqualTo("/v1/models/" + MODEL)).willReturn(json(200,
                obj("type", "model", "id", MODEL, "display_name", "Claude Fake", "created_at", "2025-01-01T00:00:00Z"))));
    }

    @Override
    ResponseDefinitionBuilder answer(LoggedRequest request, JsonNode body) {
        String model = body.path("model").asText();
        if (!MODEL.equals(model)) {
            return error(404, "model: " + model);
        }
        if (!body.has("max_tokens")) {
            return error(400, "max_tokens: Field required");
        }
        Count count = Count.upTo(body.get("max_tokens"));
        String stopReason = count.cut() ? "max_tokens" : "end_turn";
        int input = promptTokens(body);
        if (!body.path("stream").asBoolean(false)) {
            return json(200, message(model, List.of(obj("type", "text", "text", count.text())), stopReason,
                    obj("input_tokens", input, "output_tokens", count.tokens())));
        }
        List<List<?>> events = new ArrayList<>();
        events.add(List.of("message_start", obj("type", "message_start",
                "message", message(model, List.of(), null, obj("input_tokens", input, "output_tokens", 1)))));
        events.add(List.of("content_block_start", obj("type", "content_block_start", "index", 0,
                "content_block", obj("type", "text", "text", ""))));
        events.add(List.of("ping", obj("type", "ping")));
        for (String piece : count.pieces()) {
            events.add(List.of("content_block_delta", obj("type", "content_block_delta", "index", 0,
                    "delta", obj("type", "text_delta", "text", piece))));
        }
        events.add(List.of("content_block_stop", obj("type", "content_block_stop", "index", 0)));
        events.add(List.of("message_delta", obj("type", "message_delta", "delta", obj("stop_reason", stopReason, "stop_sequence", null),
                "usage", obj("output_tokens", count.tokens()))));
        events.add(List.of("message_stop", obj("type", "message_stop")));
        return sse(events);
    }

    @Override
    ResponseDefinitionBuilder error(int status, String message) {
        String type = switch (status) {
            case 400 -> "invalid_request_error";
            case 401 -> "authentication_error";
            case 403 -> "permission_error";
            case 404 -> "not_found_error";
            case 429 -> "rate_limit_error";
            case 529 -> "overloaded_error";
            default -> "api_error";
        };
        return json(status, obj("type", "error", "error", obj("type", type, "message", message)));
    }

    private static Map<String, Object> message(String model, List<?> content, String stopReason, Map<String, Object> usage) {
        return obj("id", "msg_fake", "type", "message", "role", "assistant", "model", VERSION, "content", content,
                "stop_reason", stopReason, "stop_sequence", null, "usage", usage);
    }
}
