package dev.oro.eval.assertion;

import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * rouge-n: n-gram overlap with reference text, after Lin (2004), "ROUGE: A Package for Automatic
 * Evaluation of Summaries". Passes when F reaches the threshold (default 0.75).
 *
 * <p>Value: a reference, a list of references, or {@code {reference, n}} (n defaults to 1).
 * Tokens are lowercased runs of letters and digits, without stemming. With several references
 * the score is the best pairwise one, by F, as Lin's multi-reference ROUGE-N takes the maximum.
 */
public record Rouge(AssertionSpec spec, List<String> references, int n, double threshold) implements Assertion {

    static final double DEFAULT_THRESHOLD = 0.75;

    public Rouge {
        references = List.copyOf(references);
    }

    static Rouge of(AssertionSpec spec) {
        String shape = "a reference string, a list of them, or {reference, n} with n a whole number of 1 or more";
        // A plain string or list is the short form of {reference: ...}; one path checks both.
        Map<String, Object> map = new HashMap<>();
        if (spec.value() instanceof Map<?, ?> m) {
            m.forEach((k, v) -> map.put(k.toString(), v));
        } else {
            map.put("reference", spec.value());
        }
        Object n = map.getOrDefault("n", 1);
        if (!(n instanceof Integer order) || order < 1 || !map.keySet().stream().allMatch(k -> k.equals("reference") || k.equals("n"))) {
            throw spec.needs(shape);
        }
        List<String> references = AssertionSpec.strings(map.get("reference")).orElseThrow(() -> spec.needs(shape));
        return new Rouge(spec, references, order, spec.scoreThreshold(DEFAULT_THRESHOLD));
    }

    /** Clipped n-gram matches against one reference, with the counts they are fractions of. */
    public record Overlap(int matches, int referenceCount, int candidateCount) {

        public double recall() {
            return referenceCount == 0 ? 0 : (double) matches / referenceCount;
        }

        public double precision() {
            return candidateCount == 0 ? 0 : (double) matches / candidateCount;
        }

        public double f() {
            double r = recall();
            double p = precision();
            return r + p == 0 ? 0 : 2 * r * p / (r + p);
        }
    }

    public static Overlap rougeN(String candidate, String reference, int n) {
        Map<List<String>, Integer> cand = NGrams.count(tokens(candidate), n);
        Map<List<String>, Integer> ref = NGrams.count(tokens(reference), n);
        return new Overlap(NGrams.clippedOverlap(cand, ref), NGrams.total(ref), NGrams.total(cand));
    }

    @Override
    public AssertionResult evaluate(Output output) {
        Overlap best = references.stream().map(r -> rougeN(output.text(), r, n)).max(Comparator.comparingDouble(Overlap::f)).orElseThrow();
        return spec.result(best.f() >= threshold, best.f(), String.format(Locale.ROOT, "ROUGE-%d R=%.3f P=%.3f F=%.3f (F must reach %.2f)",
                n, best.recall(), best.precision(), best.f(), threshold));
    }

    static List<String> tokens(String text) {
        return Arrays.stream(text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")).filter(t -> !t.isEmpty()).toList();
    }
}
