package dev.oro;

import dev.oro.library.PromptLibrary;
import dev.oro.render.Renderer;
import dev.oro.render.SandboxEngine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Singleton;
import jakarta.enterprise.inject.Produces;
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
}
