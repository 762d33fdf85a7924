package dev.oro.cli;

import dev.oro.eval.Reports;
import dev.oro.eval.RunSummary;
import dev.oro.store.Database;
import dev.oro.store.RunInfo;
import dev.oro.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "show-run", mixinStandardHelpOptions = true, description = "Print a run's summary table, or write its results to files.")
class ShowRunCommand extends LibraryCommand {

    @Parameters(paramLabel = "RUN", description = "A run id, as `oro runs` lists them.")
    String runId;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results: .json, .csv, .xml (JUnit) or .html (self-contained report). Repeatable.")
    List<Path> outputs = new ArrayList<>();

    @Override
    public Integer call() {
        RunStore store = new RunStore(Database.open(options.dataDir));
        RunInfo run = store.require(runId);
        RunSummary summary = store.summary(run.id());
        out().println("run " + run.id() + " · " + run.status() + " · " + run.suite() + (run.description() == null ? "" : " · " + run.description()));
        out().println(summary.cases() + " cases, " + summary.passed() + " passed, " + summary.failed() + " failed, " + summary.errors() + " errors");
        Reports reports = new Reports(store);
        out().print(reports.table(run.id()));
        for (Path file : outputs) {
            reports.write(run.id(), file);
            err().println("wrote " + file);
        }
        return ExitCode.OK;
    }
}
