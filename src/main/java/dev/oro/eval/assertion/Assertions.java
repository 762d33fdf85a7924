package dev.oro.eval.assertion;

import java.util.List;
import java.util.Set;

/** Turns a spec into its assertion: the one place that knows which family owns which type. */
public final class Assertions {

    /** Every type Oro knows, without the {@code not-} prefix that any of them takes. */
    public static final List<String> TYPES = List.of("answer-relevance", "bleu", "contains", "contains-all", "contains-any",
            "contains-json", "cost", "equals", "factuality", "finish-reason", "g-eval", "icontains", "is-json", "json-path",
            "json-schema", "latency", "length", "levenshtein", "llm-rubric", "regex", "rouge-n", "similar", "starts-with", "word-count");

    // A threshold anywhere else would be silently ignored, which reads as a check that is not made.
    private static final Set<String> WITH_THRESHOLD = Set.of("answer-relevance", "bleu", "cost", "g-eval", "latency", "levenshtein",
            "llm-rubric", "rouge-n", "similar");

    private Assertions() {
    }

    /** A pure assertion; a type that needs a judge or embeddings is refused. */
    public static Assertion create(AssertionSpec spec) {
        return create(spec, AssertionContext.NONE);
    }

    /** Any assertion; one that needs the context's judge or embeddings while it has none is refused. */
    public static Assertion create(AssertionSpec spec, AssertionContext context) {
        Assertion assertion = switch (spec.type()) {
            case "equals", "contains", "icontains", "contains-any", "contains-all", "starts-with" -> TextMatch.of(spec);
            case "regex" -> RegexMatch.of(spec);
            case "is-json", "contains-json", "json-schema", "json-path" -> JsonChecks.of(spec);
            case "levenshtein" -> Levenshtein.of(spec);
            case "rouge-n" -> Rouge.of(spec);
            case "bleu" -> Bleu.of(spec);
            case "word-count", "length" -> Length.of(spec);
            case "latency", "cost", "finish-reason" -> CallFigures.of(spec);
            case "llm-rubric", "factuality", "answer-relevance", "g-eval" -> ModelGraded.of(spec, context.judge());
            case "similar" -> Similar.of(spec, context.embeddings());
            default -> throw AssertionSpec.invalid("unknown assertion type '" + spec.label() + "'; known types: "
                    + String.join(", ", TYPES) + " (each also as not-<type>)");
        };
        if (spec.threshold() != null && !WITH_THRESHOLD.contains(spec.type())) {
            throw AssertionSpec.invalid("threshold has no meaning for " + spec.type()
                    + " (only for " + String.join(", ", WITH_THRESHOLD.stream().sorted().toList()) + ")");
        }
        return spec.negated() ? new Negated(assertion) : assertion;
    }

    /** Quotes a value for a reason, cut short so that one long expectation does not fill the matrix. */
    static String quote(String s) {
        return "'" + (s.length() > 80 ? s.substring(0, 77) + "..." : s) + "'";
    }
}
