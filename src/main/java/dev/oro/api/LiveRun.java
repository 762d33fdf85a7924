package dev.oro.api;

import dev.oro.eval.RunListener;
import dev.oro.eval.RunSummary;
import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import java.util.List;
import java.util.function.LongSupplier;

/**
 * A run in progress as the API sees it: counts as cases complete, and the clients listening
 * for events. Progress is sent at most every {@link #MIN_INTERVAL_MS}; {@code finished} always.
 */
public final class LiveRun implements RunListener {

    static final long MIN_INTERVAL_MS = 100;

    public record Progress(long done, long total, long passed, long failed, long errors) {
    }

    /** Told of a run's progress; the API streams it as JSON, the run page as HTML. */
    public interface Subscriber {
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

    /** Sends a listener where the run is, then its events; only {@code finished} if it is over. */
    public synchronized void subscribe(Subscriber subscriber) {
        if (finished != null) {
            subscriber.finished(finished);
            return;
        }
        subscribers.add(subscriber);
        subscriber.progress(progress());
    }

    public synchronized void unsubscribe(Subscriber subscriber) {
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
