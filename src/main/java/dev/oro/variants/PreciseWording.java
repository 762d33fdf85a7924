package dev.oro.variants;

import dev.oro.lint.Finding;
import dev.oro.lint.Lang;
import dev.oro.library.PromptSource;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/** GR2: replaces each vague phrase the linter flags with a precise constraint ("fairly short" becomes "3 to 5 sentences long"). */
final class PreciseWording implements Rewrite {

    // First match wins; an empty replacement drops a hedge ("somewhat", "more or less").
    private static final Map<Pattern, String> PRECISE = ordered(
            "(?:fairly|quite|rather) (?:short|brief)", "3 to 5 sentences long",
            "(?:fairly|quite|rather) long", "2 to 3 paragraphs long",
            "a few (sentences|words|lines|paragraphs|points)", "3 to 5 $1",
            "not too much", "no",
            "not too long", "at most 5 sentences long",
            "not too short", "at least 3 sentences long",
            "not too many", "at most 5",
            "a (?:little )?bit longer", "about 50% longer",
            "a (?:little )?bit shorter", "about half as long",
            "no (?:demasiado|muy) (?:larg|extens)[oa]s?", "de 5 frases como máximo",
            "no (?:demasiado|muy) cort[oa]s?", "de 3 frases como mínimo",
            "(?:algunas|unas pocas|unas cuantas) (frases|oraciones|líneas|palabras)", "de 3 a 5 $1",
            "(?:bastante|relativamente) (?:cort[oa]|breve)", "de 3 a 5 frases",
            "(?:bastante|relativamente) larg[oa]", "de 2 a 3 párrafos",
            "somewhat|kind of|sort of|more or less|un poco|más o menos", "");

    @Override
    public String rule() {
        return "GR2";
    }

    @Override
    public String what() {
        return "replaced vague wording with a precise constraint";
    }

    @Override
    public Optional<String> apply(PromptSource source, String text, Lang lang) {
        List<Finding> findings = new ArrayList<>(PromptText.findings(text, rule()));
        java.util.Collections.reverse(findings);
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        text = text.replace("\r\n", "\n");
        StringBuilder out = new StringBuilder(text);
        // From the end, so earlier offsets stay valid.
        for (Finding f : findings) {
            int start = PromptText.offset(text, f);
            int end = start + f.span().text().length();
            String vague = f.span().text();
            String precise = precise(vague);
            if (precise.isEmpty() && end < out.length() && out.charAt(end) == ' ') {
                end++;
            }
            out.replace(start, end, precise);
        }
        return Optional.of(out.toString());
    }

    private static String precise(String vague) {
        for (Map.Entry<Pattern, String> e : PRECISE.entrySet()) {
            var m = e.getKey().matcher(vague.toLowerCase(Locale.ROOT));
            if (m.matches()) {
                return m.replaceFirst(e.getValue());
            }
        }
        return "";
    }

    private static Map<Pattern, String> ordered(String... pairs) {
        Map<Pattern, String> map = new java.util.LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(Pattern.compile(pairs[i]), pairs[i + 1]);
        }
        return map;
    }
}
