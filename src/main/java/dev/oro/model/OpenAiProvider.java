package dev.oro.model;

import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.openai.OpenAiChatModel;
import dev.langchain4j.model.openai.OpenAiChatRequestParameters;
import dev.langchain4j.model.openai.OpenAiStreamingChatModel;

/**
 * OpenAI's chat completions API, and every server that copies it (llama-server, vLLM,
 * LM Studio): point {@code baseUrl} at it. LangChain4j asks a stream for its usage
 * ({@code stream_options.include_usage}), so streamed calls are counted too.
 */
public final class OpenAiProvider implements ChatProvider {

    static final String DEFAULT_BASE_URL = "https://api.openai.com/v1";

    private final LangChainBridge bridge;

    public OpenAiProvider(ModelProfile profile, Secrets secrets) {
        this.bridge = new LangChainBridge(profile, secrets, DEFAULT_BASE_URL);
    }

    @Override
    public ProviderReply chat(ModelRequest request, TokenSink sink) {
        GenerationParams params = request.params();
        return bridge.call(request, LangChainBridge.parameters(OpenAiChatRequestParameters.builder().seed(params.seed()), params), sink,
                this::plain, this::streaming);
    }

    // Built once: a model holds no per-call state (parameters travel with each request), and
    // building one per call showed up as the largest cost of an eval run against a fast server.
    private volatile ChatModel plain;
    private volatile StreamingChatModel streaming;

    private ChatModel plain() {
        if (plain == null) {
            plain = buildPlain();
        }
        return plain;
    }

    private StreamingChatModel streaming() {
        if (streaming == null) {
            streaming = buildStreaming();
        }
        return streaming;
    }

    private ChatModel buildPlain() {
        ModelProfile p = bridge.profile();
        return OpenAiChatModel.builder().httpClientBuilder(new OroHttpClientBuilder()).maxRetries(0)
                .baseUrl(p.baseUrl()).apiKey(bridge.key()).modelName(p.model()).timeout(p.timeout()).build();
    }

    private StreamingChatModel buildStreaming() {
        ModelProfile p = bridge.profile();
        return OpenAiStreamingChatModel.builder().httpClientBuilder(new OroHttpClientBuilder())
                .baseUrl(p.baseUrl()).apiKey(bridge.key()).modelName(p.model()).timeout(p.timeout()).build();
    }

    /** GET /models with the key: proves the URL, the key and the model in one request. */
    @Override
    public Readiness check() {
        ModelProfile p = bridge.profile();
        return Listing.check(p, () -> Listing.served(p, Listing.names(
                Listing.get(p, p.baseUrl() + "/models", Listing.bearer(bridge.key())), "data", "id")));
    }

    /** The model name the server put in its last answer (often a dated version), else the profile's. */
    @Override
    public String identity() {
        return bridge.reportedModel();
    }
}
