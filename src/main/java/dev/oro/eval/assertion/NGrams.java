package dev.oro.eval.assertion;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** N-gram counts and their clipped overlap, shared by ROUGE and BLEU. */
final class NGrams {

    private NGrams() {
    }

    static Map<List<String>, Integer> count(List<String> tokens, int n) {
        Map<List<String>, Integer> counts = new HashMap<>();
        for (int i = 0; i + n <= tokens.size(); i++) {
            counts.merge(List.copyOf(tokens.subList(i, i + n)), 1, Integer::sum);
        }
        return counts;
    }

    /** Matches of the candidate's n-grams, each clipped to how often the reference has it. */
    static int clippedOverlap(Map<List<String>, Integer> candidate, Map<List<String>, Integer> reference) {
        int matches = 0;
        for (Map.Entry<List<String>, Integer> e : candidate.entrySet()) {
            matches += Math.min(e.getValue(), reference.getOrDefault(e.getKey(), 0));
        }
        return matches;
    }

    static int total(Map<List<String>, Integer> counts) {
        return counts.values().stream().mapToInt(Integer::intValue).sum();
    }
}
