package dev.oro.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import dev.langchain4j.model.googleai.GoogleAiGeminiChatModel;
import dev.langchain4j.model.googleai.GoogleAiGeminiStreamingChatModel;
import java.util.Map;

/**
 * Google's Gemini API (generateContent, and streamGenerateContent over SSE when streaming).
 * LangChain4j takes Gemini's seed only on the model's builder, not per request, so the
 * models are built for each call with that call's seed.
 */
public final class GeminiProvider implements ChatProvider {

    static final String DEFAULT_BASE_URL = "https://generativelanguage.googleapis.com/v1beta";

    private final LangChainBridge bridge;

    public GeminiProvider(ModelProfile profile, Secrets secrets) {
        this.bridge = new LangChainBridge(profile, secrets, DEFAULT_BASE_URL);
    }

    @Override
    public ProviderReply chat(ModelRequest request, TokenSink sink) {
        Integer seed = request.params().seed();
        return bridge.call(request, LangChainBridge.parameters(DefaultChatRequestParameters.builder(), request.params()), sink,
                () -> plain(seed), () -> streaming(seed));
    }

    private ChatModel plain(Integer seed) {
        ModelProfile p = bridge.profile();
        return GoogleAiGeminiChatModel.builder().httpClientBuilder(new OroHttpClientBuilder()).maxRetries(0).seed(seed)
                .baseUrl(p.baseUrl()).apiKey(bridge.key()).modelName(p.model()).timeout(p.timeout()).build();
    }

    private StreamingChatModel streaming(Integer seed) {
        ModelProfile p = bridge.profile();
        return GoogleAiGeminiStreamingChatModel.builder().httpClientBuilder(new OroHttpClientBuilder()).seed(seed)
                .baseUrl(p.baseUrl()).apiKey(bridge.key()).modelName(p.model()).timeout(p.timeout()).build();
    }

    /** GET /models/{model}: one request for one model, where the full list would be paged. */
    @Override
    public Readiness check() {
        return Listing.modelFound(bridge.profile(), () -> {
            String key = bridge.key();
            return key == null ? Map.of() : Map.of("x-goog-api-key", key);
        });
    }

    /** The model version Gemini reports in its answer, else the profile's model. */
    @Override
    public String identity() {
        return bridge.reportedModel();
    }
}
