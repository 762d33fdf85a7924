package dev.oro.dataset;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.util.Optional;

/** How the server drafts test cases. */
@ConfigMapping(prefix = "oro.drafts")
public interface DraftsConfig {

    /** How near-duplicate drafts are found: {@code minilm} (local embeddings, by meaning) or {@code lexical} (shared words). */
    @WithDefault("minilm")
    String similarity();

    /** The similarity from which a draft is a near-duplicate; by default 0.9 for minilm and 0.8 for lexical. */
    Optional<Double> nearDuplicate();
}
