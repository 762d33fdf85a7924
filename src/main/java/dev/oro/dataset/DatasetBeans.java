package dev.oro.dataset;

import dev.oro.OroConfig;
import dev.oro.library.PromptLibrary;
import dev.oro.render.Renderer;
import dev.oro.store.AnnotationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;

/** Wires annotations and exports into the server, on the same database as the runs (see EvalBeans). */
@ApplicationScoped
public class DatasetBeans {

    @Produces
    @Singleton
    AnnotationStore annotations(dev.oro.store.RunStore runs) {
        // The runs' database and pool: annotations join results, and one pool (and one migration) is enough.
        return new AnnotationStore(runs.dataSource());
    }

    @Produces
    @Singleton
    DraftTests drafts(PromptLibrary library, dev.oro.model.ModelRegistry models, DraftsConfig config) {
        Similarity similarity = switch (config.similarity()) {
            case "lexical" -> new LexicalSimilarity(config.nearDuplicate().orElse(LexicalSimilarity.DEFAULT_THRESHOLD));
            case "minilm" -> new EmbeddingSimilarity(dev.oro.eval.MiniLmEmbeddings.shared(),
                    config.nearDuplicate().orElse(EmbeddingSimilarity.DEFAULT_THRESHOLD));
            default -> throw new IllegalArgumentException("oro.drafts.similarity must be minilm or lexical, not " + config.similarity());
        };
        return new DraftTests(library, models, similarity);
    }

    @Produces
    @Singleton
    AnnotationQueues queues(dev.oro.store.RunStore runs, AnnotationStore annotations, Examples examples, OroConfig config) {
        return new AnnotationQueues(runs, annotations, examples, java.nio.file.Path.of(config.evalsDir()));
    }

    @Produces
    @Singleton
    Examples examples(PromptLibrary library, Renderer renderer) {
        return new Examples(library, renderer);
    }
}
