package dev.oro.eval.assertion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * bleu: BLEU against one or more references, computed as sacreBLEU does by default (13a
 * tokens, case kept, up to 4-grams, clipped counts, geometric mean, brevity penalty against the
 * closest reference length, ties to the shorter). Passes at the threshold (default 0.5).
 *
 * <p>Unlike sacreBLEU, which smooths with its "exp" method, nothing is smoothed: an n-gram order
 * with no match gives 0. The two agree whenever every order has a match. One output is scored
 * with sacreBLEU's sentence-level "effective order", so a three-word answer is not zero for
 * having no 4-grams at all.
 */
public record Bleu(AssertionSpec spec, List<String> references, double threshold) implements Assertion {

    static final double DEFAULT_THRESHOLD = 0.5;
    private static final int MAX_ORDER = 4;

    public Bleu {
        references = List.copyOf(references);
    }

    static Bleu of(AssertionSpec spec) {
        List<String> references = AssertionSpec.strings(spec.value()).orElseThrow(() -> spec.needs("a reference string or a list of them"));
        return new Bleu(spec, references, spec.scoreThreshold(DEFAULT_THRESHOLD));
    }

    /** BLEU as a fraction, with the figures sacreBLEU prints beside it; precisions are fractions too. */
    public record Score(double bleu, List<Double> precisions, double brevityPenalty, int hypothesisLength, int referenceLength) {
    }

    @Override
    public AssertionResult evaluate(Output output) {
        Score s = score(List.of(output.text()), references.stream().map(List::of).toList(), true);
        List<String> percents = s.precisions().stream().map(p -> String.format(Locale.ROOT, "%.1f", 100 * p)).toList();
        return spec.result(s.bleu() >= threshold, s.bleu(), String.format(Locale.ROOT, "BLEU %.4f (%s, BP %.3f; must reach %.2f)",
                s.bleu(), String.join("/", percents), s.brevityPenalty(), threshold));
    }

    /**
     * Corpus BLEU with sacreBLEU's layout: {@code references} holds reference streams, each
     * parallel to {@code hypotheses} (the k-th stream gives every sentence its k-th reference).
     */
    public static double corpusBleu(List<String> hypotheses, List<List<String>> references) {
        return score(hypotheses, references, false).bleu();
    }

    public static Score score(List<String> hypotheses, List<List<String>> references, boolean effectiveOrder) {
        if (references.isEmpty() || references.stream().anyMatch(stream -> stream.size() != hypotheses.size())) {
            throw new IllegalArgumentException("every reference stream needs one sentence per hypothesis");
        }
        int[] matches = new int[MAX_ORDER];
        int[] totals = new int[MAX_ORDER];
        int hypothesisLength = 0;
        int referenceLength = 0;
        for (int i = 0; i < hypotheses.size(); i++) {
            List<String> hypothesis = Tokenizer13a.tokenize(hypotheses.get(i));
            List<List<String>> refs = new ArrayList<>();
            for (List<String> stream : references) {
                refs.add(Tokenizer13a.tokenize(stream.get(i)));
            }
            hypothesisLength += hypothesis.size();
            referenceLength += closestLength(hypothesis.size(), refs);
            for (int n = 1; n <= MAX_ORDER; n++) {
                Map<List<String>, Integer> candidate = NGrams.count(hypothesis, n);
                matches[n - 1] += NGrams.clippedOverlap(candidate, mostInAnyReference(refs, n));
                totals[n - 1] += NGrams.total(candidate);
            }
        }
        return combine(matches, totals, hypothesisLength, referenceLength, effectiveOrder);
    }

    private static Score combine(int[] matches, int[] totals, int hypothesisLength, int referenceLength, boolean effectiveOrder) {
        int order = MAX_ORDER;
        while (effectiveOrder && order > 0 && totals[order - 1] == 0) {
            order--;
        }
        List<Double> precisions = new ArrayList<>();
        double logSum = 0;
        for (int n = 0; n < MAX_ORDER; n++) {
            precisions.add(totals[n] == 0 ? 0 : (double) matches[n] / totals[n]);
            logSum += n < order ? Math.log(precisions.get(n)) : 0;
        }
        double bp = hypothesisLength == 0 ? 0 : hypothesisLength < referenceLength ? Math.exp(1 - (double) referenceLength / hypothesisLength) : 1;
        double bleu = order == 0 || Double.isInfinite(logSum) ? 0 : bp * Math.exp(logSum / order);
        return new Score(bleu, precisions, bp, hypothesisLength, referenceLength);
    }

    /** The reference length closest to the hypothesis; of two equally close, the shorter. */
    static int closestLength(int hypothesisLength, List<List<String>> refs) {
        int best = refs.get(0).size();
        for (List<String> ref : refs) {
            int diff = Math.abs(ref.size() - hypothesisLength);
            int bestDiff = Math.abs(best - hypothesisLength);
            if (diff < bestDiff || diff == bestDiff && ref.size() < best) {
                best = ref.size();
            }
        }
        return best;
    }

    // Clipping counts an n-gram up to the most times any one reference has it.
    private static Map<List<String>, Integer> mostInAnyReference(List<List<String>> refs, int n) {
        Map<List<String>, Integer> most = new HashMap<>();
        for (List<String> ref : refs) {
            NGrams.count(ref, n).forEach((gram, count) -> most.merge(gram, count, Math::max));
        }
        return most;
    }
}
