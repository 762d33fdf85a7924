package dev.oro.model;

import dev.langchain4j.model.anthropic.AnthropicChatModel;
import dev.langchain4j.model.anthropic.AnthropicStreamingChatModel;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.chat.request.DefaultChatRequestParameters;
import java.util.Map;

/**
 * Anthropic's Messages API. LangChain4j moves system messages to the request's {@code system}
 * field. Anthropic has no seed, and no JSON mode without a schema: a request for one fails
 * with a message that says so rather than quietly answering in prose.
 */
public final class AnthropicProvider implements ChatProvider {

    static final String DEFAULT_BASE_URL = "https://api.anthropic.com/v1";
    /** The Messages API requires max_tokens; this is what a call that does not say gets. */
    static final int DEFAULT_MAX_TOKENS = 1024;
    static final String API_VERSION = "2023-06-01";

    private final LangChainBridge bridge;

    public AnthropicProvider(ModelProfile profile, Secrets secrets) {
        this.bridge = new LangChainBridge(profile, secrets, DEFAULT_BASE_URL);
    }

    @Override
    public ProviderReply chat(ModelRequest request, TokenSink sink) {
        return bridge.call(request, LangChainBridge.parameters(DefaultChatRequestParameters.builder().maxOutputTokens(DEFAULT_MAX_TOKENS),
                request.params()), sink, this::plain, this::streaming);
    }

    private ChatModel plain() {
        ModelProfile p = bridge.profile();
        return AnthropicChatModel.builder().httpClientBuilder(new OroHttpClientBuilder()).maxRetries(0).version(API_VERSION)
                .baseUrl(p.baseUrl()).apiKey(bridge.key()).modelName(p.model()).timeout(p.timeout()).build();
    }

    private StreamingChatModel streaming() {
        ModelProfile p = bridge.profile();
        return AnthropicStreamingChatModel.builder().httpClientBuilder(new OroHttpClientBuilder()).version(API_VERSION)
                .baseUrl(p.baseUrl()).apiKey(bridge.key()).modelName(p.model()).timeout(p.timeout()).build();
    }

    /** GET /models/{model}: Anthropic resolves aliases there, where the full list would be paged. */
    @Override
    public Readiness check() {
        return Listing.modelFound(bridge.profile(), () -> {
            String key = bridge.key();
            return key == null ? Map.of("anthropic-version", API_VERSION) : Map.of("x-api-key", key, "anthropic-version", API_VERSION);
        });
    }

    /** The model Anthropic says answered (an alias resolves to a dated version), else the profile's. */
    @Override
    public String identity() {
        return bridge.reportedModel();
    }
}
