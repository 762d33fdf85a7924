package dev.oro.model;

import java.time.Duration;
import java.util.Map;

/**
 * One model endpoint, read from {@code models/NAME.yaml}. {@code apiKey} is only ever a
 * reference such as {@code ${OPENAI_API_KEY}}; {@link Secrets} resolves it when a call is made.
 * For {@code llama-cpp}, {@code path} names a GGUF file, or {@code url} and {@code sha256}
 * name one to download.
 *
 * @param file where the profile came from, for error messages
 */
public record ModelProfile(String name, String provider, String model, String baseUrl, String apiKey,
        Map<String, Object> params, int concurrency, Duration timeout, int maxRetries, Pricing pricing,
        String path, String url, String sha256, Integer contextSize, String file) {

    public ModelProfile {
        params = params == null ? Map.of() : Map.copyOf(params);
        pricing = pricing == null ? Pricing.FREE : pricing;
    }

    /** Local engines run one request at a time by default; remote APIs take a few. */
    static int defaultConcurrency(String provider) {
        return Providers.isLocal(provider) ? 1 : 4;
    }

    /** A small model on a laptop CPU can take minutes; an API that hangs that long is broken. */
    static Duration defaultTimeout(String provider) {
        return Providers.isLocal(provider) ? Duration.ofMinutes(10) : Duration.ofSeconds(120);
    }

    /** The environment variable the API key comes from, for messages such as "check OPENAI_API_KEY". */
    public String apiKeyVariable() {
        return Secrets.variableOf(apiKey);
    }

    /** This profile with the base URL a provider resolved (a default, OLLAMA_HOST), so messages name it. */
    public ModelProfile withBaseUrl(String resolved) {
        return new ModelProfile(name, provider, model, resolved, apiKey, params, concurrency, timeout, maxRetries, pricing, path, url,
                sha256, contextSize, file);
    }

    /** This profile with another concurrency limit, as {@code oro eval --concurrency} asks. */
    public ModelProfile withConcurrency(int limit) {
        return new ModelProfile(name, provider, model, baseUrl, apiKey, params, limit, timeout, maxRetries, pricing, path, url,
                sha256, contextSize, file);
    }

    public GenerationParams defaults() {
        return GenerationParams.from(params);
    }
}
