package dev.oro.dataset;

import java.util.HashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Jaccard similarity of the texts' word sets: deterministic and instant, blind to synonyms.
 * Good for tests, and for catching drafts that differ by a word or two.
 */
public record LexicalSimilarity(double threshold) implements Similarity {

    public static final double DEFAULT_THRESHOLD = 0.8;

    public LexicalSimilarity() {
        this(DEFAULT_THRESHOLD);
    }

    @Override
    public double score(String a, String b) {
        Set<String> x = words(a);
        Set<String> y = words(b);
        if (x.isEmpty() && y.isEmpty()) {
            return 1;
        }
        Set<String> both = new HashSet<>(x);
        both.retainAll(y);
        Set<String> either = new HashSet<>(x);
        either.addAll(y);
        return (double) both.size() / either.size();
    }

    private static Set<String> words(String text) {
        Set<String> out = new HashSet<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}]+")) {
            if (!w.isEmpty()) {
                out.add(w);
            }
        }
        return out;
    }
}
