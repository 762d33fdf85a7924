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
