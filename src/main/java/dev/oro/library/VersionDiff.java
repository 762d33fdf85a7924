package dev.oro.library;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.github.difflib.DiffUtils;
import com.github.difflib.UnifiedDiffUtils;
import com.github.difflib.patch.Patch;
import com.github.difflib.text.DiffRow;
import com.github.difflib.text.DiffRowGenerator;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * What changed between two versions: a unified diff of the whole file, side-by-side rows for
 * the UI, and the front matter fields that changed (so "temperature 0.7 → 0" reads as such
 * rather than as two edited YAML lines).
 */
public record VersionDiff(String name, int from, int to, String unified, List<FieldChange> frontMatter, List<Row> rows) {

    /** One front matter field, by dotted path, with its old and new value (null when absent). */
    public record FieldChange(String path, Object from, Object to) {
    }

    /** One side-by-side row; {@code tag} is equal, insert, delete or change. */
    public record Row(String tag, String oldLine, String newLine) {
    }

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    public VersionDiff {
        frontMatter = List.copyOf(frontMatter);
        rows = List.copyOf(rows);
    }

    public static VersionDiff between(PromptVersion a, PromptVersion b) {
        List<String> left = lines(a.text());
        List<String> right = lines(b.text());
        Patch<String> patch = DiffUtils.diff(left, right);
        String fromName = "prompts/" + a.name() + "/" + a.fileName();
        String toName = "prompts/" + b.name() + "/" + b.fileName();
        String unified = String.join("\n", UnifiedDiffUtils.generateUnifiedDiff(fromName, toName, left, patch, 3));
        List<Row> rows = new ArrayList<>();
        DiffRowGenerator generator = DiffRowGenerator.create().showInlineDiffs(false)
                // Rows carry the lines as written; the default normalizer HTML-escapes them, and the UI escapes again.
                .lineNormalizer(line -> line).build();
        for (DiffRow row : generator.generateDiffRows(left, right)) {
            rows.add(new Row(row.getTag().name().toLowerCase(java.util.Locale.ROOT), row.getOldLine(), row.getNewLine()));
        }
        return new VersionDiff(a.name(), a.version(), b.version(), unified, fieldChanges(a.text(), b.text()), rows);
    }

    private static List<FieldChange> fieldChanges(String a, String b) {
        Map<String, Object> left = flatten(frontMatterYaml(a));
        Map<String, Object> right = flatten(frontMatterYaml(b));
        List<FieldChange> out = new ArrayList<>();
        for (String key : new TreeSet<>(union(left, right))) {
            if (!Objects.equals(left.get(key), right.get(key))) {
                out.add(new FieldChange(key, left.get(key), right.get(key)));
            }
        }
        return out;
    }

    private static java.util.Set<String> union(Map<String, Object> a, Map<String, Object> b) {
        java.util.Set<String> keys = new TreeSet<>(a.keySet());
        keys.addAll(b.keySet());
        return keys;
    }

    private static Map<String, Object> frontMatterYaml(String text) {
        List<String> lines = lines(text);
        if (lines.isEmpty() || !lines.get(0).strip().equals("---")) {
            return Map.of();
        }
        int end = lines.subList(1, lines.size()).stream().map(String::strip).toList().indexOf("---");
        if (end < 0) {
            return Map.of();
        }
        try {
            Map<String, Object> map = YAML.readValue(String.join("\n", lines.subList(1, end + 1)), new TypeReference<>() {
            });
            return map == null ? Map.of() : map;
        } catch (Exception unreadable) {
            // Both versions parsed when they were created; a hand-broken one just shows no field changes.
            return Map.of();
        }
    }

    private static Map<String, Object> flatten(Map<String, Object> map) {
        Map<String, Object> out = new TreeMap<>();
        flatten("", map, out);
        return out;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(String prefix, Object value, Map<String, Object> out) {
        if (value instanceof Map<?, ?> m && !m.isEmpty()) {
            m.forEach((k, v) -> flatten(prefix.isEmpty() ? String.valueOf(k) : prefix + "." + k, v, out));
        } else {
            out.put(prefix, value);
        }
    }

    private static List<String> lines(String text) {
        return List.of(text.replace("\r\n", "\n").split("\n", -1));
    }
}
