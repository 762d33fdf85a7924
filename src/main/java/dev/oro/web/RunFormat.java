package dev.oro.web;

import dev.oro.eval.stats.Interval;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Numbers and times as the run pages print them, in one place so every page reads the same. */
final class RunFormat {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm", Locale.ROOT).withZone(ZoneOffset.UTC);

    private RunFormat() {
    }

    static String percent(double fraction) {
        return String.format(Locale.ROOT, "%.1f%%", 100 * fraction);
    }

    static String interval(Interval i) {
        return String.format(Locale.ROOT, "%.1f–%.1f%%", 100 * i.low(), 100 * i.high());
    }

    static String when(Instant t) {
        return t == null ? "" : WHEN.format(t) + " UTC";
    }

    static String cost(double dollars) {
        return dollars == 0 ? "$0" : String.format(Locale.ROOT, "$%.4f", dollars);
    }

    static String score(double score) {
        return String.format(Locale.ROOT, "%.2f", score);
    }

    static String url(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** The first characters of a text on one line, for a cell that expands to the rest. */
    static String preview(String text, int max) {
        if (text == null) {
            return "";
        }
        String line = text.strip().replaceAll("\\s+", " ");
        return line.length() <= max ? line : line.substring(0, max - 1) + "…";
    }

    static String shortId(String id) {
        return id.length() > 8 ? id.substring(0, 8) : id;
    }
}
