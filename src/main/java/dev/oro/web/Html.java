package dev.oro.web;

import io.quarkus.qute.RawString;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The few places the prompt pages build HTML in Java instead of letting Qute escape a value:
 * highlighting inside user text. Every character of user text passes through {@link #escape}
 * before any markup is added around it, so a prompt holding {@code <script>} stays text.
 */
final class Html {

    // An Oro tag, as the sandbox reads one: an expression starting with a letter or '_', or a section {#…}/{/…}.
    private static final Pattern TAG = Pattern.compile("\\{(?:[A-Za-z_][^{}\\n]*|[#/][^{}\\n]*)\\}");

    private Html() {
    }

    static String escape(String s) {
        StringBuilder out = new StringBuilder(s.length() + 16);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** Template text with its variables ({@code {text}}) and sections ({@code {#if}}) highlighted. */
    static RawString template(String text) {
        StringBuilder out = new StringBuilder();
        Matcher m = TAG.matcher(text);
        int at = 0;
        while (m.find()) {
            out.append(escape(text.substring(at, m.start())));
            String cls = m.group().charAt(1) == '#' || m.group().charAt(1) == '/' ? "sec" : "var";
            out.append("<span class=\"").append(cls).append("\">").append(escape(m.group())).append("</span>");
            at = m.end();
        }
        out.append(escape(text.substring(at)));
        return new RawString(out.toString());
    }

    /** One line with columns {@code [from, to)} (1-based) marked, as a lint finding points at them. */
    static RawString marked(String line, int from, int to) {
        int a = Math.max(0, Math.min(line.length(), from - 1));
        int b = Math.max(a, Math.min(line.length(), to - 1));
        return new RawString(escape(line.substring(0, a)) + "<mark>" + escape(line.substring(a, b)) + "</mark>"
                + escape(line.substring(b)));
    }

    /**
     * The two sides of a changed line with the changed words wrapped in {@code <del>} and
     * {@code <ins>}, so a one-word edit in a long line is visible at a glance.
     */
    static RawString[] wordDiff(String oldLine, String newLine) {
        WordDiff.Result diff = WordDiff.of(oldLine, newLine);
        return new RawString[] {wrapChanged(diff.left(), "del"), wrapChanged(diff.right(), "ins")};
    }

    private static RawString wrapChanged(List<WordDiff.Segment> segments, String tag) {
        StringBuilder out = new StringBuilder();
        for (WordDiff.Segment s : segments) {
            boolean changed = s.kind() != WordDiff.Kind.SAME;
            out.append(changed ? "<" + tag + ">" : "").append(escape(s.text())).append(changed ? "</" + tag + ">" : "");
        }
        return new RawString(out.toString());
    }
}
