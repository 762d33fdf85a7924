package dev.oro.cli;

import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
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
        PromptVersion base = options.library().resolve(PromptRef.parse(ref));
        Variants.Result result = Variants.of(base, Variants.select(rules, examples));
        if (examples == null && (rules.isEmpty() || rules.stream().anyMatch(r -> r.strip().equalsIgnoreCase("GR7")))) {
            err().println(base.name() + "@" + base.version() + "  GR7: skipped; few-shot examples need --examples FILE");
        }
        result.skipped().forEach(s -> err().println(base.name() + "@" + base.version() + "  " + s));
        for (Variants.Variant v : result.variants()) {
            if (dryRun) {
                out().println("# " + base.name() + "  " + v.rule() + "  " + v.what());
                out().println(v.source());
            } else {
                int version = options.library().create(base.name(), v.source(), null);
                out().println(base.name() + "@" + version + "  " + v.rule() + "  " + v.what());
            }
        }
        if (result.variants().isEmpty()) {
            err().println("no variant created: " + base.name() + "@" + base.version() + " already follows the requested rules");
        }
        return ExitCode.OK;
    }
}
