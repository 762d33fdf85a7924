package dev.oro.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GR2: vague quantities ("fairly short", "un poco") instead of a precise constraint. */
final class VagueWording implements Rule {

    private static final Pattern VAGUE = LintTarget.words("fairly (?:short|long|brief)|quite (?:short|long|brief)|rather (?:short|long)"
            + "|a few (?:sentences|words|lines|paragraphs|points)|not too (?:much|long|short|many)|somewhat|kind of|sort of"
            + "|a (?:little )?bit (?:longer|shorter)|more or less"
            + "|un poco|no (?:demasiado|muy) (?:larg[oa]s?|cort[oa]s?|extens[oa]s?)|algunas (?:frases|oraciones|líneas|palabras)"
            + "|unas (?:pocas|cuantas) (?:frases|oraciones|líneas|palabras)|bastante (?:cort[oa]|breve|larg[oa])|más o menos"
            + "|relativamente (?:cort[oa]|breve|larg[oa])");

    @Override
    public List<Finding> check(LintTarget target) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = VAGUE.matcher(target.text());
        m.region(target.bodyStart(), target.text().length());
        while (m.find()) {
            findings.add(target.finding("GR2", Severity.WARNING, m.start(), m.end(),
                    target.lang().pick("vague wording: \"" + m.group() + "\"", "expresión imprecisa: \"" + m.group() + "\""),
                    target.lang().pick("state a precise constraint, e.g. \"Use a 3 to 5 sentence paragraph\"",
                            "da una restricción precisa, p. ej. \"Usa un párrafo de 3 a 5 frases\"")));
        }
        return findings;
    }
}
