package dev.oro.web;

import dev.oro.lint.Finding;
import dev.oro.lint.GoldenRule;
import io.quarkus.qute.RawString;
import java.util.List;

/** Lint findings as the prompt pages show them: the rule, its words, and the offending line with the span marked. */
final class Findings {

    public record Shown(String rule, String title, String severity, String message, String suggestion, int line, int column,
            RawString context) {
    }

    private Findings() {
    }

    static List<Shown> of(String text, List<Finding> findings) {
        String[] lines = text.replace("\r\n", "\n").split("\n", -1);
        return findings.stream().map(f -> {
            int line = f.span().line();
            String lineText = line >= 1 && line <= lines.length ? lines[line - 1] : f.span().text();
            return new Shown(f.rule(), GoldenRule.title(f.rule()), f.severity().wire(), f.message(), f.suggestion(), line,
                    f.span().column(), Html.marked(lineText, f.span().column(), f.span().endColumn()));
        }).toList();
    }
}
