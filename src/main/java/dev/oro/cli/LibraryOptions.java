package dev.oro.cli;

import dev.oro.Oro;
import dev.oro.library.PromptLibrary;
import dev.oro.render.Renderer;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** Where the prompt library is; shared by every command that reads it. */
public class LibraryOptions {

    @Option(names = "--prompts", paramLabel = "DIR", defaultValue = "${env:ORO_PROMPTS_DIR:-prompts}",
            description = "The prompt library folder (default: ${DEFAULT-VALUE}; env ORO_PROMPTS_DIR).")
    Path prompts;

    @Option(names = "--models", paramLabel = "DIR", defaultValue = "${env:ORO_MODELS_DIR:-models}",
            description = "The model profiles folder (default: ${DEFAULT-VALUE}; env ORO_MODELS_DIR).")
    Path models;

    @Option(names = "--data-dir", paramLabel = "DIR", defaultValue = "${env:ORO_DATA_DIR:-./.oro}",
            description = "Where runs and the response cache are kept (default: ${DEFAULT-VALUE}; env ORO_DATA_DIR).")
    Path dataDir;

    private Renderer renderer;

    Renderer renderer() {
        if (renderer == null) {
            renderer = Oro.renderer(prompts);
        }
        return renderer;
    }

    PromptLibrary library() {
        return Oro.library(prompts, renderer());
    }
}
