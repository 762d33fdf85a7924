package dev.oro.lint;

import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** GR8: a multi-step reasoning or arithmetic task asks for (or shows) step-by-step reasoning. */
final class ChainOfThought implements Rule {

    private static final Pattern TASK = LintTarget.words("how many|how much|calculate|compute|solve|word problem"
            + "|cuántos|cuántas|cuánto|cuánta|calcula|calcular|resuelve|resolver|problema");
    private static final Pattern COT = Pattern.compile("(?iu)step by step|step-by-step|paso a paso|let's think|think it through"
            + "|show your (?:work|reasoning)|explain your reasoning|razona|muestra tu razonamiento|\\{#include\\s+cot\\b"
            + "|\\d+\\s*[-+*/×x]\\s*\\d+\\s*=\\s*\\d+");

    @Override
    public List<Finding> check(LintTarget target) {
        Matcher task = target.findInBody(TASK);
        if (task == null || target.bodyMatches(COT)) {
            return List.of();
        }
        return List.of(target.finding("GR8", Severity.INFO, task.start(), task.end(),
                target.lang().pick("a reasoning task without a chain-of-thought cue", "una tarea de razonamiento sin cadena de pensamiento"),
                target.lang().pick("ask to \"think step by step\" or show a worked example with its reasoning",
                        "pide \"razona paso a paso\" o muestra un ejemplo resuelto con su razonamiento")));
    }
}
