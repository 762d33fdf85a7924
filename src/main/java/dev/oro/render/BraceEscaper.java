package dev.oro.render;

/**
 * Prompts are full of braces that are not template tags: JSON examples ({@code {"name": "x"}}),
 * code, set notation. Before Qute parses a template, every {@code {} that cannot start an Oro
 * tag is escaped, so such text renders unchanged instead of failing or, worse, being read as
 * a namespace ({@code {a: 1}}).
 *
 * <p>A tag is {@code {#…}}, {@code {/…}}, {@code {!…!}}, or an expression starting with a letter
 * or '_'. {@code {name:value}} with no space stays a tag, so that a namespace such as
 * {@code {config:…}} reaches the sandbox check and fails loudly rather than printing itself.
 */
final class BraceEscaper {

    private BraceEscaper() {
    }

    static String escape(String template) {
        StringBuilder out = new StringBuilder(template.length() + 16);
        int n = template.length();
        for (int i = 0; i < n; i++) {
            char c = template.charAt(i);
            if (c == '\\' && i + 1 < n && template.charAt(i + 1) == '{') {
                out.append("\\{");
                i++;
                continue;
            }
            if (c == '{' && !startsTag(template, i)) {
                out.append('\\');
            }
            out.append(c);
        }
        return out.toString();
    }

    private static boolean startsTag(String s, int at) {
        if (at + 1 >= s.length()) {
            return false;
        }
        char next = s.charAt(at + 1);
        if (next == '#' || next == '/' || next == '!') {
            return true;
        }
        if (!(Character.isLetter(next) || next == '_')) {
            return false;
        }
        int close = s.indexOf('}', at);
        if (close < 0) {
            return false;
        }
        String body = s.substring(at + 1, close);
        if (body.indexOf('\n') >= 0) {
            return false;
        }
        // "{key: value}" is data, "{ns:name}" is a namespace expression.
        int colon = body.indexOf(':');
        if (colon > 0 && body.substring(0, colon).matches("[A-Za-z_][A-Za-z0-9_]*")) {
            return colon + 1 < body.length() && !Character.isWhitespace(body.charAt(colon + 1));
        }
        return true;
    }
}
