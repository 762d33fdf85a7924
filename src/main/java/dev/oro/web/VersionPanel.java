package dev.oro.web;

import dev.oro.OroException;
import dev.oro.library.MessageTemplate;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptVersion;
import dev.oro.library.VariableSpec;
import io.quarkus.qute.RawString;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One version as the prompt page shows it: front matter, chat messages with variables highlighted, lint findings. */
final class VersionPanel {

    public record Variable(String name, String description, String need) {
    }

    public record Message(String role, int line, RawString body) {
    }

    /** {@code error} is set instead of the parsed parts when the file no longer parses. */
    public record Selected(int version, String hash, String created, String description, List<String> tags, String frontMatter,
            List<Variable> variables, List<Message> messages, List<Findings.Shown> findings, String warning, String error) {
    }

    private VersionPanel() {
    }

    static Selected of(PromptLibrary library, LintCache lint, String name, int version) {
        PromptVersion v;
        try {
            v = library.version(name, version);
        } catch (OroException broken) {
            return new Selected(version, "", "", null, List.of(), "", List.of(), List.of(), List.of(), null, broken.detail());
        }
        List<Variable> variables = new ArrayList<>();
        for (Map.Entry<String, VariableSpec> e : v.source().frontMatter().variables().entrySet()) {
            variables.add(new Variable(e.getKey(), e.getValue().description(), need(e.getValue())));
        }
        List<Message> messages = new ArrayList<>();
        for (MessageTemplate m : v.source().messages()) {
            messages.add(new Message(m.role().wire(), m.line(), Html.template(m.template())));
        }
        return new Selected(v.version(), v.hash(), PromptPage.WHEN.format(v.created()), v.source().frontMatter().description(),
                v.source().frontMatter().tags(), frontMatterText(v.text()), variables, messages,
                Findings.of(v.text(), lint.findings(v)), v.handEditWarning(), null);
    }

    /** How the renderer treats a missing value: a default, required (an error), or optional (empty). */
    static String need(VariableSpec spec) {
        return spec.defaultValue() != null ? "default: " + spec.defaultValue() : spec.required() ? "required" : "optional";
    }

    /** The YAML between the {@code ---} lines, as written, or "" when there is none. */
    static String frontMatterText(String text) {
        String t = text.replace("\r\n", "\n");
        if (!t.startsWith("---")) {
            return "";
        }
        int end = t.indexOf("\n---", 3);
        return end < 0 ? "" : t.substring(t.indexOf('\n') + 1, end + 1).stripTrailing();
    }
}
