package dev.oro.cli;

import dev.oro.library.PromptInfo;
import dev.oro.library.PromptParser;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptSource;
import dev.oro.library.PromptVersion;
import com.fasterxml.jackson.annotation.JsonInclude;
import dev.oro.lint.Finding;
import dev.oro.lint.JudgeOpinion;
import dev.oro.lint.RuleJudge;
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

    /** What {@code --format json} prints: one entry per prompt; {@code judge} only with {@code --judge}. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Report(String file, List<Finding> findings, List<JudgeOpinion> judge) {
    }

    @Parameters(paramLabel = "REF|PATH", arity = "0..*",
            description = "Library references (name, name@2) or .prompt files; none lints every prompt's latest version.")
    List<String> targets = new ArrayList<>();

    @Option(names = "--format", paramLabel = "text|json", defaultValue = "text", description = "Output: text (default) or json.")
    String format;

    @Option(names = "--judge", paramLabel = "PROFILE",
            description = "Also ask this model, rule by rule, whether each prompt follows the golden rules. Its opinions are shown apart"
                    + " from the heuristic findings and never change the exit code.")
    String judge;

    @Override
    public Integer call() {
        if (judge == null) {
            return lintAll(null);
        }
        return withModels((registry, executor) -> lintAll(RuleJudge.on(judge, registry.model(judge))));
    }

    private int lintAll(RuleJudge ruleJudge) {
        List<Report> reports = new ArrayList<>();
        if (targets.isEmpty()) {
            for (PromptInfo info : options.library().list()) {
                reports.add(lint(options.library().version(info.name(), info.latestVersion()), ruleJudge));
            }
        }
        for (String target : targets) {
            reports.add(target.endsWith(".prompt") || Files.isRegularFile(Path.of(target)) ? lintFile(Path.of(target), ruleJudge)
                    : lint(options.library().resolve(PromptRef.parse(target)), ruleJudge));
        }
        if ("json".equals(format)) {
            JsonOutput.print(out(), reports);
        } else {
            reports.forEach(this::printText);
        }
        return reports.stream().anyMatch(r -> Linter.hasErrors(r.findings())) ? ExitCode.ERROR : ExitCode.OK;
    }

    private Report lint(PromptVersion version, RuleJudge ruleJudge) {
        return report(options.prompts.resolve(version.name()).resolve(version.fileName()).toString(), version.source(), ruleJudge);
    }

    private Report lintFile(Path path, RuleJudge ruleJudge) {
        try {
            return report(path.toString(), PromptParser.parse(Files.readString(path), path.toString()), ruleJudge);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Report report(String file, PromptSource source, RuleJudge ruleJudge) {
        return new Report(file, Linter.lint(source), ruleJudge == null ? null : ruleJudge.opinions(source));
    }

    private void printText(Report report) {
        for (Finding f : report.findings()) {
            out().println(report.file() + ":" + f.span().line() + ":" + f.span().column() + " " + f.rule() + " "
                    + f.severity().wire() + " " + f.message());
            if (f.suggestion() != null) {
                out().println("  suggestion: " + f.suggestion().replace("\n", "\\n"));
            }
        }
        if (report.judge() != null) {
            for (JudgeOpinion o : report.judge()) {
                String verdict = o.follows() == null ? "no opinion" : o.follows() ? "follows" : "breaks";
                out().println(report.file() + " " + o.rule() + " judge(" + o.model() + ") " + verdict + ": " + o.reason());
            }
        }
    }
}
