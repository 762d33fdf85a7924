package dev.oro.model;

/** Creates the provider a profile names: one small class per provider kind. */
public final class ProviderFactory {

    private final Secrets secrets;
    private final ModelFiles files;

    public ProviderFactory(Secrets secrets, ModelFiles files) {
        this.secrets = secrets;
        this.files = files;
    }

    public ChatProvider create(ModelProfile profile) {
        return switch (profile.provider()) {
            case Providers.LLAMA_CPP -> new LlamaCppProvider(profile, files.resolve(profile));
            case Providers.OPENAI -> new OpenAiProvider(profile, secrets);
            case Providers.OLLAMA -> new OllamaProvider(profile, secrets);
            case Providers.ANTHROPIC -> new AnthropicProvider(profile, secrets);
            case Providers.GEMINI -> new GeminiProvider(profile, secrets);
            default -> throw ModelException.fatal("provider '" + profile.provider() + "' of profile '" + profile.name()
                    + "' is not available");
        };
    }

    /**
     * What can be said without creating the provider, or null. Checking a profile must never
     * start a 400 MB download, so a model not fetched yet is reported as such.
     */
    public Readiness precheck(ModelProfile profile) {
        if (Providers.LLAMA_CPP.equals(profile.provider()) && profile.url() != null && !files.isLocal(profile)) {
            return Readiness.notReady("not downloaded yet; the first run fetches " + profile.url());
        }
        return null;
    }
}
