package dev.oro;

import dev.oro.library.PromptLibrary;
import dev.oro.render.Renderer;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import dev.oro.model.Completions;
import dev.oro.model.ModelRegistry;
import java.util.concurrent.ExecutorService;
import java.nio.file.Path;

/** Wires the plain-Java core (also used by the CLI without Quarkus) into the server. */
@ApplicationScoped
public class OroBeans {

    @Produces
    @Singleton
    Renderer renderer(OroConfig config) {
        return Oro.renderer(Path.of(config.promptsDir()));
    }

    @Produces
    @Singleton
    PromptLibrary library(OroConfig config, Renderer renderer) {
        return Oro.library(Path.of(config.promptsDir()), renderer);
    }

    @Produces
    @Singleton
    @Named("models")
    ExecutorService modelExecutor() {
        return Oro.modelExecutor();
    }

    void stop(@Disposes @Named("models") ExecutorService executor) {
        executor.shutdownNow();
    }

    @Produces
    @Singleton
    ModelRegistry models(OroConfig config, @Named("models") ExecutorService executor) {
        return Oro.models(Path.of(config.modelsDir()), executor);
    }

    /** In-process models hold native memory; free it when the server stops. */
    void close(@Disposes ModelRegistry models) {
        models.close();
    }

    @Produces
    @Singleton
    Completions completions(PromptLibrary library, Renderer renderer, ModelRegistry models, @Named("models") ExecutorService executor) {
        return new Completions(library, renderer, models, executor);
    }
}
