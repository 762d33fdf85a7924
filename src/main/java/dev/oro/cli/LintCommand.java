package dev.oro.cli;

import dev.oro.library.PromptInfo;
import dev.oro.library.PromptParser;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptSource;
import dev.oro.library.PromptVersion;
import dev.oro.lint.Finding;
import dev.oro.lint.Linter;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "lint", mixinStandardHelpOptions = true,
        description = "Check prompts against the 9 golden rules (heuristics, no model). Exit 1 when a finding is an error.")
class LintCommand extends LibraryCommand {

    /** What {@code --format json} prints: one entry per prompt. */
    record Report(String file, List<Finding> findings) {
    }

    @Parameters(paramLabel = "REF|PATH", arity = "0..*",
            description = "Library references (name, name@2) or .prompt files; none lints every prompt's latest version.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output: text (default) or json.")
    String format;

    @Override
    public Integer call() {
        List<Report> reports = new ArrayList<>();
        if (targets.isEmpty()) {
            for (PromptInfo info : options.library().list()) {
                reports.add(lint(options.library().version(info.name(), info.latestVersion())));
            }
        }
        for (String target : targets) {
            reports.add(target.endsWith(".prompt") || Files.isRegularFile(Path.of(target)) ? lintFile(Path.of(target))
                    : lint(options.library().resolve(PromptRef.parse(target))));
        }
        if ("json".equals(format)) {
            JsonOutput.print(out(), reports);
        } else {
            reports.forEach(this::printText);
        }
        return reports.stream().anyMatch(r -> Linter.hasErrors(r.findings())) ? ExitCode.ERROR : ExitCode.OK;
    }

    private Report lint(PromptVersion version) {
        String file = options.prompts.resolve(version.name()).resolve(version.fileName()).toString();
        return new Report(file, Linter.lint(version.source()));
    }

    private Report lintFile(Path path) {
        try {
            PromptSource source = PromptParser.parse(Files.readString(path), path.toString());
            return new Report(path.toString(), Linter.lint(source));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private void printText(Report report) {
        for (Finding f : report.findings()) {
            out().println(report.file() + ":" + f.span().line() + ":" + f.span().column() + " " + f.rule() + " "
                    + f.severity().wire() + " " + f.message());
            if (f.suggestion() != null) {
                out().println("  suggestion: " + f.suggestion().replace("\n", "\\n"));
            }
        }
    }
}
