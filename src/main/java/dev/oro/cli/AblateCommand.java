package dev.oro.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import dev.oro.eval.Reports;
import dev.oro.eval.RunListener;
import dev.oro.eval.RunOptions;
import dev.oro.eval.Runner;
import dev.oro.eval.Suite;
import dev.oro.eval.SuiteLoader;
import dev.oro.eval.Sweep;
import dev.oro.store.Database;
import dev.oro.store.RunStore;
import dev.oro.variants.Ablation;
import dev.oro.variants.AblationHtml;
import dev.oro.variants.Variants;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
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

    @Option(names = "--sweep", paramLabel = "PARAM=V1,V2,…",
            description = "Ablate at each value of a parameter (temperature=0,0.5,1 or maxTokens=64,256); with --repeat the report "
                    + "shows consistency (pass^k) per value. Repeatable.")
    Map<String, String> sweep = new LinkedHashMap<>();

    @Option(names = {"-o", "--output"}, paramLabel = "FILE", description = "Write the report: .html (self-contained, with a chart) or JSON.")
    Path output;

    @Override
    public Integer call() {
        Suite suite = Sweep.apply(SuiteLoader.load(suiteFile), Sweep.parse(sweep), "--sweep");
        RunStore store = new RunStore(Database.open(options.dataDir));
        return withModels((registry, executor) -> {
            Runner runner = new Runner(options.library(), options.renderer(), registry, store, executor);
            Ablation.Report report = Ablation.run(options.library(), runner, new Reports(store), ref, suite,
                    new RunOptions(models, null, repeat, false, null), Variants.select(rules), RunListener.NONE);
            report.skipped().forEach(s -> err().println(report.base() + "  " + s));
            print(report);
            if (output != null) {
                write(report);
                err().println("wrote " + output);
            }
            err().println("run " + report.runId());
            return ExitCode.OK;
        });
    }

    private void print(Ablation.Report report) {
        out().printf(Locale.ROOT, "%-6s %-24s %-14s %6s %8s %8s %8s %9s  %s%n", "rule", "model", "variant", "base", "variant", "Δ score",
                "p", "pass^k", "verdict");
        for (Ablation.Row r : report.rows()) {
            out().printf(Locale.ROOT, "%-6s %-24s %-14s %5.0f%% %7.0f%% %+8.3f %8.4f %9s  %s%n", r.rule(), r.setting(), r.variant(),
                    100 * r.basePassRate(), 100 * r.variantPassRate(), r.scoreDifference(), r.pValue(),
                    consistency(r.baseConsistency(), r.variantConsistency()), r.verdict());
        }
        out().println();
        report.rows().forEach(r -> out().println(r.rule() + " · " + r.setting() + ": " + r.sentence()));
        if (report.settings().size() > 1 || report.settings().stream().anyMatch(s -> s.k() != null)) {
            out().println();
            report.settings().forEach(s -> out().printf(Locale.ROOT, "%s · %s: pass rate %.0f%%, mean score %.3f%s%n", report.base(),
                    s.params().isEmpty() ? s.model() : s.model() + " · " + s.params(), 100 * s.passRate(), s.meanScore(),
                    s.k() == null ? "" : String.format(Locale.ROOT, ", pass^%d %.0f%%", s.k(), 100 * s.consistency())));
        }
        out().println(report.summary());
    }

    /** "60→100%": the base's pass^k, then the variant's; "–" when cases ran once. */
    private static String consistency(Double base, Double variant) {
        return base == null || variant == null ? "–" : String.format(Locale.ROOT, "%.0f→%.0f%%", 100 * base, 100 * variant);
    }

    private void write(Ablation.Report report) {
        try {
            if (output.getFileName().toString().toLowerCase(Locale.ROOT).endsWith(".html")) {
                Files.writeString(output, AblationHtml.of(report));
            } else {
                new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT).writeValue(output.toFile(), report);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
