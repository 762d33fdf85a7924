package dev.oro.eval;

import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Writes a run's results from one thread, as many as are waiting in one transaction: a commit
 * per case was most of a run's CPU time on H2. A result is reported to the listener only once
 * it is committed, so a killed run still keeps every result it reported. The queue is bounded:
 * workers wait when the database falls behind, and memory stays flat.
 */
final class Recorder implements AutoCloseable {

    /** A completed case, and the model's answer to cache with it (key null: nothing to cache). */
    record Write(CaseResult result, String cacheKey, String cacheValue) {
    }

    private static final int BATCH = 256;
    private static final Write END = new Write(null, null, null);

    private final RunStore store;
    private final String runId;
    private final RunListener listener;
    private final BlockingQueue<Write> queue = new ArrayBlockingQueue<>(2 * BATCH);
    private final AtomicReference<RuntimeException> failure = new AtomicReference<>();
    private final Thread thread;

    Recorder(RunStore store, String runId, RunListener listener) {
        this.store = store;
        this.runId = runId;
        this.listener = listener;
        this.thread = new Thread(this::drain, "oro-recorder");
        thread.setDaemon(true);
        thread.start();
    }

    /** Queues a write; waits while the queue is full. Throws once the store has failed. */
    void add(Write write) {
        RuntimeException failed = failure.get();
        if (failed != null) {
            throw failed;
        }
        try {
            queue.put(write);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while recording a result", e);
        }
    }

    /** The store's failure, if writing failed; the run must stop. */
    RuntimeException failure() {
        return failure.get();
    }

    /** Writes what is queued and stops the thread. */
    @Override
    public void close() {
        boolean interrupted = false;
        // put, not add: a slow database can leave the queue full when the last case finishes.
        while (true) {
            try {
                queue.put(END);
                break;
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        while (thread.isAlive()) {
            try {
                thread.join();
            } catch (InterruptedException e) {
                interrupted = true;
            }
        }
        if (interrupted) {
            Thread.currentThread().interrupt();
        }
    }

    private void drain() {
        List<Write> batch = new ArrayList<>(BATCH);
        boolean end = false;
        while (!end) {
            try {
                batch.add(queue.take());
            } catch (InterruptedException e) {
                return;
            }
            queue.drainTo(batch, BATCH - 1);
            end = batch.removeIf(w -> w == END);
            if (!batch.isEmpty() && failure.get() == null) {
                write(batch);
            }
            batch.clear();
        }
    }

    private void write(List<Write> batch) {
        List<CaseResult> results = new ArrayList<>(batch.size());
        Map<String, String> responses = new LinkedHashMap<>();
        for (Write w : batch) {
            results.add(w.result());
            if (w.cacheKey() != null) {
                responses.put(w.cacheKey(), w.cacheValue());
            }
        }
        try {
            List<Boolean> inserted = store.recordAll(runId, results, responses);
            for (int i = 0; i < results.size(); i++) {
                if (inserted.get(i)) {
                    listener.completed(results.get(i));
                }
            }
        } catch (RuntimeException e) {
            failure.compareAndSet(null, e);
            queue.clear();
        }
    }
}
