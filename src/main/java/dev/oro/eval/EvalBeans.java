package dev.oro.eval;

import dev.oro.library.PromptLibrary;
import dev.oro.model.ModelRegistry;
import dev.oro.render.Renderer;
import dev.oro.store.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Named;
import jakarta.inject.Singleton;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import javax.sql.DataSource;

/**
 * Wires the runner into the server. With {@code ORO_DB_URL} set the store is that PostgreSQL
 * database, as for the CLI; otherwise it uses Quarkus's own pool on the H2 file (already
 * migrated by Flyway at start), since opening the file a second time in one JVM would fight it.
 */
@ApplicationScoped
public class EvalBeans {

    /** Runs at a time; each run has its own workers for the cases, so two keep the machine busy. */
    static final int PARALLEL_RUNS = 2;

    @Produces
    @Singleton
    RunStore store(DataSource h2, dev.oro.OroConfig config) {
        String url = System.getenv("ORO_DB_URL");
        return new RunStore(url == null || url.isBlank() ? h2 : dev.oro.store.Database.open(java.nio.file.Path.of(config.dataDir())));
    }

    @Produces
    @Singleton
    Reports reports(RunStore store) {
        return new Reports(store);
    }

    @Produces
    @Singleton
    Runner runner(PromptLibrary library, Renderer renderer, ModelRegistry models, RunStore store,
            @Named("models") ExecutorService executor) {
        return new Runner(library, renderer, models, store, executor);
    }

    @Produces
    @Singleton
    @Named("runs")
    ExecutorService runExecutor() {
        return Executors.newFixedThreadPool(PARALLEL_RUNS, r -> {
            Thread t = new Thread(r, "oro-run");
            t.setDaemon(true);
            return t;
        });
    }

    /** Interrupting a run marks it interrupted, so it can be resumed after a restart. */
    void stop(@Disposes @Named("runs") ExecutorService executor) {
        executor.shutdownNow();
    }
}
