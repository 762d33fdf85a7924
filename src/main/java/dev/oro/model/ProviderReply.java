package dev.oro.model;

/**
 * What a provider returns for one call. {@code finishReason} is normalized to
 * stop, length, content_filter, tool_calls or other.
 */
public record ProviderReply(String text, String finishReason, Usage usage) {

    public ProviderReply {
        text = text == null ? "" : text;
        finishReason = finishReason == null ? "other" : finishReason;
        usage = usage == null ? Usage.NONE : usage;
    }
}
