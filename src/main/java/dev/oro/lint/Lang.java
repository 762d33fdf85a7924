package dev.oro.lint;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The prompt's language, guessed by counting stopwords; it picks the vocabulary and the suggestions' language. */
public enum Lang {
    EN, ES;

    private static final Pattern WORD = Pattern.compile("\\p{L}+");
    private static final Set<String> EN_WORDS = Set.of("the", "and", "of", "to", "is", "in", "with", "for", "this", "that",
            "you", "your", "be", "an", "are", "it", "as", "on", "if");
    private static final Set<String> ES_WORDS = Set.of("el", "la", "los", "las", "de", "que", "y", "en", "un", "una", "por",
            "con", "para", "es", "del", "al", "tu", "este", "esta", "si", "no", "lo", "se");

    public static Lang detect(String text) {
        int en = 0;
        int es = 0;
        Matcher m = WORD.matcher(text.toLowerCase(Locale.ROOT));
        while (m.find()) {
            String w = m.group();
            en += EN_WORDS.contains(w) ? 1 : 0;
            es += ES_WORDS.contains(w) ? 1 : 0;
        }
        return es > en ? ES : EN;
    }

    /** The English or the Spanish text, whichever is this language. */
    public String pick(String english, String spanish) {
        return this == ES ? spanish : english;
    }
}
