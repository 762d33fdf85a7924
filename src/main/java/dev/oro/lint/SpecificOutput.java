package dev.oro.lint;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GR1: an instruction to write, describe, summarize or explain says how long, in what form, style or for whom. */
final class SpecificOutput implements Rule {

    private static final Pattern ASK = LintTarget.words("write|describe|summari[sz]e|explain|compose|draft"
            + "|escribe|describe|resume|explica|redacta|compón");
    private static final Pattern SPECIFIC = LintTarget.words("short|long|brief|concise|detailed|\\d+|two|three|four|five|ten"
            + "|words?|sentences?|paragraphs?|lines?|pages?|bullets?|bullet points?|list|table|json|markdown|haiku|sonnet"
            + "|stanzas?|limerick|format|style|tone|formal|informal|friendly|inspiring|funny|humorous|audience|for (?:children|kids|beginners|experts)"
            + "|corto|corta|largo|larga|breve|conciso|concisa|detallado|detallada|dos|tres|cuatro|cinco|diez|palabras?|frases?"
            + "|oraciones?|párrafos?|líneas?|páginas?|viñetas?|lista|tabla|formato|estilo|tono|informal|amable|inspirador|inspiradora"
            + "|divertido|divertida|público|para (?:niños|principiantes|expertos)"
            // Code is a precise format of its own; GR5 covers how to ask for it.
            + "|sql|python|java|javascript|function|query|code|script|función|consulta|código");

    @Override
    public List<Finding> check(LintTarget target) {
        Matcher ask = target.findInBody(ASK);
        if (ask == null || target.source().frontMatter().output().isJson() || target.bodyMatches(SPECIFIC)) {
            return List.of();
        }
        return List.of(target.finding("GR1", Severity.WARNING, ask.start(), ask.end(),
                target.lang().pick("the instruction does not say the length, format, style or audience of the output",
                        "la instrucción no indica la extensión, el formato, el estilo ni el público de la salida"),
                target.lang().pick("say what you expect, e.g. \"Write a short inspiring poem in the style of ...\"",
                        "di qué esperas, p. ej. \"Escribe un poema corto e inspirador al estilo de ...\"")));
    }
}
