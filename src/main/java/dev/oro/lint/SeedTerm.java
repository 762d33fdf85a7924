package dev.oro.lint;

import dev.oro.library.MessageTemplate;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GR5: a request for code ends with a leading token ({@code import}, {@code SELECT}, {@code def}) the model continues. */
final class SeedTerm implements Rule {

    private static final Pattern CODE = Pattern.compile("(?iu)\\b(?:write|create|implement|generate|escribe|crea|implementa|genera)\\b"
            + "[^.\\n]{0,60}?(?<![\\p{L}])(?:python|java|javascript|typescript|sql|bash|function|script|code|query|class|función|código|consulta|clase)(?![\\p{L}])");
    private static final Pattern SEED = Pattern.compile("^\\s*(?:import|from|select|with|def|class|function|public|package|#include"
            + "|const|let|var|fn|func|<\\?php|<|\\{|\\[|```)", Pattern.CASE_INSENSITIVE);

    @Override
    public List<Finding> check(LintTarget target) {
        Matcher ask = target.findInBody(CODE);
        if (ask == null || Cues.includes(target, "seed")) {
            return List.of();
        }
        List<MessageTemplate> messages = target.source().messages();
        String last = messages.get(messages.size() - 1).template().strip();
        String lastLine = last.substring(last.lastIndexOf('\n') + 1);
        if (SEED.matcher(lastLine).find()) {
            return List.of();
        }
        return List.of(target.finding("GR5", Severity.INFO, ask.start(), ask.end(),
                target.lang().pick("a code request without a seed term the model can continue from",
                        "una petición de código sin término semilla desde el que continuar"),
                target.lang().pick("end the prompt with a leading token such as `import`, `def ` or `SELECT`",
                        "termina el prompt con un término semilla como `import`, `def ` o `SELECT`")));
    }
}
