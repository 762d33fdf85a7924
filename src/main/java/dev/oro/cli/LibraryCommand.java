package dev.oro.cli;

import java.io.PrintWriter;
import java.util.concurrent.Callable;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** What every command that works on the prompt library shares: where it is, and the two streams. */
abstract class LibraryCommand implements Callable<Integer> {

    @Mixin
    LibraryOptions options;

    @Spec
    CommandSpec spec;

    /** Runs {@code body} with the model profiles; models it loaded are freed before it returns. */
    int withModels(java.util.function.BiFunction<dev.oro.model.ModelRegistry, java.util.concurrent.ExecutorService, Integer> body) {
        java.util.concurrent.ExecutorService executor = dev.oro.Oro.modelExecutor();
        try (dev.oro.model.ModelRegistry registry = dev.oro.Oro.models(options.models, executor)) {
            return body.apply(registry, executor);
        } finally {
            executor.shutdownNow();
        }
    }

    /** Results, for pipes and scripts. */
    PrintWriter out() {
        return spec.commandLine().getOut();
    }

    /** Diagnostics: warnings and errors. */
    PrintWriter err() {
        return spec.commandLine().getErr();
    }

    /** {@code --json}, for commands that can print the REST API's JSON instead of text. */
    static class JsonFlag {
        @Option(names = "--json", description = "Print JSON, as the REST API answers.")
        boolean json;
    }
}
