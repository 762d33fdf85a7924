package dev.oro.dataset;

import dev.oro.library.VariableSpec;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Keeps the drafts worth a person's time. A draft must give every required variable a value of
 * a usable type, name no variable the prompt does not declare, and carry an expected answer or a
 * rubric. It must not repeat a seed or an earlier draft, exactly (after normalising case,
 * punctuation and spacing) or nearly (by {@link Similarity}).
 */
public final class DraftCheck {

    /** The kept drafts and the tallies of the dropped ones. */
    public record Outcome(List<Draft> kept, int invalid, int duplicates, int nearDuplicates, List<String> reasons) {
    }

    private final Map<String, VariableSpec> declared;
    private final Similarity similarity;

    public DraftCheck(Map<String, VariableSpec> declared, Similarity similarity) {
        this.declared = declared;
        this.similarity = similarity;
    }

    /** {@code candidates} as the model sent them (parsed JSON); {@code seeds} count as already kept. */
    public Outcome check(List<Object> candidates, List<Draft> seeds) {
        List<Draft> kept = new ArrayList<>();
        List<String> reasons = new ArrayList<>();
        List<Draft> known = new ArrayList<>(seeds);
        List<String> knownNames = new ArrayList<>();
        seeds.forEach(s -> knownNames.add("seed example " + (knownNames.size() + 1)));
        int invalid = 0;
        int duplicates = 0;
        int near = 0;
        for (int i = 0; i < candidates.size(); i++) {
            String name = "draft " + (i + 1);
            Object raw = candidates.get(i);
            String problem = problem(raw);
            if (problem != null) {
                invalid++;
                reasons.add(name + ": " + problem);
                continue;
            }
            Draft d = draft((Map<?, ?>) raw);
            String dropped = null;
            for (int k = 0; k < known.size() && dropped == null; k++) {
                if (normalised(known.get(k)).equals(normalised(d))) {
                    duplicates++;
                    dropped = name + ": duplicate of " + knownNames.get(k);
                } else {
                    double score = similarity.score(known.get(k).text(), d.text());
                    if (score >= similarity.threshold()) {
                        near++;
                        dropped = String.format(Locale.ROOT, "%s: near-duplicate of %s (similarity %.2f)", name, knownNames.get(k), score);
                    }
                }
            }
            if (dropped != null) {
                reasons.add(dropped);
                continue;
            }
            known.add(d);
            knownNames.add(name);
            kept.add(d);
        }
        return new Outcome(kept, invalid, duplicates, near, reasons);
    }

    private String problem(Object raw) {
        if (!(raw instanceof Map<?, ?> m)) {
            return "not an object with 'vars'";
        }
        if (!(m.get("vars") instanceof Map<?, ?> vars)) {
            return "'vars' must be an object of variable values";
        }
        for (Map.Entry<String, VariableSpec> e : declared.entrySet()) {
            Object v = vars.get(e.getKey());
            boolean needed = e.getValue().required() && e.getValue().defaultValue() == null;
            if (needed && (v == null || v instanceof String s && s.isBlank())) {
                return "missing variable '" + e.getKey() + "'";
            }
        }
        for (Map.Entry<?, ?> e : vars.entrySet()) {
            String key = String.valueOf(e.getKey());
            if (!declared.containsKey(key)) {
                return "unknown variable '" + key + "' (declared: " + String.join(", ", declared.keySet()) + ")";
            }
            String type = typeProblem(e.getValue(), declared.get(key).defaultValue());
            if (type != null) {
                return "variable '" + key + "' " + type;
            }
        }
        Object expected = m.get("expected");
        Object rubric = m.get("rubric");
        if (expected != null && !(expected instanceof String) || rubric != null && !(rubric instanceof String)) {
            return "'expected' and 'rubric' must be text";
        }
        if (blank(expected) && blank(rubric)) {
            return "needs an 'expected' answer or a 'rubric'";
        }
        return null;
    }

    /** A value must be of the kind the prompt can render: text, number, true/false, or a list where the default is one. */
    private static String typeProblem(Object value, Object defaultValue) {
        if (value == null) {
            return "is null";
        }
        if (value instanceof Map<?, ?>) {
            return "must be text, a number, true/false or a list, not an object";
        }
        if (defaultValue instanceof List<?> && !(value instanceof List<?>)) {
            return "must be a list, like its default";
        }
        if (defaultValue != null && !(defaultValue instanceof List<?>) && value instanceof List<?>) {
            return "must be a single value, like its default";
        }
        return null;
    }

    private static boolean blank(Object o) {
        return o == null || o.toString().isBlank();
    }

    @SuppressWarnings("unchecked")
    private static Draft draft(Map<?, ?> m) {
        Object description = m.get("description");
        return new Draft(description == null ? null : description.toString(), (Map<String, Object>) m.get("vars"),
                blank(m.get("expected")) ? null : (String) m.get("expected"), blank(m.get("rubric")) ? null : (String) m.get("rubric"));
    }

    /** Case, punctuation and spacing do not make a new test. */
    static String normalised(Draft d) {
        Map<String, String> sorted = new TreeMap<>();
        d.vars().forEach((k, v) -> sorted.put(k, String.valueOf(v).toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}]+", " ").strip()));
        return sorted.toString();
    }
}
