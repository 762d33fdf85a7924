package dev.oro.api;

import dev.oro.OroException;
import dev.oro.eval.Runner;
import dev.oro.store.RunStore;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import org.jboss.logging.Logger;

/** The runs this server is executing, each on the run executor, never on an event loop thread. */
@ApplicationScoped
public class LiveRuns {

    private static final Logger LOG = Logger.getLogger(LiveRuns.class);

    @Inject
    Runner runner;

    @Inject
    RunStore store;

    @Inject
    @Named("runs")
    ExecutorService executor;

    private final Map<String, LiveRun> live = new ConcurrentHashMap<>();

    LiveRun start(Runner.Prepared prepared) {
        LiveRun run = new LiveRun(prepared.runId(), prepared.total(), store, System::currentTimeMillis);
        if (live.putIfAbsent(run.id(), run) != null) {
            throw OroException.conflict("run-in-progress", "run " + run.id() + " is running already; wait for it to finish");
        }
        executor.execute(() -> {
            try {
                runner.run(prepared, run);
            } catch (RuntimeException e) {
                // The runner marks an interrupted run itself (the server stopping); anything else is the store failing.
                boolean interrupted = e instanceof OroException o && "interrupted".equals(o.type());
                // A run another process holds is that process's to finish, not this one's to mark.
                boolean elsewhere = e instanceof OroException o && "run-in-progress".equals(o.type());
                if (!interrupted && !elsewhere) {
                    LOG.errorf(e, "run %s failed", run.id());
                    markFailed(run.id());
                }
                run.finished(run.summarySoFar(interrupted ? "interrupted" : "failed"));
            } finally {
                live.remove(run.id());
            }
        });
        return run;
    }

    public Optional<LiveRun> get(String id) {
        return Optional.ofNullable(live.get(id));
    }

    private void markFailed(String id) {
        try {
            store.finish(id, "failed");
        } catch (RuntimeException e) {
            LOG.errorf(e, "cannot mark run %s as failed", id);
        }
    }
}
