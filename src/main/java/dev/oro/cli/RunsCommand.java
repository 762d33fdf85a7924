package dev.oro.cli;

import dev.oro.store.Database;
import dev.oro.store.RunInfo;
import dev.oro.store.RunStore;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "runs", mixinStandardHelpOptions = true, description = "List past eval runs, newest first.")
class RunsCommand extends LibraryCommand {

    @Option(names = "--limit", defaultValue = "20", description = "How many runs (default: ${DEFAULT-VALUE}).")
    int limit;

    @Mixin
    JsonFlag format;

    @Override
    public Integer call() {
        if (limit < 1) {
            throw dev.oro.OroException.invalid("bad-option", "--limit must be 1 or more, got " + limit);
        }
        RunStore store = new RunStore(Database.open(options.dataDir));
        List<RunInfo> runs = store.runs(limit);
        if (format.json) {
            JsonOutput.print(out(), runs);
            return ExitCode.OK;
        }
        if (runs.isEmpty()) {
            err().println("No runs yet. Start one with: oro eval evals/NAME.yaml");
            return ExitCode.OK;
        }
        out().printf("%-36s  %-11s  %-20s  %s%n", "RUN", "STATUS", "STARTED", "SUITE");
        for (RunInfo r : runs) {
            out().printf("%-36s  %-11s  %-20s  %s%n", r.id(), r.status(), r.createdAt().toString().substring(0, 19).replace('T', ' '),
                    r.suite());
        }
        return ExitCode.OK;
    }
}
