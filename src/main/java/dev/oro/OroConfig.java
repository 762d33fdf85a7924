package dev.oro;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Oro's own settings; the CLI reads the same names from the environment. */
@ConfigMapping(prefix = "oro")
public interface OroConfig {

    /** The prompt library folder. */
    @WithDefault("prompts")
    String promptsDir();

    /** The model profiles folder. */
    @WithDefault("models")
    String modelsDir();

    /** The eval suites folder; the API runs only suites inside it. */
    @WithDefault("evals")
    String evalsDir();

    /** Where Oro keeps its database and caches. */
    @WithDefault("./.oro")
    String dataDir();
}
