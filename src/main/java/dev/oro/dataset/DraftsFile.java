package dev.oro.dataset;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import java.io.IOException;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * Dataset files of drafted tests, in the format suites read ({@code .yaml} or {@code .jsonl}):
 * each entry {description, status: draft, vars, assert}, the expected answer as a
 * {@code similar} assertion and the rubric as {@code llm-rubric}. Writing never replaces a file;
 * deciding on a draft rewrites only that entry's status (and answer), atomically.
 */
public final class DraftsFile {

    private static final ObjectMapper JSON = new ObjectMapper();

    private DraftsFile() {
    }

    /** Writes {@code drafts} to a new file: {@code file} itself, refused if it exists. */
    public static void create(Path file, List<Draft> drafts, String prompt, String header) {
        DatasetFiles.createNew(file, text(file, drafts, prompt, header));
    }

    /** Writes {@code drafts} to {@code dir/base.yaml}, or {@code base-2.yaml}, ... whichever is free first. */
    public static Path createFree(Path dir, String base, List<Draft> drafts, String prompt, String header) {
        while (true) {
            Path file = DatasetFiles.freeName(dir, base, "yaml");
            try {
                create(file, drafts, prompt, header);
                return file;
            } catch (OroException e) {
                if (!Files.exists(file)) {
                    throw e;
                }
                // Another writer took the name between the check and the write: try the next one.
            }
        }
    }

    /** {@code prompt} is recorded in each entry as {@code draftedFor}, so the Annotate page can render the draft. */
    static String text(Path file, List<Draft> drafts, String prompt, String header) {
        if (file.getFileName().toString().endsWith(".jsonl")) {
            StringBuilder out = new StringBuilder();
            for (Draft d : drafts) {
                out.append(json(entry(d, prompt))).append('\n');
            }
            return out.toString();
        }
        if (!file.getFileName().toString().matches(".*\\.ya?ml")) {
            throw OroException.invalid("bad-drafts-file", file + ": drafts are written as .yaml or .jsonl");
        }
        // Every scalar is written as a JSON string, which YAML reads as a double-quoted one: one line
        // each, whatever the text holds, so that accepting a draft can rewrite just its status.
        StringBuilder out = new StringBuilder();
        header.lines().forEach(l -> out.append("# ").append(l).append('\n'));
        for (Draft d : drafts) {
            out.append("- description: ").append(json(d.description() == null ? "" : d.description())).append('\n');
            out.append("  status: \"draft\"\n");
            out.append("  draftedFor: ").append(json(prompt)).append('\n');
            out.append("  vars:\n");
            d.vars().forEach((k, v) -> out.append("    ").append(json(k)).append(": ").append(json(v)).append('\n'));
            out.append("  assert:\n");
            if (d.expected() != null) {
                out.append("    - type: similar\n      value: ").append(json(d.expected())).append('\n');
            }
            if (d.rubric() != null) {
                out.append("    - type: llm-rubric\n      value: ").append(json(d.rubric())).append('\n');
            }
        }
        return out.toString();
    }

