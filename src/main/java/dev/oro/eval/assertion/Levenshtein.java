package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Assertions.quote;

import org.apache.commons.text.similarity.LevenshteinDistance;

/**
 * levenshtein: the output is within {@code threshold} edits (default 5) of the expected text.
 * The score, 1 - distance / longer length, says how close it came whether or not it passed.
 */
public record Levenshtein(AssertionSpec spec, String expected, int maxDistance) implements Assertion {

    static final int DEFAULT_MAX_DISTANCE = 5;

    static Levenshtein of(AssertionSpec spec) {
        double max = spec.thresholdOr(DEFAULT_MAX_DISTANCE);
        if (max < 0 || max != Math.rint(max)) {
            throw AssertionSpec.invalid("levenshtein's threshold is the largest edit distance allowed: a whole number of 0 or more, got "
                    + spec.threshold());
        }
        return new Levenshtein(spec, spec.text(), (int) max);
    }

    @Override
    public AssertionResult evaluate(Output output) {
        String text = output.text();
        int distance = LevenshteinDistance.getDefaultInstance().apply(text, expected);
        int longer = Math.max(text.length(), expected.length());
        double score = longer == 0 ? 1 : 1 - (double) distance / longer;
        return spec.result(distance <= maxDistance, score,
                "edit distance " + distance + " to " + quote(expected) + " (at most " + maxDistance + " allowed)");
    }
}
