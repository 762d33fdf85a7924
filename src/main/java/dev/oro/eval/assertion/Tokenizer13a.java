package dev.oro.eval.assertion;

import java.util.Arrays;
import java.util.List;
import java.util.regex.Pattern;

/**
 * sacreBLEU's default {@code 13a} tokenizer (mteval-v13a, as WMT scores): it splits off
 * punctuation and symbols but not apostrophes, and periods and commas only away from digits,
 * so "wasn't" stays one token and "3.5" stays a number. No lowercasing.
 */
final class Tokenizer13a {

    private static final Pattern SYMBOL = Pattern.compile("([{-~\\[-` -&(-+:-@/])");
    private static final Pattern PERIOD_COMMA_AFTER_NON_DIGIT = Pattern.compile("([^0-9])([.,])");
    private static final Pattern PERIOD_COMMA_BEFORE_NON_DIGIT = Pattern.compile("([.,])([^0-9])");
    private static final Pattern DASH_AFTER_DIGIT = Pattern.compile("([0-9])(-)");
    private static final Pattern SPACES = Pattern.compile("\\s+", Pattern.UNICODE_CHARACTER_CLASS);

    private Tokenizer13a() {
    }

    static List<String> tokenize(String line) {
        String s = line.replace("<skipped>", "").replace("-\n", "").replace("\n", " ")
                .replace("&quot;", "\"").replace("&amp;", "&").replace("&lt;", "<").replace("&gt;", ">");
        // The padding lets the period and comma rules see a neighbour at both ends of the line.
        s = " " + s + " ";
        s = SYMBOL.matcher(s).replaceAll(" $1 ");
        s = PERIOD_COMMA_AFTER_NON_DIGIT.matcher(s).replaceAll("$1 $2 ");
        s = PERIOD_COMMA_BEFORE_NON_DIGIT.matcher(s).replaceAll(" $1 $2");
        s = DASH_AFTER_DIGIT.matcher(s).replaceAll("$1 $2 ");
        return Arrays.stream(SPACES.split(s.strip())).filter(t -> !t.isEmpty()).toList();
    }
}
