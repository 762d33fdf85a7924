package dev.oro.model;

import com.fasterxml.jackson.databind.JsonNode;
import dev.langchain4j.model.chat.ChatModel;
import dev.langchain4j.model.chat.StreamingChatModel;
import dev.langchain4j.model.ollama.OllamaChatModel;
import dev.langchain4j.model.ollama.OllamaChatRequestParameters;
import dev.langchain4j.model.ollama.OllamaStreamingChatModel;
import java.net.URI;
import java.util.Optional;
import java.util.function.Function;
import java.util.function.UnaryOperator;

/**
 * A model served by Ollama (/api/chat, NDJSON when streaming). The server is the profile's
 * {@code baseUrl}, else {@code OLLAMA_HOST} as the ollama CLI reads it, else localhost.
 * Ollama options (num_ctx, num_gpu, keep_alive, ...) come from the params Oro does not
 * interpret. A key, if the profile names one, goes as a bearer token for proxies that want it.
 */
public final class OllamaProvider implements ChatProvider {

    static final String DEFAULT_BASE_URL = "http://localhost:11434";
    static final int DEFAULT_PORT = 11434;

    private final LangChainBridge bridge;
    private volatile String digest;

    public OllamaProvider(ModelProfile profile, Secrets secrets) {
        this(profile, secrets, System::getenv);
    }

    /** With the environment injected, so tests can set OLLAMA_HOST. */
    public OllamaProvider(ModelProfile profile, Secrets secrets, Function<String, String> env) {
        this.bridge = new LangChainBridge(profile, secrets, fromHost(env.apply("OLLAMA_HOST")));
    }

    /**
     * OLLAMA_HOST as the ollama CLI reads it: {@code 0.0.0.0:11434}, {@code myhost} or a full URL;
     * without a scheme it is http, and without a port, 11434.
     */
    static String fromHost(String host) {
        if (host == null || host.isBlank()) {
            return DEFAULT_BASE_URL;
        }
        String url = host.strip();
        try {
            if (!url.contains("://")) {
                url = "http://" + url;
                if (URI.create(url).getPort() < 0) {
                    url = LangChainBridge.baseUrl(url, null) + ":" + DEFAULT_PORT;
                }
            }
            return URI.create(url).toString();
        } catch (IllegalArgumentException e) {
            throw ModelException.fatal("OLLAMA_HOST='" + host + "' is neither host[:port] nor a URL; unset it or fix it");
        }
    }

    String baseUrl() {
        return bridge.profile().baseUrl();
    }

    @Override
    public ProviderReply chat(ModelRequest request, TokenSink sink) {
        GenerationParams params = request.params();
        UnaryOperator<String> options = OllamaOptions.from(params.extra());
        return bridge.call(request, LangChainBridge.parameters(OllamaChatRequestParameters.builder().seed(params.seed()), params), sink,
                () -> plain(options), () -> streaming(options));
    }

    private ChatModel plain(UnaryOperator<String> options) {
        ModelProfile p = bridge.profile();
        return OllamaChatModel.builder().httpClientBuilder(new OroHttpClientBuilder().editingBodies(options)).maxRetries(0)
                .baseUrl(p.baseUrl()).customHeaders(Listing.bearer(bridge.key())).modelName(p.model()).timeout(p.timeout()).build();
    }

    private StreamingChatModel streaming(UnaryOperator<String> options) {
        ModelProfile p = bridge.profile();
        return OllamaStreamingChatModel.builder().httpClientBuilder(new OroHttpClientBuilder().editingBodies(options))
                .baseUrl(p.baseUrl()).customHeaders(Listing.bearer(bridge.key())).modelName(p.model()).timeout(p.timeout()).build();
    }

    /** Pulled? /api/tags lists what this server has; the model's absence gets the command that fixes it. */
    @Override
    public Readiness check() {
        ModelProfile p = bridge.profile();
        return Listing.check(p, () -> pulled().map(m -> Readiness.ready("ollama at " + p.baseUrl() + " has '" + p.model()
                + "' (digest " + m.path("digest").asText() + ")"))
                .orElseGet(() -> Readiness.notReady(ModelErrors.notPulled(p.model(), p.baseUrl(), null).getMessage())));
    }

    /** The digest of the model's weights, which changes when a tag is re-pulled; the name if Ollama won't say. */
    @Override
    public String identity() {
        if (digest == null) {
            try {
                pulled().map(m -> m.path("digest").asText(null)).ifPresent(d -> digest = d);
            } catch (RuntimeException e) {
                return bridge.profile().model(); // not cached: the next call may reach the server
            }
        }
        return digest != null ? digest : bridge.profile().model();
    }

    /** The model's entry in /api/tags; "llama3.2" is listed as "llama3.2:latest". */
    private Optional<JsonNode> pulled() {
        ModelProfile p = bridge.profile();
        JsonNode tags = Listing.get(p, p.baseUrl() + "/api/tags", Listing.bearer(bridge.key()));
        for (JsonNode m : tags.path("models")) {
            String name = m.path("name").asText();
            if (name.equals(p.model()) || name.equals(p.model() + ":latest")) {
                return Optional.of(m);
            }
        }
        return Optional.empty();
    }
}
