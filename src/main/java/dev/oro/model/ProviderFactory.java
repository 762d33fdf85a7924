package dev.oro.model;

/** Creates the provider a profile names: one small class per provider kind. */
public final class ProviderFactory {

    private final Secrets secrets;

    public ProviderFactory(Secrets secrets) {
        this.secrets = secrets;
    }

    public ChatProvider create(ModelProfile profile) {
        throw ModelException.fatal("provider '" + profile.provider() + "' of profile '" + profile.name() + "' is not available yet");
    }
}
