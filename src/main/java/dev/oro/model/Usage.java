package dev.oro.model;

/** Tokens a call consumed, as the provider counted them. */
public record Usage(int inputTokens, int outputTokens) {

    public static final Usage NONE = new Usage(0, 0);

    public int total() {
        return inputTokens + outputTokens;
    }
}
