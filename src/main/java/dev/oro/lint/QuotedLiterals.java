package dev.oro.lint;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GR4: a literal the model must return verbatim ("No answer") is in quotes. */
final class QuotedLiterals implements Rule {

    // The verb, then a capitalised phrase of up to four words ending the clause: `return No answer.`
    private static final Pattern LITERAL = Pattern.compile("(?u)(?i:\\b(?:return|answer with|respond with|reply with|reply|say|output"
            + "|responde(?: con)?|contesta(?: con)?|devuelve|di|escribe solo))\\s+(\\p{Lu}[\\p{L}'/]*(?:[ ][\\p{L}'/]+){0,3})\\s*(?=[.,;:!\\n]|$)");
    private static final Set<String> FORMATS = Set.of("JSON", "YAML", "CSV", "XML", "SQL", "HTML", "Markdown", "Python", "Java");

    @Override
    public List<Finding> check(LintTarget target) {
        List<Finding> findings = new ArrayList<>();
        Matcher m = LITERAL.matcher(target.text());
        m.region(target.bodyStart(), target.text().length());
        while (m.find()) {
            String literal = m.group(1);
            if (FORMATS.contains(literal.split(" ")[0])) {
                continue;
            }
            findings.add(target.finding("GR4", Severity.WARNING, m.start(1), m.end(1),
                    target.lang().pick("the literal the model must return is not quoted: " + literal,
                            "el literal que debe devolver el modelo no está entre comillas: " + literal),
                    target.lang().pick("quote it: \"" + literal + "\"", "ponlo entre comillas: \"" + literal + "\"")));
        }
        return findings;
    }
}
