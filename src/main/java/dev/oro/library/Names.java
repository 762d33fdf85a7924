package dev.oro.library;

import dev.oro.OroException;
import java.util.regex.Pattern;

/**
 * Prompt and label names become file and folder names, so they are checked before any path
 * is built from them: no separators, no {@code ..}, no control characters, nothing absolute.
 */
public final class Names {

    private static final Pattern NAME = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,63}");

    private Names() {
    }

    public static String requirePromptName(String name) {
        if (name == null || !NAME.matcher(name).matches() || name.contains("..")) {
            throw OroException.invalid("bad-name", "invalid prompt name " + quote(name)
                    + ": use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        return name;
    }

    public static String requireLabel(String label) {
        if (label == null || !NAME.matcher(label).matches() || label.contains("..")) {
            throw OroException.invalid("bad-label", "invalid label " + quote(label)
                    + ": use 1 to 64 letters, digits, '.', '_' or '-', starting with a letter or digit");
        }
        if (label.chars().allMatch(Character::isDigit)) {
            throw OroException.invalid("bad-label", "label '" + label + "' is all digits, which reads as a version number");
        }
        if (label.equals("latest")) {
            throw OroException.invalid("bad-label", "'latest' always means the newest version and cannot be a label");
        }
        return label;
    }

    /** Quotes a user-supplied name for a message, making control characters visible. */
    static String quote(String s) {
        if (s == null) {
            return "(none)";
        }
        StringBuilder out = new StringBuilder("'");
        for (char c : s.toCharArray()) {
            if (Character.isISOControl(c)) {
                out.append(String.format("\\u%04x", (int) c));
            } else {
                out.append(c);
            }
        }
        return out.append('\'').toString();
    }
}
