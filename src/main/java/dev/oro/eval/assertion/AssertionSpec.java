package dev.oro.eval.assertion;

import dev.oro.OroException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * One {@code assert:} entry of an eval suite, in promptfoo's vocabulary: the type without its
 * {@code not-} prefix, whether it was there, and the literal value (the runner renders
 * {@code {{var}}} before this sees it).
 */
public record AssertionSpec(String type, boolean negated, Object value, double weight, Double threshold, String metric) {

    private static final Set<String> FIELDS = Set.of("type", "value", "weight", "threshold", "metric");

    public AssertionSpec {
        if (type == null || type.isBlank()) {
            throw new IllegalArgumentException("an assertion needs a type");
        }
        if (weight < 0 || Double.isNaN(weight)) {
            throw new IllegalArgumentException("weight must be a number of 0 or more, got " + weight);
        }
        value = freeze(value);
    }

    public static AssertionSpec of(String type, Object value) {
        boolean negated = type.startsWith("not-");
        return new AssertionSpec(negated ? type.substring(4) : type, negated, value, 1, null, null);
    }

    /**
     * Reads and checks one raw entry. {@code where} names it for the user, e.g.
     * "evals/qa.yaml line 12 (tests[3].assert[0])". The assertion is built once here, so a
     * spec that parses never fails later in {@link Assertions#create}, unless it needs a judge
     * or embeddings the run does not have.
     */
    public static AssertionSpec parse(Map<String, Object> raw, String where) {
        try {
            AssertionSpec spec = read(raw);
            Assertions.create(spec, AssertionContext.SHAPE_ONLY);
            return spec;
        } catch (OroException | IllegalArgumentException e) {
            throw OroException.invalid("invalid-assertion", where + ": " + e.getMessage());
        }
    }

    private static AssertionSpec read(Map<String, Object> raw) {
        if (raw == null || !(raw.get("type") instanceof String type) || type.isBlank()) {
            throw invalid(raw == null || raw.get("type") == null ? "type is missing" : "type must be a string");
        }
        for (String key : raw.keySet()) {
            if (!FIELDS.contains(key)) {
                throw invalid("unknown field '" + key + "' (allowed: type, value, weight, threshold, metric)");
            }
        }
        Object weight = raw.getOrDefault("weight", 1);
        if (!(weight instanceof Number w) || !(w.doubleValue() >= 0)) {
            throw invalid("weight must be a number of 0 or more, got '" + weight + "'");
        }
        Object threshold = raw.get("threshold");
        if (threshold != null && !(threshold instanceof Number)) {
            throw invalid("threshold must be a number, got '" + threshold + "'");
        }
        Object metric = raw.get("metric");
        if (metric != null && !(metric instanceof String)) {
            throw invalid("metric must be a string, got '" + metric + "'");
        }
        if (type.strip().equals("not-")) {
            throw invalid("type 'not-' names no assertion");
        }
        AssertionSpec spec = of(type.strip(), raw.get("value"));
        return new AssertionSpec(spec.type, spec.negated, spec.value, w.doubleValue(),
                threshold == null ? null : ((Number) threshold).doubleValue(), (String) metric);
    }

    /** The type as written, with its {@code not-} prefix. */
    public String label() {
        return negated ? "not-" + type : type;
    }

    /** A result carrying this spec's type, weight and metric, so no family forgets them. */
    AssertionResult result(boolean pass, double score, String reason) {
        return new AssertionResult(type, pass, score, reason, metric, weight);
    }

    AssertionResult result(boolean pass, String reason) {
        return result(pass, pass ? 1 : 0, reason);
    }

    double thresholdOr(double fallback) {
        return threshold == null ? fallback : threshold;
    }

    /** The value as one string; YAML numbers and booleans count, as a user typed them. */
    String text() {
        if (value instanceof String || value instanceof Number || value instanceof Boolean) {
            return value.toString();
        }
        throw needs("a string");
    }

    /** The value as a non-empty list of strings. */
    List<String> texts() {
        return strings(value).filter(texts -> value instanceof List).orElseThrow(() -> needs("a list of strings"));
    }

    /** A string, or a non-empty list of strings, as reference texts are given; empty for anything else. */
    static Optional<List<String>> strings(Object v) {
        if (v instanceof String s) {
            return Optional.of(List.of(s));
        }
        if (v instanceof List<?> list && !list.isEmpty() && list.stream().allMatch(x -> x instanceof String || x instanceof Number)) {
            return Optional.of(list.stream().map(Object::toString).toList());
        }
        return Optional.empty();
    }

    /** A threshold on a score, which can only mean something between 0 and 1. */
    double scoreThreshold(double fallback) {
        double t = thresholdOr(fallback);
        if (t < 0 || t > 1) {
            throw invalid(type + "'s threshold is a score between 0 and 1, got " + t);
        }
        return t;
    }

    OroException needs(String what) {
        return invalid(type + " needs " + what + " as value"
                + (value == null ? " (value is missing)" : ", got '" + value + "'"));
    }

    static OroException invalid(String detail) {
        return OroException.invalid("invalid-assertion", detail);
    }

    // YAML maps may hold nulls (json-path's `equals: null`), which Map.copyOf refuses.
    private static Object freeze(Object value) {
        if (value instanceof Map<?, ?> map) {
            Map<String, Object> copy = new LinkedHashMap<>();
            map.forEach((k, v) -> copy.put(String.valueOf(k), freeze(v)));
            return Collections.unmodifiableMap(copy);
        }
        if (value instanceof List<?> list) {
            List<Object> copy = new ArrayList<>();
            list.forEach(v -> copy.add(freeze(v)));
            return Collections.unmodifiableList(copy);
        }
        return value;
    }
}
