package dev.oro.lint;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GR7: a pattern task (extract, classify, transform) shows examples of the pattern. */
final class FewShot implements Rule {

    private static final Pattern TASK = LintTarget.words("extract|classify|categori[sz]e|transform|convert|keywords"
            + "|extrae|extraer|clasifica|clasificar|categoriza|transforma|convierte|palabras clave");

    @Override
    public List<Finding> check(LintTarget target) {
        Matcher task = target.findInBody(TASK);
        if (task == null || Cues.hasExamples(target)) {
            return List.of();
        }
        return List.of(target.finding("GR7", Severity.INFO, task.start(), task.end(),
                target.lang().pick("a pattern task with no examples (zero-shot)", "una tarea de patrón sin ejemplos (zero-shot)"),
                target.lang().pick("add one or two worked examples (\"Text 1: ... Keywords 1: ...\" separated by ##)",
                        "añade uno o dos ejemplos resueltos (\"Texto 1: ... Palabras clave 1: ...\" separados por ##)")));
    }
}
