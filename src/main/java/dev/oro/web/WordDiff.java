package dev.oro.web;

import com.github.difflib.DiffUtils;
import com.github.difflib.patch.AbstractDelta;
import com.github.difflib.patch.DeltaType;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Two outputs compared word by word, as segments the templates escape and mark: what only the
 * left one has is deleted, what only the right one has is inserted. Whitespace is kept as its own
 * token so the text reads as written.
 */
public final class WordDiff {

    /** Outputs longer than this are compared by their first part only; a word diff is quadratic at worst. */
    static final int MAX_TOKENS = 4_000;

    private static final Pattern TOKEN = Pattern.compile("\\s+|[\\p{L}\\p{N}_]+|[^\\s\\p{L}\\p{N}_]");

    public enum Kind { SAME, DELETED, INSERTED }

    public record Segment(String text, Kind kind) {

        public boolean deleted() {
            return kind == Kind.DELETED;
        }

        public boolean inserted() {
            return kind == Kind.INSERTED;
        }
    }

    /** @param changes how many words changed, counting whitespace-only tokens as none */
    public record Result(List<Segment> left, List<Segment> right, int changes) {
    }

    private WordDiff() {
    }

    public static Result of(String left, String right) {
        List<String> a = tokens(left == null ? "" : left);
        List<String> b = tokens(right == null ? "" : right);
        List<Segment> l = new ArrayList<>();
        List<Segment> r = new ArrayList<>();
        int changes = 0;
        int i = 0;
        int j = 0;
        for (AbstractDelta<String> delta : DiffUtils.diff(a, b).getDeltas()) {
            int from = delta.getSource().getPosition();
            int to = delta.getTarget().getPosition();
            add(l, join(a, i, from), Kind.SAME);
            add(r, join(b, j, to), Kind.SAME);
            if (delta.getType() != DeltaType.EQUAL) {
                add(l, String.join("", delta.getSource().getLines()), Kind.DELETED);
                add(r, String.join("", delta.getTarget().getLines()), Kind.INSERTED);
                changes += words(delta.getSource().getLines()) + words(delta.getTarget().getLines());
            }
            i = from + delta.getSource().size();
            j = to + delta.getTarget().size();
        }
        add(l, join(a, i, a.size()), Kind.SAME);
        add(r, join(b, j, b.size()), Kind.SAME);
        return new Result(l, r, changes);
    }

    /** Words, spaces and marks; past {@link #MAX_TOKENS} the rest is one token, so no text is ever dropped. */
    private static List<String> tokens(String text) {
        List<String> out = new ArrayList<>();
        Matcher m = TOKEN.matcher(text);
        int end = 0;
        while (out.size() < MAX_TOKENS && m.find()) {
            out.add(m.group());
            end = m.end();
        }
        if (end < text.length()) {
            out.add(text.substring(end));
        }
        return out;
    }

    private static int words(List<String> tokens) {
        return (int) tokens.stream().filter(t -> !t.isBlank()).count();
    }

    private static String join(List<String> tokens, int from, int to) {
        return String.join("", tokens.subList(from, to));
    }

    private static void add(List<Segment> segments, String text, Kind kind) {
        if (!text.isEmpty()) {
            segments.add(new Segment(text, kind));
        }
    }
}
