package dev.oro.model;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;

import com.fasterxml.jackson.databind.JsonNode;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.matching.UrlPattern;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Google's Gemini API as documented (ai.google.dev/api/generate-content):
 * {@code models/{model}:generateContent} answers a GenerateContentResponse;
 * {@code :streamGenerateContent?alt=sse} sends one per piece as server-sent events, the last
 * with its finishReason. usageMetadata counts the tokens.
 */
final class FakeGemini extends FakeServer {

    static final String MODEL = "gemini-fake";
    static final String VERSION = "gemini-fake-001";
    private static final Pattern CHAT = Pattern.compile("/v1beta/models/([^/:]+):(generateContent|streamGenerateContent)");

    @Override
    String baseUrl() {
        return server.baseUrl() + "/v1beta";
    }

    @Override
    UrlPattern chatUrl() {
        return urlPathMatching(CHAT.pattern());
    }

    @Override
    void stubListing() {
        server.stubFor(get(urlPathEqualTo("/v1beta/models/" + MODEL)).willReturn(json(200, obj("name", "models/" + MODEL,
                "version", "001", "displayName", "Gemini Fake", "inputTokenLimit", 8192, "outputTokenLimit", 1024,
                "supportedGenerationMethods", List.of("generateContent", "countTokens")))));
    }

    @Override
    ResponseDefinitionBuilder answer(LoggedRequest request, JsonNode body) {
        Matcher path = CHAT.matcher(request.getUrl().replaceFirst("\\?.*", ""));
        path.matches();
        String model = path.group(1);
        if (!MODEL.equals(model)) {
            return error(404, "models/" + model + " is not found for API version v1beta, or is not supported for generateContent.");
        }
        Count count = Count.upTo(body.path("generationConfig").get("maxOutputTokens"));
        String finish = count.cut() ? "MAX_TOKENS" : "STOP";
        int prompt = promptTokens(body);
        boolean streaming = path.group(2).startsWith("stream") && "sse".equals(request.queryParameter("alt").firstValue());
        if (!streaming) {
            return json(200, response(count.text(), finish, prompt, count.tokens()));
        }
        List<List<?>> events = new ArrayList<>();
        List<String> pieces = count.pieces();
        for (int i = 0; i < pieces.size(); i++) {
            boolean last = i == pieces.size() - 1;
            events.add(List.of(response(pieces.get(i), last ? finish : null, prompt, i + 1)));
        }
        return sse(events);
    }

    @Override
    ResponseDefinitionBuilder error(int status, String message) {
        String state = switch (status) {
            case 400 -> "INVALID_ARGUMENT";
            case 401 -> "UNAUTHENTICATED";
            case 403 -> "PERMISSION_DENIED";
            case 404 -> "NOT_FOUND";
            case 429 -> "RESOURCE_EXHAUSTED";
            case 503 -> "UNAVAILABLE";
            default -> "INTERNAL";
        };
        return json(status, obj("error", obj("code", status, "message", message, "status", state)));
    }

    private static Map<String, Object> response(String text, String finishReason, int prompt, int candidates) {
        Map<String, Object> candidate = obj("content", obj("parts", List.of(obj("text", text)), "role", "model"), "index", 0);
        if (finishReason != null) {
            candidate.put("finishReason", finishReason);
        }
        return obj("candidates", List.of(candidate),
                "usageMetadata", obj("promptTokenCount", prompt, "candidatesTokenCount", candidates, "totalTokenCount", prompt + candidates),
                "modelVersion", VERSION);
    }
}
