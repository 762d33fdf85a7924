package dev.oro.cli;

import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.VersionDiff;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "diff", mixinStandardHelpOptions = true, description = "Show what changed between two versions (front matter fields, then a unified diff).")
class DiffCommand extends LibraryCommand {

    @Parameters(index = "0", paramLabel = "FROM", description = "e.g. summarize@1")
    String from;

    @Parameters(index = "1", paramLabel = "TO", description = "e.g. summarize@production")
    String to;

    @Mixin
    JsonFlag format;

    @Override
    public Integer call() {
        PromptLibrary library = options.library();
        VersionDiff diff = VersionDiff.between(library.resolve(PromptRef.parse(from)), library.resolve(PromptRef.parse(to)));
        var out = out();
        if (format.json) {
            JsonOutput.print(out, diff);
            return ExitCode.OK;
        }
        for (VersionDiff.FieldChange c : diff.frontMatter()) {
            out.println("~ " + c.path() + ": " + show(c.from()) + " -> " + show(c.to()));
        }
        if (!diff.frontMatter().isEmpty()) {
            out.println();
        }
        out.println(diff.unified().isEmpty() ? "(no differences)" : diff.unified());
        return ExitCode.OK;
    }

    private static String show(Object value) {
        return value == null ? "(absent)" : String.valueOf(value);
    }
}
