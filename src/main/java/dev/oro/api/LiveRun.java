package dev.oro.api;

import dev.oro.eval.RunListener;
import dev.oro.eval.RunSummary;
import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import io.smallrye.mutiny.Multi;
import java.util.List;
import java.util.function.Function;
import java.util.function.LongSupplier;

/**
 * A run in progress as the API sees it: counts as cases complete, and the clients listening
 * for events. Progress is sent at most every {@link #MIN_INTERVAL_MS}; {@code finished} always.
 */
public final class LiveRun implements RunListener {

    static final long MIN_INTERVAL_MS = 100;

    public record Progress(long done, long total, long passed, long failed, long errors) {
    }

    interface Subscriber {
        void progress(Progress progress);

        void finished(RunSummary summary);
    }

    private final String id;
    private final RunStore store;
    private final LongSupplier clockMillis;
    // A subscriber that ends its stream unsubscribes from inside finished(); copy-on-write lets
    // that happen while the list is being walked.
    private final List<Subscriber> subscribers = new java.util.concurrent.CopyOnWriteArrayList<>();
    private long total;
    private long done;
    private long passed;
    private long failed;
    private long errors;
    private long lastSent = Long.MIN_VALUE;
    private RunSummary finished;

    LiveRun(String id, long total, RunStore store, LongSupplier clockMillis) {
        this.id = id;
        this.total = total;
        this.store = store;
        this.clockMillis = clockMillis;
    }

    public String id() {
        return id;
    }

    public synchronized Progress progress() {
        return new Progress(done, total, passed, failed, errors);
    }

    /**
     * The run's events as a stream that ends with {@code finished}: where it is, then progress as cases
     * complete. The caller shapes each event (JSON for the API, HTML for the run page).
     */
    public <T> Multi<T> events(Function<Progress, T> onProgress, Function<RunSummary, T> onFinished) {
        return Multi.createFrom().emitter(emitter -> {
            Subscriber subscriber = new Subscriber() {
                @Override
                public void progress(Progress progress) {
                    emitter.emit(onProgress.apply(progress));
                }

                @Override
                public void finished(RunSummary summary) {
                    emitter.emit(onFinished.apply(summary));
                    emitter.complete();
                }
            };
            emitter.onTermination(() -> unsubscribe(subscriber));
            subscribe(subscriber);
        });
    }

    /** Sends a listener where the run is, then its events; only {@code finished} if it is over. */
    synchronized void subscribe(Subscriber subscriber) {
        if (finished != null) {
            subscriber.finished(finished);
            return;
        }
        subscribers.add(subscriber);
        subscriber.progress(progress());
    }

    synchronized void unsubscribe(Subscriber subscriber) {
        subscribers.remove(subscriber);
    }

    @Override
    public synchronized void started(String runId, long total, long alreadyDone) {
        this.total = total;
        if (alreadyDone > 0) {
            // A resumed run: count what its first attempt scored.
            RunSummary before = store.summary(runId);
            done = before.cases();
            passed = before.passed();
            failed = before.failed();
            errors = before.errors();
        }
    }

    @Override
    public synchronized void completed(CaseResult result) {
        done++;
        if (result.error() != null) {
            errors++;
        } else if (result.passed()) {
            passed++;
        } else {
            failed++;
        }
        long now = clockMillis.getAsLong();
        if (lastSent == Long.MIN_VALUE || now - lastSent >= MIN_INTERVAL_MS) {
            lastSent = now;
            Progress progress = progress();
            subscribers.forEach(s -> s.progress(progress));
        }
    }

    @Override
    public synchronized void finished(RunSummary summary) {
        finished = summary;
        subscribers.forEach(s -> s.finished(summary));
        subscribers.clear();
    }

    /** For a run that stopped without a summary from the runner: the counts so far. */
    synchronized RunSummary summarySoFar(String status) {
        return new RunSummary(id, status, done, passed, failed, errors);
    }
}
