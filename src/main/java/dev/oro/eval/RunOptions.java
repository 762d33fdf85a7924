package dev.oro.eval;

import java.util.List;

/**
 * How to run a suite.
 *
 * @param models      profiles replacing the suite's, when not empty ({@code --model})
 * @param concurrency overrides every profile's limit when not null ({@code --concurrency})
 * @param repeat      overrides the suite's repeat when not null
 * @param noCache     bypasses the response cache (reads and writes)
 * @param resumeRunId the run to complete instead of starting a new one
 */
public record RunOptions(List<String> models, Integer concurrency, Integer repeat, boolean noCache, String resumeRunId) {

    public static final RunOptions DEFAULTS = new RunOptions(List.of(), null, null, false, null);

    public RunOptions {
        models = models == null ? List.of() : List.copyOf(models);
    }
}
