package dev.oro.model;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Ollama's API as documented (github.com/ollama/ollama, docs/api.md): /api/chat streams
 * newline-delimited JSON unless {@code "stream": false}, the last line {@code "done": true}
 * with the counts; /api/tags lists the pulled models with their digests.
 */
final class FakeOllama extends FakeServer {

    static final String MODEL = "llama-fake";
    static final String DIGEST = "4f1c2ba6c3d0e0f3b7a1d9e8c5b2a7f60e9d8c7b6a5f4e3d2c1b0a9f8e7d6c5b";
    private static final String CREATED = "2025-01-01T00:00:00Z";

    @Override
    String baseUrl() {
        return server.baseUrl();
    }

    @Override
    UrlPattern chatUrl() {
        return urlPathEqualTo("/api/chat");
    }

    @Override
    void stubListing() {
        server.stubFor(get(urlPathEqualTo("/api/tags")).willReturn(json(200, obj("models", List.of(obj(
                "name", MODEL + ":latest", "model", MODEL + ":latest", "modified_at", CREATED, "size", 1_234_567, "digest", DIGEST,
                "details", obj("format", "gguf", "family", "llama", "parameter_size", "1B", "quantization_level", "Q4_0")))))));
    }

    @Override
    ResponseDefinitionBuilder answer(LoggedRequest request, JsonNode body) {
        String model = body.path("model").asText();
        if (!model.equals(MODEL) && !model.equals(MODEL + ":latest")) {
            return error(404, "model '" + model + "' not found");
        }
        Count count = Count.upTo(body.path("options").get("num_predict"));
        Map<String, Object> last = obj("model", model, "created_at", CREATED, "message", obj("role", "assistant", "content", ""),
                "done", true, "done_reason", count.cut() ? "length" : "stop", "total_duration", 1_000_000, "load_duration", 1_000,
                "prompt_eval_count", promptTokens(body), "prompt_eval_duration", 1_000, "eval_count", count.tokens(), "eval_duration", 1_000);
        // Ollama streams unless told not to.
        if (!body.path("stream").asBoolean(true)) {
            last.put("message", obj("role", "assistant", "content", count.text()));
            return json(200, last);
        }
        List<Object> lines = new ArrayList<>();
        for (String piece : count.pieces()) {
            lines.add(obj("model", model, "created_at", CREATED, "message", obj("role", "assistant", "content", piece), "done", false));
        }
        lines.add(last);
        return aResponse().withStatus(200).withHeader("Content-Type", "application/x-ndjson")
                .withBody(lines.stream().map(FakeServer::write).collect(Collectors.joining("\n", "", "\n")));
    }

    @Override
    ResponseDefinitionBuilder error(int status, String message) {
        return json(status, obj("error", message));
    }
}
