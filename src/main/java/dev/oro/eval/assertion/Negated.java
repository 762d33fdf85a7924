package dev.oro.eval.assertion;

/**
 * The one {@code not-} wrapper for every type: promptfoo's negation is a flag, not a copy of
 * each assertion, and keeping it here means a new family gets it for free.
 */
public record Negated(Assertion inner) implements Assertion {

    @Override
    public AssertionResult evaluate(Output output) {
        AssertionResult r = inner.evaluate(output);
        return new AssertionResult("not-" + r.type(), !r.pass(), 1 - r.score(), "not: " + r.reason(), r.metric(), r.weight());
    }
}
