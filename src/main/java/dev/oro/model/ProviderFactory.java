package dev.oro.model;

/** Creates the provider a profile names: one small class per provider kind. */
public final class ProviderFactory {

    private final Secrets secrets;

    public ProviderFactory(Secrets secrets) {
        this.secrets = secrets;
    }

    public ChatProvider create(ModelProfile profile) {
        return switch (profile.provider()) {
            case Providers.OPENAI -> new OpenAiProvider(profile, secrets);
            case Providers.OLLAMA -> new OllamaProvider(profile, secrets);
            case Providers.ANTHROPIC -> new AnthropicProvider(profile, secrets);
            case Providers.GEMINI -> new GeminiProvider(profile, secrets);
            default -> throw ModelException.fatal("provider '" + profile.provider() + "' of profile '" + profile.name()
                    + "' is not available");
        };
    }
}
