package dev.oro.cli;

import dev.oro.eval.Reports;
import dev.oro.eval.RunListener;
import dev.oro.eval.RunOptions;
import dev.oro.eval.RunSummary;
import dev.oro.eval.Runner;
import dev.oro.eval.Suite;
import dev.oro.eval.SuiteLoader;
import dev.oro.eval.Sweep;
import dev.oro.store.CaseResult;
import dev.oro.store.Database;
import dev.oro.store.RunStore;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicLong;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "eval", mixinStandardHelpOptions = true,
        description = "Run an eval suite. Exit code 0 when every case passes, 100 when an assertion failed, 1 on errors.")
class EvalCommand extends LibraryCommand {

    /** promptfoo's convention, so CI scripts written for it keep working. */
    static final int ASSERTIONS_FAILED = 100;

    @Parameters(paramLabel = "SUITE", description = "e.g. evals/qa.yaml")
    Path suiteFile;

    @Option(names = {"-m", "--model"}, paramLabel = "PROFILE", description = "Run on these profiles instead of the suite's.")
    List<String> models = new ArrayList<>();

    @Option(names = "--concurrency", paramLabel = "N", description = "Parallel calls per profile, overriding each profile's limit.")
    Integer concurrency;

    @Option(names = "--repeat", paramLabel = "N", description = "Samples per case, overriding the suite's repeat.")
    Integer repeat;

    @Option(names = "--no-cache", description = "Call the models even when an identical call is cached.")
    boolean noCache;

    @Option(names = "--resume", paramLabel = "RUN", description = "Complete an interrupted run instead of starting a new one.")
    String resume;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write results: .json, .csv, .xml (JUnit) or .html (self-contained report). Repeatable.")
    List<Path> outputs = new ArrayList<>();

    @Option(names = "--no-progress", description = "No progress bar (CI logs).")
    boolean noProgress;

    @Option(names = "--sweep", paramLabel = "PARAM=V1,V2,…",
            description = "Try each value of a parameter (the deck's two knobs: temperature=0,0.5,1 or maxTokens=64,256); "
                    + "replaces that axis of the suite's params grid. Repeatable.")
    java.util.Map<String, String> sweep = new java.util.LinkedHashMap<>();

    @Override
    public Integer call() {
        atLeastOne("--repeat", repeat);
        atLeastOne("--concurrency", concurrency);
        Suite suite = Sweep.apply(SuiteLoader.load(suiteFile), Sweep.parse(sweep), "--sweep");
        RunStore store = new RunStore(Database.open(options.dataDir));
        return withModels((registry, executor) -> {
            Runner runner = new Runner(options.library(), options.renderer(), registry, store, executor);
            RunSummary summary = runner.run(suite, new RunOptions(models, concurrency, repeat, noCache, resume), progress());
            Reports reports = new Reports(store);
            out().print(reports.table(summary.runId()));
            for (Path file : outputs) {
                reports.write(summary.runId(), file);
                err().println("wrote " + file);
            }
            err().println("run " + summary.runId() + ": " + summary.cases() + " cases, " + summary.passed() + " passed, "
                    + summary.failed() + " failed, " + summary.errors() + " errors");
            return summary.errors() > 0 ? ExitCode.ERROR : summary.failed() > 0 ? ASSERTIONS_FAILED : ExitCode.OK;
        });
    }

    private static void atLeastOne(String option, Integer value) {
        if (value != null && value < 1) {
            throw dev.oro.OroException.invalid("bad-option", option + " must be 1 or more, got " + value);
        }
    }

    /** done/total, pass rate so far and ETA on stderr; results stay on stdout. */
    private RunListener progress() {
        if (noProgress) {
            return RunListener.NONE;
        }
        return new RunListener() {
            ProgressBar bar;
            final AtomicLong scored = new AtomicLong();
            final AtomicLong passed = new AtomicLong();

            @Override
            public void started(String runId, long total, long alreadyDone) {
                err().println("run " + runId + (alreadyDone > 0 ? " (resumed, " + alreadyDone + " cases already done)" : ""));
                bar = new ProgressBarBuilder().setTaskName("eval").setInitialMax(total).startsFrom(alreadyDone, java.time.Duration.ZERO)
                        .setStyle(ProgressBarStyle.ASCII).setConsumer(new me.tongfei.progressbar.ConsoleProgressBarConsumer(System.err))
                        .continuousUpdate().build();
            }

            @Override
            public synchronized void completed(CaseResult result) {
                if (result.error() == null) {
                    scored.incrementAndGet();
                    if (result.passed()) {
                        passed.incrementAndGet();
                    }
                }
                bar.step();
                bar.setExtraMessage(String.format(Locale.ROOT, " pass %.0f%%", 100.0 * passed.get() / Math.max(1, scored.get())));
            }

            @Override
            public void finished(RunSummary summary) {
                bar.close();
            }
        };
    }
}
