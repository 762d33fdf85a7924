package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Assertions.quote;

import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** regex: a Java pattern found anywhere in the output, compiled once when the suite is read. */
public record RegexMatch(AssertionSpec spec, Pattern pattern) implements Assertion {

    static RegexMatch of(AssertionSpec spec) {
        String regex = spec.text();
        try {
            return new RegexMatch(spec, Pattern.compile(regex));
        } catch (PatternSyntaxException e) {
            throw AssertionSpec.invalid("regex " + quote(regex) + " is not a valid Java regular expression: "
                    + e.getDescription() + " near index " + e.getIndex());
        }
    }

    @Override
    public AssertionResult evaluate(Output output) {
        Matcher m = pattern.matcher(output.text());
        return m.find() ? spec.result(true, "output matches /" + pattern + "/ with " + quote(m.group()))
                : spec.result(false, "output has no match for /" + pattern + "/");
    }
}
