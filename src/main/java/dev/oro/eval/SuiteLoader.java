package dev.oro.eval;

import dev.oro.OroException;
import dev.oro.library.PromptRef;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads a suite file and the datasets it names. Every error names the file, the line and the field. */
public final class SuiteLoader {

    /** What the store keeps of a suite's description. */
    static final int MAX_DESCRIPTION = 4000;
    static final Set<String> FIELDS = Set.of("description", "prompts", "models", "providers", "params", "repeat", "tests",
            "defaultTest", "judge");
    static final Set<String> TEST_FIELDS = Set.of("description", "vars", "assert");

    private SuiteLoader() {
    }

    public static Suite load(Path file) {
        return load(file, file.toString());
    }

    /** {@code origin} names the file in errors and in the stored run, e.g. a path relative to the evals folder. */
    public static Suite load(Path file, String origin) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            throw OroException.notFound("suite-not-found", "no suite file " + origin);
        } catch (IOException e) {
            throw OroException.invalid("bad-suite", "cannot read " + origin + ": " + e.getMessage());
        }
        return parse(text, origin, file.toAbsolutePath().getParent());
    }

    public static Suite parse(String text, String origin, Path baseDir) {
        YamlDoc doc = YamlDoc.parse(text, origin);
        Map<String, Object> root = doc.map(doc.value(), "");
        for (String key : root.keySet()) {
            if (!FIELDS.contains(key)) {
                throw doc.error(key, "is not a suite field (fields: " + String.join(", ", new java.util.TreeSet<>(FIELDS)) + ")");
            }
        }
        List<String> prompts = doc.strings(root.get("prompts"), "prompts");
        if (prompts.isEmpty()) {
            throw doc.error("", "a suite needs 'prompts', e.g. prompts: [qa@1, qa@production]");
        }
        for (int i = 0; i < prompts.size(); i++) {
            try {
                PromptRef.parse(prompts.get(i));
            } catch (OroException e) {
                throw doc.error("prompts" + (root.get("prompts") instanceof List<?> ? "[" + i + "]" : ""), "has " + e.detail());
            }
        }
        String modelsKey = root.containsKey("models") ? "models" : "providers";
        List<String> models = doc.strings(root.get(modelsKey), modelsKey);
        for (int i = 0; i < models.size(); i++) {
            if (models.get(i).contains(":")) {
                throw doc.error(modelsKey, "names '" + models.get(i) + "'; Oro names model profiles from models/ instead,"
                        + " e.g. create models/" + models.get(i).substring(models.get(i).indexOf(':') + 1) + ".yaml");
            }
        }
        Map<String, List<Object>> params = new LinkedHashMap<>();
        doc.map(root.get("params"), "params").forEach((k, v) -> params.put(k, doc.list(v, "params." + k)));
        for (Map.Entry<String, List<Object>> axis : params.entrySet()) {
            for (Object value : axis.getValue()) {
                String problem = dev.oro.library.ParamsCheck.problem(axis.getKey(), value);
                if (problem != null) {
                    throw doc.error("params." + axis.getKey(), problem);
                }
            }
        }
        int repeat = 1;
        if (root.containsKey("repeat")) {
            if (!(root.get("repeat") instanceof Integer r) || r < 1) {
                throw doc.error("repeat", "must be a whole number of 1 or more");
            }
            repeat = r;
        }
        Map<String, Object> defaultTest = doc.map(root.get("defaultTest"), "defaultTest");
        List<AssertionEntry> defaultAsserts = asserts(doc, defaultTest.get("assert"), "defaultTest.assert");
        Map<String, Object> defaultVars = doc.map(defaultTest.get("vars"), "defaultTest.vars");
        List<TestCase> tests = new ArrayList<>();
        int uncounted = 0;
        List<Object> entries = doc.list(root.get("tests"), "tests");
        for (int i = 0; i < entries.size(); i++) {
            String path = root.get("tests") instanceof List<?> ? "tests[" + i + "]" : "tests";
            Object entry = entries.get(i);
            if (entry instanceof String dataset) {
                for (TestCase t : Datasets.load(baseDir, dataset, origin + " line " + doc.lineOf(path))) {
                    if (t.counts()) {
                        tests.add(withDefaults(t, defaultVars));
                    } else {
                        uncounted++;
                    }
                }
            } else {
                tests.add(withDefaults(test(doc, entry, path, "t" + (i + 1)), defaultVars));
            }
        }
        if (tests.isEmpty()) {
            throw doc.error("", "a suite needs 'tests': a list of {vars, assert} entries or dataset files (CSV, JSONL, YAML)"
                    + (uncounted > 0 ? "; its " + uncounted + " drafted tests count once accepted on the Annotate page" : ""));
        }
        Object description = root.get("description");
        if (description != null && (!(description instanceof String d) || d.length() > MAX_DESCRIPTION)) {
            throw doc.error("description", "must be a text of at most " + MAX_DESCRIPTION + " characters");
        }
        Object judge = root.get("judge");
        if (judge != null && !(judge instanceof String)) {
            throw doc.error("judge", "must name a model profile");
        }
        return new Suite(origin, (String) description, prompts, models, params, repeat, tests, defaultAsserts,
                (String) judge);
    }

    private static TestCase withDefaults(TestCase t, Map<String, Object> defaultVars) {
        if (defaultVars.isEmpty()) {
            return t;
        }
        Map<String, Object> vars = new LinkedHashMap<>(defaultVars);
        vars.putAll(t.vars());
        return new TestCase(t.id(), t.description(), vars, t.asserts(), t.where(), t.status());
    }

    private static TestCase test(YamlDoc doc, Object entry, String path, String id) {
        Map<String, Object> test = doc.map(entry, path);
        for (String key : test.keySet()) {
            if (!TEST_FIELDS.contains(key)) {
                throw doc.error(path + "." + key, "is not a test field (fields: assert, description, vars)");
            }
        }
        Object description = test.get("description");
        return new TestCase(id, description == null ? null : String.valueOf(description), doc.map(test.get("vars"), path + ".vars"),
                asserts(doc, test.get("assert"), path + ".assert"), doc.origin() + " line " + doc.lineOf(path));
    }

    private static List<AssertionEntry> asserts(YamlDoc doc, Object raw, String path) {
        List<AssertionEntry> out = new ArrayList<>();
        List<Object> items = doc.list(raw, path);
        for (int i = 0; i < items.size(); i++) {
            String at = path + "[" + i + "]";
            Map<String, Object> a = doc.map(items.get(i), at);
            if (!(a.get("type") instanceof String)) {
                throw doc.error(at, "needs a 'type', such as contains or llm-rubric");
            }
            out.add(new AssertionEntry(a, doc.origin() + " line " + doc.lineOf(at) + " (" + at + ")"));
        }
        return out;
    }
}
