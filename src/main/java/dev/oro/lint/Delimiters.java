package dev.oro.lint;

import dev.oro.library.MessageTemplate;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * GR3: a variable holding context sits inside {@code """} or {@code ###} delimiters (or a context
 * include), and the instruction comes before the context. A variable inside a sentence is a
 * parameter, not context, and a few-shot slot ({@code Text 3: {text}} after {@code Text 1:}) is fine.
 */
final class Delimiters implements Rule {

    // A line that is only a variable, maybe after a short label: `{text}` or `Text: {text}`.
    private static final Pattern CONTEXT_LINE = Pattern.compile("(?m)^[ \\t]*(?:([\\p{L}][\\p{L} ]{0,30}?)[ \\t]*\\d*[ \\t]*:[ \\t]*)?(\\{[A-Za-z_][\\w.]*\\})[ \\t]*$");

    @Override
    public List<Finding> check(LintTarget target) {
        List<Finding> findings = new ArrayList<>();
        for (MessageTemplate message : target.source().messages()) {
            String t = message.template();
            int base = target.offsetOf(message);
            Matcher m = CONTEXT_LINE.matcher(t);
            boolean first = true;
            while (m.find()) {
                if (delimited(t, m.start(2)) || fewShotSlot(t, m.group(1), m.start())) {
                    first = false;
                    continue;
                }
                String label = m.group(1) == null ? target.lang().pick("Text", "Texto") : m.group(1);
                findings.add(target.finding("GR3", Severity.WARNING, base + m.start(2), base + m.end(2),
                        target.lang().pick("the variable " + m.group(2) + " is not inside delimiters",
                                "la variable " + m.group(2) + " no está entre delimitadores"),
                        label + ": \"\"\"\n" + m.group(2) + "\n\"\"\""));
                if (first && t.substring(0, m.start()).isBlank() && !t.substring(m.end()).isBlank()) {
                    findings.add(target.finding("GR3", Severity.WARNING, base + m.start(2), base + m.end(2),
                            target.lang().pick("the instruction comes after the context", "la instrucción va después del contexto"),
                            target.lang().pick("put the instruction first, then the delimited context",
                                    "pon la instrucción al principio y después el contexto entre delimitadores")));
                }
                first = false;
            }
        }
        return findings;
    }

    private static boolean delimited(String t, int at) {
        String before = t.substring(0, at);
        int quotes = before.split("\"\"\"", -1).length - 1;
        return quotes % 2 == 1 || before.contains("###");
    }

    private static boolean fewShotSlot(String t, String label, int at) {
        return label != null && Pattern.compile("(?m)^\\s*" + Pattern.quote(label.strip()) + "\\s*\\d*\\s*:\\s*[^{\\s]")
                .matcher(t.substring(0, at)).find();
    }
}
