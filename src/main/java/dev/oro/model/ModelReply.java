package dev.oro.model;

/**
 * One answer with the figures Oro reports for it: latency in total and to the first token
 * (null when the call did not stream), cost from the profile's pricing, and the identity
 * of the model that answered (Ollama digest, GGUF sha256, or the API's model name).
 */
public record ModelReply(String profile, String text, String finishReason, Usage usage, long latencyMs,
        Long firstTokenMs, double cost, String modelIdentity, int attempts) {
}
