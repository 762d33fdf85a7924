package dev.oro.variants;

import dev.oro.eval.AssertionEntry;
import dev.oro.eval.Datasets;
import dev.oro.eval.TestCase;
import dev.oro.lint.Lang;
import dev.oro.library.PromptSource;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * GR7: worked examples from a dataset, written before the first context line as {@code Text 1: ...},
 * {@code Keywords 1: ...}, {@code ##}. The output is the {@code expected} or {@code output} column, or
 * the value of the row's first assertion ({@code __expected} in a CSV).
 */
record AddExamples(List<Map.Entry<String, String>> examples) implements Rewrite {

    private static final int MAX = 3;
    private static final Pattern ANSWER_SLOT = Pattern.compile("(?m)^[ \\t]*(\\p{L}[\\p{L} ]{0,30}):[ \\t]*\\z");

    AddExamples {
        examples = List.copyOf(examples);
    }

    /** The first rows of a CSV, JSONL or YAML dataset that have an output. */
    static AddExamples from(Path dataset, String where) {
        Path dir = dataset.toAbsolutePath().getParent();
        List<Map.Entry<String, String>> examples = new ArrayList<>();
        for (TestCase row : Datasets.load(dir, dataset.getFileName().toString(), where)) {
            Map<String, Object> vars = new LinkedHashMap<>(row.vars());
            Object output = vars.containsKey("expected") ? vars.remove("expected") : vars.remove("output");
            if (output == null) {
                output = row.asserts().stream().map(AssertionEntry::raw).map(a -> a.get("value")).filter(v -> v != null).findFirst().orElse(null);
            }
            if (output != null && !vars.isEmpty() && examples.size() < MAX) {
                String input = vars.size() == 1 ? String.valueOf(vars.values().iterator().next())
                        : vars.entrySet().stream().map(e -> e.getKey() + ": " + e.getValue()).collect(Collectors.joining("; "));
                examples.add(Map.entry(input, String.valueOf(output)));
            }
        }
        return new AddExamples(examples);
    }

    @Override
    public String rule() {
        return "GR7";
    }

    @Override
    public String what() {
        return "added " + examples.size() + " few-shot example" + (examples.size() == 1 ? "" : "s");
    }

    @Override
    public Optional<String> apply(PromptSource source, String text, Lang lang) {
        if (examples.isEmpty() || PromptText.findings(text, rule()).isEmpty()) {
            return Optional.empty();
        }
        PromptText prompt = PromptText.split(text);
        String body = prompt.body();
        Matcher context = Pattern.compile(DelimitContext.CONTEXT_LINE.pattern(), Pattern.MULTILINE).matcher(body);
        boolean found = context.find();
        int at = found ? context.start() : body.length();
        String inputLabel = !found || context.group(1) == null ? lang.pick("Input", "Entrada") : context.group(1).strip();
        Matcher slot = ANSWER_SLOT.matcher(body.stripTrailing());
        String outputLabel = slot.find() ? slot.group(1).strip() : lang.pick("Output", "Salida");
        StringBuilder block = new StringBuilder();
        for (int i = 0; i < examples.size(); i++) {
            block.append(inputLabel).append(' ').append(i + 1).append(": ").append(escape(examples.get(i).getKey())).append('\n')
                    .append(outputLabel).append(' ').append(i + 1).append(": ").append(escape(examples.get(i).getValue())).append("\n##\n");
        }
        String before = body.substring(0, at);
        String separator = before.isEmpty() || before.endsWith("\n\n") ? "" : "\n\n";
        return Optional.of(prompt.withBody(before + separator + block + (at < body.length() ? "" : "\n") + body.substring(at)).join());
    }

    /** Dataset text is literal: braces must not become template expressions, and one example stays on one line. */
    private static String escape(String value) {
        return value.replace("\r", "").replace("\n", " ").replace("{", "\\{");
    }
}
