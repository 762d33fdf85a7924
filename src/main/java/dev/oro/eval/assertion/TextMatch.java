package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Assertions.quote;

import java.util.List;
import java.util.Locale;

/** equals, contains, icontains, contains-any, contains-all and starts-with: literal text, scored 0 or 1. */
public record TextMatch(AssertionSpec spec, List<String> expected) implements Assertion {

    public TextMatch {
        expected = List.copyOf(expected);
    }

    static TextMatch of(AssertionSpec spec) {
        return new TextMatch(spec, spec.type().startsWith("contains-") ? spec.texts() : List.of(spec.text()));
    }

    @Override
    public AssertionResult evaluate(Output output) {
        String text = output.text();
        String first = expected.get(0);
        return switch (spec.type()) {
            case "equals" -> text.equals(first) ? spec.result(true, "output equals " + quote(first))
                    : spec.result(false, "output differs from " + quote(first) + " at character " + firstDifference(text, first));
            case "contains" -> contains(text.contains(first), first);
            case "icontains" -> contains(text.toLowerCase(Locale.ROOT).contains(first.toLowerCase(Locale.ROOT)), first);
            case "starts-with" -> spec.result(text.startsWith(first),
                    (text.startsWith(first) ? "output starts with " : "output does not start with ") + quote(first));
            case "contains-any" -> expected.stream().filter(text::contains).findFirst()
                    .map(found -> spec.result(true, "output contains " + quote(found)))
                    .orElseGet(() -> spec.result(false, "output contains none of " + quoteAll(expected)));
            case "contains-all" -> {
                List<String> missing = expected.stream().filter(e -> !text.contains(e)).toList();
                yield missing.isEmpty() ? spec.result(true, "output contains all of " + quoteAll(expected))
                        : spec.result(false, "output lacks " + quoteAll(missing));
            }
            default -> throw new IllegalStateException("not a text match: " + spec.type());
        };
    }

    private AssertionResult contains(boolean found, String value) {
        return spec.result(found, (found ? "output contains " : "output does not contain ") + quote(value));
    }

    private static int firstDifference(String a, String b) {
        int i = 0;
        while (i < a.length() && i < b.length() && a.charAt(i) == b.charAt(i)) {
            i++;
        }
        return i + 1;
    }

    private static String quoteAll(List<String> values) {
        return String.join(", ", values.stream().map(Assertions::quote).toList());
    }
}
