package dev.oro.lint;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GR6: an extraction, listing or JSON request shows the format it wants back. */
final class OutputFormat implements Rule {

    private static final Pattern ASK = LintTarget.words("extract|json|list (?:all|the|every)|enumerate|extrae|extraer|enumera"
            + "|lista (?:todos|todas|los|las|cada)");
    private static final Pattern SHOWN = Pattern.compile("(?imu)(?:desired |output |expected )?format(?:o)?(?: deseado| de salida)?\\s*:"
            + "|<[\\w ]+>|\\{#include\\s+format\\b");

    @Override
    public List<Finding> check(LintTarget target) {
        Matcher ask = target.findInBody(ASK);
        if (ask == null || target.source().frontMatter().output().isJson() || target.bodyMatches(SHOWN) || Cues.hasExamples(target)) {
            return List.of();
        }
        return List.of(target.finding("GR6", Severity.WARNING, ask.start(), ask.end(),
                target.lang().pick("the request does not show the output format", "la petición no muestra el formato de salida"),
                target.lang().pick("add a \"Desired format:\" block, e.g. \"Company names: <comma_separated_list>\"",
                        "añade un bloque \"Formato deseado:\", p. ej. \"Empresas: <lista_separada_por_comas>\"")));
    }
}
