package dev.oro.eval.assertion;

import java.util.Map;

/** word-count and length (characters): an exact number or a {@code {min, max}} range, either end open. */
public record Length(AssertionSpec spec, Integer min, Integer max) implements Assertion {

    static Length of(AssertionSpec spec) {
        Object value = spec.value();
        if (value instanceof Number n && isCount(n)) {
            return new Length(spec, n.intValue(), n.intValue());
        }
        if (value instanceof Map<?, ?> range && !range.isEmpty() && range.keySet().stream().allMatch(k -> k.equals("min") || k.equals("max"))
                && range.values().stream().allMatch(v -> v instanceof Number n && isCount(n))) {
            Integer min = range.get("min") == null ? null : ((Number) range.get("min")).intValue();
            Integer max = range.get("max") == null ? null : ((Number) range.get("max")).intValue();
            if (min == null || max == null || min <= max) {
                return new Length(spec, min, max);
            }
        }
        throw spec.needs("a whole number, or {min, max} with whole numbers and min <= max");
    }

    @Override
    public AssertionResult evaluate(Output output) {
        String text = output.text();
        boolean words = spec.type().equals("word-count");
        int count = words ? wordCount(text) : text.codePointCount(0, text.length());
        boolean pass = (min == null || count >= min) && (max == null || count <= max);
        return spec.result(pass, "output has " + count + (words ? " words" : " characters") + ", expected " + expected());
    }

    private String expected() {
        if (min != null && min.equals(max)) {
            return "exactly " + min;
        }
        return min == null ? "at most " + max : max == null ? "at least " + min : min + " to " + max;
    }

    private static int wordCount(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("\\s+").length;
    }

    private static boolean isCount(Number n) {
        return n.doubleValue() >= 0 && n.doubleValue() == Math.rint(n.doubleValue());
    }
}
