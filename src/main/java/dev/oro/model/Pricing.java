package dev.oro.model;

/** USD per one million input and output tokens, from the profile. */
public record Pricing(double inputPerMillion, double outputPerMillion) {

    public static final Pricing FREE = new Pricing(0, 0);

    public Pricing {
        if (inputPerMillion < 0 || outputPerMillion < 0) {
            throw new IllegalArgumentException("prices cannot be negative");
        }
    }

    public double cost(Usage usage) {
        return (usage.inputTokens() * inputPerMillion + usage.outputTokens() * outputPerMillion) / 1_000_000d;
    }
}
