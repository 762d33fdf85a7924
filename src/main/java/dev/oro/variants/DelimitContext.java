package dev.oro.variants;

import dev.oro.lint.Lang;
import dev.oro.library.MessageTemplate;
import dev.oro.library.PromptSource;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * GR3: wraps each undelimited context line ({@code {text}} or {@code Text: {text}}) in the context
 * pattern, and moves an instruction that follows the context to the top of its message.
 */
final class DelimitContext implements Rewrite {

    // The same shape the GR3 rule looks for; only the lines it flags are rewritten.
    static final Pattern CONTEXT_LINE = Pattern.compile("^[ \\t]*(?:([\\p{L}][\\p{L} ]{0,30}?)[ \\t]*\\d*[ \\t]*:[ \\t]*)?\\{([A-Za-z_][\\w.]*)\\}[ \\t]*$");

    @Override
    public String rule() {
        return "GR3";
    }

    @Override
    public String what() {
        return "delimited the context, instruction first";
    }

    @Override
    public Optional<String> apply(PromptSource source, String text, Lang lang) {
        Set<Integer> flagged = PromptText.findings(text, rule()).stream().map(f -> f.span().line() - 1).collect(Collectors.toSet());
        if (flagged.isEmpty()) {
            return Optional.empty();
        }
        List<String> lines = new ArrayList<>(Arrays.asList(text.replace("\r\n", "\n").split("\n", -1)));
        for (int i : flagged) {
            Matcher m = CONTEXT_LINE.matcher(lines.get(i));
            if (m.matches()) {
                String label = m.group(1) == null ? lang.pick("Text", "Texto") : m.group(1).strip();
                lines.set(i, "{#include context label=\"" + label + "\" text=" + m.group(2) + " /}");
            }
        }
        List<MessageTemplate> messages = source.messages();
        // From the last message up, so earlier line numbers stay valid.
        for (int k = messages.size() - 1; k >= 0; k--) {
            int start = messages.get(k).line() - 1;
            int end = k + 1 < messages.size() ? messages.get(k + 1).line() - 2 : lines.size();
            instructionFirst(lines, start, end, flagged);
        }
        return Optional.of(String.join("\n", lines));
    }

    /** When a message opens with a flagged context line and text follows it, puts that text first. */
    private static void instructionFirst(List<String> lines, int start, int end, Set<Integer> flagged) {
        int first = start;
        while (first < end && lines.get(first).isBlank()) {
            first++;
        }
        if (first >= end || !flagged.contains(first)) {
            return;
        }
        List<String> rest = new ArrayList<>(lines.subList(first + 1, end));
        while (!rest.isEmpty() && rest.get(0).isBlank()) {
            rest.remove(0);
        }
        int trailing = rest.size();
        while (trailing > 0 && rest.get(trailing - 1).isBlank()) {
            trailing--;
        }
        if (trailing == 0) {
            return;
        }
        List<String> moved = new ArrayList<>(rest.subList(0, trailing));
        moved.add("");
        moved.add(lines.get(first));
        moved.addAll(rest.subList(trailing, rest.size()));
        List<String> region = lines.subList(first, end);
        region.clear();
        region.addAll(moved);
    }
}
