package dev.oro.lint;

import java.util.Arrays;

/**
 * The nine golden rules by id: a short title for badges and filters, and the rule as a sentence
 * for a model judging a prompt against it. The heuristics that check them are the {@link Rule}s.
 */
public enum GoldenRule {
    GR1("say what output you want",
            "Be specific, descriptive and detailed about the desired output: its length, format, style and audience."),
    GR2("precise wording",
            "Avoid vague or imprecise quantities such as \"fairly short\" or \"a few sentences\"; state precise constraints."),
    GR3("delimit the context",
            "Put the instruction first, and put the context, especially inserted variables, inside delimiters such as \"\"\" or ###."),
    GR4("quote literals", "Put in quotes any literal string the model must return, such as \"No answer\"."),
    GR5("seed term", "For code or structured completions, end with a leading (seed) term the model continues, such as import or SELECT."),
    GR6("show the output format", "Show the desired output format, for example with a format block or a placeholder template."),
    GR7("few-shot examples", "For pattern tasks (extraction, classification, transformation), give few-shot examples of input and output."),
    GR8("chain of thought",
            "For multi-step reasoning or arithmetic, ask for chain of thought (reason step by step) or show a worked example."),
    GR9("role prompting", "Give the model a role that tells it how to act, such as \"You are a literature professor\".");

    private final String title;
    private final String statement;

    GoldenRule(String title, String statement) {
        this.title = title;
        this.statement = statement;
    }

    public String title() {
        return title;
    }

    public String statement() {
        return statement;
    }

    /** The title of a rule id, or the id itself when it names no golden rule. */
    public static String title(String id) {
        return Arrays.stream(values()).filter(r -> r.name().equals(id)).map(GoldenRule::title).findFirst().orElse(id);
    }
}
