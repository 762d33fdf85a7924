package dev.oro.eval;

import dev.oro.OroException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.Yaml;
import org.yaml.snakeyaml.error.MarkedYAMLException;
import org.yaml.snakeyaml.nodes.MappingNode;
import org.yaml.snakeyaml.nodes.Node;
import org.yaml.snakeyaml.nodes.NodeTuple;
import org.yaml.snakeyaml.nodes.ScalarNode;
import org.yaml.snakeyaml.nodes.SequenceNode;

/**
 * A YAML document read as plain values; when a line is asked for, it is read once more as a node
 * tree that remembers lines, so that every error can say "evals/qa.yaml line 12: field
 * 'tests[3].vars' ...". The tree is built on the first such question and kept: building it per
 * question made loading a suite quadratic in its size.
 */
final class YamlDoc {

    private final String origin;
    private final Object value;
    private final String text;
    private Node tree;
    private boolean composed;

    private YamlDoc(String origin, Object value, String text) {
        this.origin = origin;
        this.value = value;
        this.text = text;
    }

    private static LoaderOptions options() {
        LoaderOptions options = new LoaderOptions();
        options.setAllowDuplicateKeys(false);
        options.setMaxAliasesForCollections(50);
        options.setCodePointLimit(64 * 1024 * 1024);
        return options;
    }

    static YamlDoc parse(String text, String origin) {
        try {
            return new YamlDoc(origin, new Yaml(options()).load(text), text);
        } catch (MarkedYAMLException e) {
            int line = e.getProblemMark() == null ? 1 : e.getProblemMark().getLine() + 1;
            throw error(origin, line, "invalid YAML: " + e.getProblem());
        } catch (org.yaml.snakeyaml.error.YAMLException e) {
            throw error(origin, 1, "invalid YAML: " + e.getMessage());
        }
    }

    Object value() {
        return value;
    }

    String origin() {
        return origin;
    }

    private synchronized Node tree() {
        if (!composed) {
            tree = new Yaml(options()).compose(new java.io.StringReader(text));
            composed = true;
        }
        return tree;
    }

    /** The line of a path such as {@code tests[3].vars}; the nearest existing parent's line otherwise. */
    int lineOf(String path) {
        Node root = tree();
        Node node = root;
        int line = root == null ? 1 : root.getStartMark().getLine() + 1;
        if (path.isEmpty() || node == null) {
            return line;
        }
        for (String part : path.replace("[", ".[").split("\\.")) {
            if (part.isEmpty()) {
                continue;
            }
            Node next = null;
            if (part.startsWith("[") && node instanceof SequenceNode seq) {
                int i = Integer.parseInt(part.substring(1, part.length() - 1));
                next = i < seq.getValue().size() ? seq.getValue().get(i) : null;
            } else if (node instanceof MappingNode map) {
                for (NodeTuple t : map.getValue()) {
                    if (t.getKeyNode() instanceof ScalarNode k && k.getValue().equals(part)) {
                        next = t.getValueNode();
                        line = t.getKeyNode().getStartMark().getLine() + 1;
                        break;
                    }
                }
            }
            if (next == null) {
                return line;
            }
            node = next;
            if (!(node instanceof ScalarNode) || part.startsWith("[")) {
                line = node.getStartMark().getLine() + 1;
            }
        }
        return line;
    }

    OroException error(String path, String detail) {
        return error(origin, lineOf(path), (path.isEmpty() ? "" : "field '" + path + "' ") + detail);
    }

    static OroException error(String origin, int line, String detail) {
        return new OroException(OroException.Kind.INVALID, "invalid-suite", origin + " line " + line + ": " + detail,
                Map.of("file", origin, "line", line));
    }

    // Small typed readers, each naming the field when the value has the wrong shape.

    @SuppressWarnings("unchecked")
    Map<String, Object> map(Object v, String path) {
        if (v == null) {
            return new LinkedHashMap<>();
        }
        if (!(v instanceof Map<?, ?> m) || !m.keySet().stream().allMatch(String.class::isInstance)) {
            throw error(path, "must be a mapping of names to values");
        }
        return (Map<String, Object>) m;
    }

    List<Object> list(Object v, String path) {
        if (v == null) {
            return new ArrayList<>();
        }
        if (v instanceof List<?> l) {
            return new ArrayList<>(l);
        }
        return new ArrayList<>(List.of(v));
    }

    List<String> strings(Object v, String path) {
        List<String> out = new ArrayList<>();
        List<Object> items = list(v, path);
        for (int i = 0; i < items.size(); i++) {
            if (!(items.get(i) instanceof String s) || s.isBlank()) {
                throw error(path + (v instanceof List<?> ? "[" + i + "]" : ""), "must be text");
            }
            out.add(s);
        }
        return out;
    }
}
