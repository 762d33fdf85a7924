package dev.oro.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.oro.eval.Reports;
import dev.oro.eval.RunListener;
import dev.oro.eval.RunOptions;
import dev.oro.eval.Runner;
import dev.oro.eval.Suite;
import dev.oro.eval.SuiteLoader;
import dev.oro.store.Database;
import dev.oro.store.RunStore;
import dev.oro.variants.Ablation;
import dev.oro.variants.Variants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "ablate", mixinStandardHelpOptions = true,
        description = "Write one variant per golden rule from a base version, run them all on a suite and say which rules helped, hurt "
                + "or made no measurable difference.")
class AblateCommand extends LibraryCommand {

    @Parameters(paramLabel = "REF", description = "The base version: name, name@2 or name@label.")
    String ref;

    @Option(names = "--suite", required = true, paramLabel = "FILE", description = "The eval suite, e.g. evals/qa.yaml; its prompts are replaced.")
    Path suiteFile;

    @Option(names = {"-m", "--model"}, paramLabel = "PROFILE", description = "Run on these profiles instead of the suite's.")
    List<String> models = new ArrayList<>();

    @Option(names = "--rules", split = ",", paramLabel = "GR3,GR6", description = "Only these rules (default: every rule with a rewrite).")
    List<String> rules = new ArrayList<>();

    @Option(names = "--repeat", paramLabel = "N", description = "Samples per case, overriding the suite's repeat.")
    Integer repeat;

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report as JSON.")
    Path output;

    @Override
    public Integer call() {
        Suite suite = SuiteLoader.load(suiteFile);
        RunStore store = new RunStore(Database.open(options.dataDir));
        return withModels((registry, executor) -> {
            Runner runner = new Runner(options.library(), options.renderer(), registry, store, executor);
            Ablation.Report report = Ablation.run(options.library(), runner, new Reports(store), ref, suite,
                    new RunOptions(models, null, repeat, false, null), Variants.select(rules), RunListener.NONE);
            report.skipped().forEach(s -> err().println(report.base() + "  " + s));
            out().printf(Locale.ROOT, "%-6s %-24s %-14s %6s %8s %8s %8s  %s%n", "rule", "model", "variant", "base", "variant", "Δ score",
                    "p", "verdict");
            for (Ablation.Row r : report.rows()) {
                out().printf(Locale.ROOT, "%-6s %-24s %-14s %5.0f%% %7.0f%% %+8.3f %8.4f  %s%n", r.rule(), r.model(), r.variant(),
                        100 * r.basePassRate(), 100 * r.variantPassRate(), r.scoreDifference(), r.pValue(), r.verdict());
            }
            out().println();
            report.rows().forEach(r -> out().println(r.rule() + " · " + r.model() + ": " + r.sentence()));
            out().println(report.summary());
            if (output != null) {
                try {
                    new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), report);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
                err().println("wrote " + output);
            }
            err().println("run " + report.runId());
            return ExitCode.OK;
        });
    }
}
