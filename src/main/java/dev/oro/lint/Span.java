package dev.oro.lint;

/** Where a finding points: a 1-based line and columns {@code [column, endColumn)} of the file, and the text there. */
public record Span(int line, int column, int endColumn, String text) {
}
