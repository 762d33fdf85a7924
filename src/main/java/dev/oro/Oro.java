package dev.oro;

import dev.oro.library.PromptLibrary;
import dev.oro.render.Renderer;
import dev.oro.render.SandboxEngine;
import java.nio.file.Path;

/** Builds the core the same way for the server and the CLI, which runs without Quarkus. */
public final class Oro {

    private Oro() {
    }

    public static Renderer renderer(Path promptsDir) {
        return new Renderer(new SandboxEngine(promptsDir.resolve("_patterns")));
    }

    public static PromptLibrary library(Path promptsDir, Renderer renderer) {
        return new PromptLibrary(promptsDir, renderer::check);
    }
}
