package dev.oro.lint;

import dev.oro.library.PromptSource;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Runs every golden-rule heuristic on a prompt; no model is called. */
public final class Linter {

    public static final List<Rule> RULES = List.of(new SpecificOutput(), new VagueWording(), new Delimiters(),
            new QuotedLiterals(), new SeedTerm(), new OutputFormat(), new FewShot(), new ChainOfThought(), new RolePrompt());

    private Linter() {
    }

    public static List<Finding> lint(PromptSource source) {
        LintTarget target = LintTarget.of(source);
        List<Finding> findings = new ArrayList<>();
        RULES.forEach(rule -> findings.addAll(rule.check(target)));
        findings.sort(Comparator.comparingInt((Finding f) -> f.span().line()).thenComparingInt(f -> f.span().column())
                .thenComparing(Finding::rule));
        return List.copyOf(findings);
    }

    public static boolean hasErrors(List<Finding> findings) {
        return findings.stream().anyMatch(f -> f.severity() == Severity.ERROR);
    }
}
