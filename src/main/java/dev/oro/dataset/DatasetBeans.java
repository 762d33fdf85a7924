package dev.oro.dataset;

import dev.oro.OroConfig;
import dev.oro.library.PromptLibrary;
import dev.oro.render.Renderer;
import dev.oro.store.AnnotationStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import javax.sql.DataSource;

/** Wires annotations and exports into the server, on the same database as the runs (see EvalBeans). */
@ApplicationScoped
public class DatasetBeans {

    @Produces
    @Singleton
    AnnotationStore annotations(DataSource h2, OroConfig config) {
        String url = System.getenv("ORO_DB_URL");
        return new AnnotationStore(url == null || url.isBlank() ? h2 : dev.oro.store.Database.open(java.nio.file.Path.of(config.dataDir())));
    }

    @Produces
    @Singleton
    Examples examples(PromptLibrary library, Renderer renderer) {
        return new Examples(library, renderer);
    }
}
