package dev.oro.eval;

import dev.oro.store.CaseResult;

/** Hears a run's progress: the CLI draws a bar, the API streams events. */
public interface RunListener {

    RunListener NONE = new RunListener() {
    };

    /** Before the first case; {@code alreadyDone} is what a resumed run had. */
    default void started(String runId, long total, long alreadyDone) {
    }

    default void completed(CaseResult result) {
    }

    default void finished(RunSummary summary) {
    }
}
