package dev.oro.lint;

import dev.oro.library.MessageTemplate;
import dev.oro.library.PromptSource;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed prompt and its file text, with what every rule needs: the body (front matter excluded,
 * so a description saying "step by step" satisfies nothing), the language, and file positions.
 */
public record LintTarget(PromptSource source, String text, int bodyStart, Lang lang) {

    public static LintTarget of(PromptSource source) {
        String text = source.text().replace("\r\n", "\n");
        int bodyStart = source.messages().isEmpty() ? 0 : lineStart(text, source.messages().get(0).line());
        return new LintTarget(source, text, bodyStart, Lang.detect(text.substring(bodyStart)));
    }

    public String body() {
        return text.substring(bodyStart);
    }

    /** The first match of {@code pattern} in the body, or null. */
    public Matcher findInBody(Pattern pattern) {
        Matcher m = pattern.matcher(text);
        m.region(bodyStart, text.length());
        return m.find() ? m : null;
    }

    public boolean bodyMatches(Pattern pattern) {
        return findInBody(pattern) != null;
    }

    /** Where a message's template starts in the file. */
    public int offsetOf(MessageTemplate message) {
        return lineStart(text, message.line());
    }

    public Span span(int start, int end) {
        int line = 1;
        int lineStart = 0;
        for (int i = 0; i < start; i++) {
            if (text.charAt(i) == '\n') {
                line++;
                lineStart = i + 1;
            }
        }
        return new Span(line, start - lineStart + 1, end - lineStart + 1, text.substring(start, end));
    }

    public Finding finding(String rule, Severity severity, int start, int end, String message, String suggestion) {
        return new Finding(rule, severity, message, span(start, end), suggestion);
    }

    /** A case-insensitive, Unicode-aware pattern, for vocabularies. */
    public static Pattern words(String regex) {
        return Pattern.compile("(?iu)(?<![\\p{L}\\d_])(?:" + regex + ")(?![\\p{L}\\d_])");
    }

    static int lineStart(String text, int line) {
        int offset = 0;
        for (int l = 1; l < line && offset >= 0; l++) {
            offset = text.indexOf('\n', offset) + 1;
        }
        return Math.max(0, offset);
    }

    String lower() {
        return body().toLowerCase(Locale.ROOT);
    }
}
