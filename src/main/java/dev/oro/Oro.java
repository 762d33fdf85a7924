package dev.oro;

import dev.oro.library.PromptLibrary;
import dev.oro.model.ModelFiles;
import dev.oro.model.ModelRegistry;
import dev.oro.model.ProviderFactory;
import dev.oro.model.Secrets;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
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

    /** Threads for model calls; daemons, so a CLI run never hangs on exit because of them. */
    public static ExecutorService modelExecutor() {
        return Executors.newCachedThreadPool(r -> {
            Thread t = new Thread(r, "oro-model");
            t.setDaemon(true);
            return t;
        });
    }

    public static ModelRegistry models(Path modelsDir, ExecutorService executor) {
        ProviderFactory factory = new ProviderFactory(Secrets.fromEnvironment(), ModelFiles.defaults());
        return new ModelRegistry(modelsDir, factory::create, factory::precheck, executor);
    }
}
