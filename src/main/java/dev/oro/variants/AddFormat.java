package dev.oro.variants;

import dev.oro.lint.Finding;
import dev.oro.lint.Lang;
import dev.oro.library.PromptSource;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GR6: shows the output format after the paragraph that asks for it, e.g. {@code Keywords: <comma_separated_list>}. */
final class AddFormat implements Rewrite {

    // The thing asked for: "Extract keywords", "extract the entities", "list all the cities".
    private static final Pattern OBJECT = Pattern.compile("(?iu)^(?:extract|extrae|extraer|list|lista|enumerate|enumera)\\s+"
            + "(?:(?:the|all|every|of|from|los|las|todos|todas|cada)\\s+)*(\\p{L}+)");

    @Override
    public String rule() {
        return "GR6";
    }

    @Override
    public String what() {
        return "added an output-format block";
    }

    @Override
    public Optional<String> apply(PromptSource source, String text, Lang lang) {
        List<Finding> findings = PromptText.findings(text, rule());
        if (findings.isEmpty()) {
            return Optional.empty();
        }
        text = text.replace("\r\n", "\n");
        int ask = PromptText.offset(text, findings.get(0));
        String block = "{#include format " + lang.pick("", "title=\"Formato deseado\" ") + "spec=\"" + spec(text.substring(ask), lang) + "\" /}";
        int paragraphEnd = text.indexOf("\n\n", ask);
        if (paragraphEnd < 0) {
            return Optional.of(text.stripTrailing() + "\n\n" + block + "\n");
        }
        return Optional.of(text.substring(0, paragraphEnd) + "\n\n" + block + text.substring(paragraphEnd));
    }

    private static String spec(String ask, Lang lang) {
        if (ask.toLowerCase(Locale.ROOT).startsWith("json")) {
            return lang.pick("JSON: <an object with one key per field>", "JSON: <un objeto con una clave por campo>");
        }
        Matcher m = OBJECT.matcher(ask);
        String what = m.find() ? m.group(1) : lang.pick("Item", "Elemento");
        return Character.toUpperCase(what.charAt(0)) + what.substring(1) + ": "
                + lang.pick("<comma_separated_list>", "<lista_separada_por_comas>");
    }
}
