package dev.oro.model;

import dev.oro.OroException;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.function.Function;
import java.util.random.RandomGenerator;

/**
 * The profiles of {@code models/} and their live models. A provider is created on first use
 * and kept (an in-process model stays loaded between calls); an edited profile gets a fresh
 * one; {@link #close()} releases them all at shutdown.
 */
public final class ModelRegistry implements AutoCloseable {

    private final Path dir;
    private final Function<ModelProfile, ChatProvider> factory;
    private final Function<ModelProfile, Readiness> precheck;
    private final ExecutorService executor;
    private final Map<String, ResilientModel> live = new ConcurrentHashMap<>();

    /**
     * @param precheck says what it can about a profile without creating its provider, or null
     */
    public ModelRegistry(Path dir, Function<ModelProfile, ChatProvider> factory, Function<ModelProfile, Readiness> precheck,
            ExecutorService executor) {
        this.dir = dir;
        this.factory = factory;
        this.precheck = precheck;
        this.executor = executor;
    }

    /** Profiles are small files, read afresh so that edits apply without a restart. */
    public Map<String, ModelProfile> profiles() {
        return ProfileLoader.loadAll(dir);
    }

    public ModelProfile profile(String name) {
        return ProfileLoader.load(dir, name).orElseThrow(() -> OroException.notFound("profile-not-found", "no model profile named '"
                + name + "' in " + dir + " (profiles: " + String.join(", ", ProfileLoader.names(dir)) + ")"));
    }

    public ResilientModel model(String name) {
        ModelProfile profile = profile(name);
        return live.compute(name, (key, current) -> {
            if (current != null && current.profile().equals(profile)) {
                return current;
            }
            if (current != null) {
                current.close();
            }
            return new ResilientModel(profile, factory.apply(profile), System::nanoTime, d -> Thread.sleep(d.toMillis()),
                    RandomGenerator.getDefault(), executor);
        });
    }

    /** Whether a profile can answer now; never throws. */
    public Readiness readiness(String name) {
        try {
            Readiness known = precheck.apply(profile(name));
            return known != null ? known : model(name).provider().check();
        } catch (RuntimeException e) {
            String message = e instanceof OroException o ? o.detail() : e.getMessage();
            return Readiness.notReady(Secrets.redact(message));
        }
    }

    @Override
    public void close() {
        live.values().forEach(ResilientModel::close);
        live.clear();
    }
}
