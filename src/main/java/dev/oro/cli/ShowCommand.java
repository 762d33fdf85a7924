package dev.oro.cli;

import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Parameters;

@Command(name = "show", mixinStandardHelpOptions = true, description = "Print one version of a prompt with its hash and labels.")
class ShowCommand extends LibraryCommand {

    @Parameters(paramLabel = "REF", description = "name, name@3 or name@production")
    String ref;

    @Mixin
    JsonFlag format;

    @Override
    public Integer call() {
        var library = options.library();
        PromptVersion v = library.resolve(PromptRef.parse(ref));
        var out = out();
        if (v.handEditWarning() != null) {
            err().println("warning: " + v.handEditWarning());
        }
        if (format.json) {
            JsonOutput.print(out, dev.oro.library.VersionView.of(v));
            return ExitCode.OK;
        }
        var labels = library.info(v.name()).labels().entrySet().stream().filter(e -> e.getValue() == v.version())
                .map(Map.Entry::getKey).sorted().toList();
        out.println("# " + v.ref() + (labels.isEmpty() ? "" : "  (" + String.join(", ", labels) + ")"));
        out.println("# " + v.hash());
        out.print(v.text().endsWith("\n") ? v.text() : v.text() + "\n");
        return ExitCode.OK;
    }
}
