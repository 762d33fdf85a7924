package dev.oro.eval.assertion;

/**
 * A check of one output: deterministic, or graded by a judge model or embeddings. Sealed so that a switch over assertions is exhaustive
 * and a new family is one new member; build them with {@link Assertions#create}.
 */
public sealed interface Assertion permits TextMatch, RegexMatch, JsonChecks, Levenshtein, Rouge, Bleu, Length, CallFigures, ModelGraded,
        Similar, Negated {

    AssertionResult evaluate(Output output);
}