    private static Map<String, Object> entry(Draft d, String prompt) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("description", d.description() == null ? "" : d.description());
        e.put("status", "draft");
        e.put("draftedFor", prompt);
        e.put("vars", d.vars());
        List<Map<String, Object>> asserts = new ArrayList<>();
        if (d.expected() != null) {
            asserts.add(Map.of("type", "similar", "value", d.expected()));
        }
        if (d.rubric() != null) {
            asserts.add(Map.of("type", "llm-rubric", "value", d.rubric()));
        }
        e.put("assert", asserts);
        return e;
    }

    /** The entries as plain values, in file order, for the Annotate page. */
    @SuppressWarnings("unchecked")
    public static List<Map<String, Object>> entries(Path file) {
        try {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            List<Map<String, Object>> out = new ArrayList<>();
            if (file.getFileName().toString().endsWith(".jsonl")) {
                for (String line : text.split("\n")) {
                    if (!line.isBlank()) {
                        out.add(JSON.readValue(line, new TypeReference<LinkedHashMap<String, Object>>() {
                        }));
                    }
                }
                return out;
            }
            Object doc = new Yaml(new LoaderOptions()).load(text);
            if (doc instanceof List<?> list) {
                for (Object o : list) {
                    out.add(o instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of());
                }
            }
            return out;
        } catch (IOException | RuntimeException e) {
            throw OroException.invalid("bad-drafts-file", "cannot read the drafts in " + file + ": " + e.getMessage());
        }
    }

    /**
     * Sets the status of entry {@code index} (0-based) and, when {@code expected} is not null, its
     * expected answer. The rest of the file stays byte for byte as it was. Synchronized: two
     * decisions at once would each start from the old text, and the later write would drop the
     * earlier one.
     */
    public static synchronized void decide(Path file, int index, String status, String expected) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw OroException.invalid("bad-drafts-file", "cannot read " + file + ": " + e.getMessage());
        }
        String updated = file.getFileName().toString().endsWith(".jsonl") ? jsonl(file, text, index, status, expected)
                : yaml(file, text, index, status, expected);
        if (!updated.equals(text)) {
            DatasetFiles.replace(file, updated);
        }
    }

    private static String jsonl(Path file, String text, int index, String status, String expected) {
        List<String> lines = new ArrayList<>(List.of(text.split("\n", -1)));
        int seen = -1;
        for (int i = 0; i < lines.size(); i++) {
            if (lines.get(i).isBlank() || ++seen != index) {
                continue;
            }
            Map<String, Object> entry;
            try {
                entry = JSON.readValue(lines.get(i), new TypeReference<LinkedHashMap<String, Object>>() {
                });
            } catch (JsonProcessingException e) {
                throw OroException.invalid("bad-drafts-file", file + " line " + (i + 1) + ": not a JSON object: " + e.getOriginalMessage());
            }
            if (!entry.containsKey("status")) {
                return text;
            }
            entry.put("status", status);
            if (expected != null && entry.get("assert") instanceof List<?> asserts) {
                for (Object a : asserts) {
                    if (a instanceof Map<?, ?> m && "similar".equals(m.get("type"))) {
                        @SuppressWarnings("unchecked")
                        Map<String, Object> writable = (Map<String, Object>) m;
                        writable.put("value", expected);
                        break;
                    }
                }
            }
            lines.set(i, json(entry));
            return String.join("\n", lines);
        }
        throw OroException.notFound("draft-not-found", file + " has no entry " + (index + 1));
    }

    private static String yaml(Path file, String text, int index, String status, String expected) {
        LoaderOptions options = new LoaderOptions();
        Node root;
        try {
            root = new Yaml(options).compose(new StringReader(text));
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw OroException.invalid("bad-drafts-file", file + ": invalid YAML: " + e.getMessage());
        }
        if (!(root instanceof SequenceNode seq) || index >= seq.getValue().size() || !(seq.getValue().get(index) instanceof MappingNode entry)) {
            throw OroException.notFound("draft-not-found", file + " has no entry " + (index + 1));
        }
        // Replacements go from the end of the file backwards, so earlier offsets stay valid.
        List<int[]> spans = new ArrayList<>();
        List<String> values = new ArrayList<>();
        ScalarNode statusNode = scalar(entry, "status");
        if (statusNode == null) {
            return text;
        }
        spans.add(span(text, statusNode));
        values.add(json(status));
        if (expected != null && value(entry, "assert") instanceof SequenceNode asserts) {
            for (Node a : asserts.getValue()) {
                if (a instanceof MappingNode m && scalar(m, "type") != null && scalar(m, "type").getValue().equals("similar")
                        && scalar(m, "value") != null) {
                    spans.add(span(text, scalar(m, "value")));
                    values.add(json(expected));
                    break;
                }
            }
        }
        List<Integer> order = new ArrayList<>(java.util.stream.IntStream.range(0, spans.size()).boxed().toList());
        order.sort((a, b) -> spans.get(b)[0] - spans.get(a)[0]);
        StringBuilder out = new StringBuilder(text);
        for (int i : order) {
            out.replace(spans.get(i)[0], spans.get(i)[1], values.get(i));
        }
        return out.toString();
    }

    /** SnakeYAML's marks count code points; Java strings count chars, and an emoji is two of them. */
    private static int[] span(String text, ScalarNode n) {
        return new int[] {text.offsetByCodePoints(0, n.getStartMark().getIndex()), text.offsetByCodePoints(0, n.getEndMark().getIndex())};
    }

    private static Node value(MappingNode m, String key) {
        for (NodeTuple t : m.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(key)) {
                return t.getValueNode();
            }
        }
        return null;
    }

    private static ScalarNode scalar(MappingNode m, String key) {
        return value(m, key) instanceof ScalarNode s ? s : null;
    }

    private static String json(Object o) {
        try {
            return JSON.writeValueAsString(o);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
