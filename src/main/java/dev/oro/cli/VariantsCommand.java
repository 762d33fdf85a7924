package dev.oro.cli;

import dev.oro.variants.Variants;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "variants", mixinStandardHelpOptions = true,
        description = "Write candidate versions of a prompt, each applying one golden rule, tagged 'variant' and the rule.")
class VariantsCommand extends LibraryCommand {

    @Parameters(paramLabel = "REF", description = "The base version: name, name@2 or name@label.")
    String ref;

    @Option(names = "--rules", split = ",", paramLabel = "GR3,GR6", description = "Only these rules (default: every rule with a rewrite).")
    List<String> rules = new ArrayList<>();

    @Option(names = "--dry-run", description = "Print the variants' sources instead of writing them.")
    boolean dryRun;

    @Option(names = "--examples", paramLabel = "FILE", description = "A CSV, JSONL or YAML dataset whose first rows become GR7 few-shot examples.")
    Path examples;

    @Override
    public Integer call() {
        Variants.Generated result = Variants.generate(options.library(), ref, rules, examples, "--examples", dryRun);
        result.skipped().forEach(s -> err().println(result.base() + "  " + s));
        for (Variants.Written v : result.variants()) {
            if (dryRun) {
                out().println("# " + result.base().substring(0, result.base().lastIndexOf('@')) + "  " + v.rule() + "  " + v.what());
                out().println(v.source());
            } else {
                out().println(v.ref() + "  " + v.rule() + "  " + v.what());
            }
        }
        if (result.variants().isEmpty()) {
            err().println("no variant created: " + result.base() + " already follows the requested rules");
        }
        return ExitCode.OK;
    }
}
