package dev.oro.eval.assertion;

/**
 * A deterministic check of one output. Sealed so that a switch over assertions is exhaustive
 * and a new family is one new member; build them with {@link Assertions#create}.
 */
public sealed interface Assertion permits TextMatch, RegexMatch, JsonChecks, Levenshtein, Rouge, Bleu, Length, CallFigures, Negated {

    AssertionResult evaluate(Output output);
}
