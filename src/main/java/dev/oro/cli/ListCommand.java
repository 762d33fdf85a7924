package dev.oro.cli;

import dev.oro.library.PromptInfo;
import java.util.List;
import java.util.stream.Collectors;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "list", mixinStandardHelpOptions = true, description = "List the prompts in the library.")
class ListCommand extends LibraryCommand {

    @Mixin
    JsonFlag format;

    @Override
    public Integer call() {
        List<PromptInfo> prompts = options.library().list();
        var out = out();
        if (format.json) {
            JsonOutput.print(out, prompts);
            return ExitCode.OK;
        }
        if (prompts.isEmpty()) {
            err().println("No prompts in " + options.prompts + ". Create one with: oro new NAME --from FILE");
            return ExitCode.OK;
        }
        int width = Math.max(6, prompts.stream().mapToInt(p -> p.name().length()).max().orElse(6));
        out.printf("%-" + width + "s  %8s  %-24s  %s%n", "PROMPT", "VERSIONS", "LABELS", "DESCRIPTION");
        for (PromptInfo p : prompts) {
            String labels = p.labels().entrySet().stream().sorted(java.util.Map.Entry.comparingByKey())
                    .map(e -> e.getKey() + "=" + e.getValue()).collect(Collectors.joining(","));
            out.printf("%-" + width + "s  %8d  %-24s  %s%n", p.name(), p.versions().size(), labels,
                    p.description() == null ? "" : p.description());
        }
        return ExitCode.OK;
    }
}
