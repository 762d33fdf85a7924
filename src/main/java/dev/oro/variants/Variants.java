package dev.oro.variants;

import dev.oro.OroException;
import dev.oro.lint.LintTarget;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Candidate versions of a prompt, each from the same base and applying exactly one rule. A
 * variant is tagged {@code variant}, its rule and {@code from-vN}; one the rule still flags is dropped.
 */
public final class Variants {

    /** A candidate: its rule, what it changed, and the full new {@code .prompt} text. */
    public record Variant(String rule, String what, String source) {
    }

    /** The variants made, and why each other requested rule made none. */
    public record Result(List<Variant> variants, List<String> skipped) {
        public Result {
            variants = List.copyOf(variants);
            skipped = List.copyOf(skipped);
        }
    }

    private static final Pattern TAGS = Pattern.compile("(?m)^tags:[ \\t]*\\[(.*)\\][ \\t]*$");
    private static final Pattern DESCRIPTION = Pattern.compile("(?m)^description:[ \\t]*(.*)$");

    private Variants() {
    }

    /** The rewrites for rule ids such as GR3; all of them when {@code rules} is empty. */
    public static List<Rewrite> select(Collection<String> rules) {
        return select(rules, null);
    }

    /** As {@link #select(Collection)}, with GR7 few-shot examples from a dataset when {@code examples} is not null. */
    public static List<Rewrite> select(Collection<String> rules, Path examples) {
        return select(rules, examples, "--examples");
    }

    /** @param examplesField how the user named the dataset, for its errors: {@code --examples} or {@code 'examples'} */
    static List<Rewrite> select(Collection<String> rules, Path examples, String examplesField) {
        List<Rewrite> all = new ArrayList<>(Rewrite.ALL);
        if (examples != null) {
            all.add(all.indexOf(all.stream().filter(r -> r.rule().equals("GR8")).findFirst().orElseThrow()), AddExamples.from(examples, examplesField));
        }
        if (rules.isEmpty()) {
            return all;
        }
        List<Rewrite> out = new ArrayList<>();
        for (String rule : rules) {
            if (rule.strip().equalsIgnoreCase("GR7") && examples == null) {
                continue;
            }
            Rewrite rewrite = all.stream().filter(r -> r.rule().equalsIgnoreCase(rule.strip())).findFirst()
                    .orElseThrow(() -> OroException.invalid("unknown-rule", "no rewrite for rule '" + rule + "' (rules with one: "
                            + String.join(", ", Rewrite.ALL.stream().map(Rewrite::rule).toList()) + ", GR7 with --examples)"));
            out.add(rewrite);
        }
        return out;
    }

    /** A variant as written to the library ({@code ref} such as {@code summarize@3}), or only shown ({@code ref} null) on a dry run. */
    public record Written(String rule, String what, String ref, String source) {
    }

    /** What {@code oro variants} and {@code POST /api/variants} answer: the base, the variants and why other rules made none. */
    public record Generated(String base, List<Written> variants, List<String> skipped) {
        public Generated {
            variants = List.copyOf(variants);
            skipped = List.copyOf(skipped);
        }
    }

    /**
     * Makes the variants of {@code ref} for {@code rules} (all when empty) and, unless {@code dryRun}, writes each as a new version.
     *
     * @param examplesField how the user names the dataset, for messages: {@code --examples} or {@code 'examples'}
     */
    public static Generated generate(PromptLibrary library, String ref, List<String> rules, Path examples, String examplesField,
            boolean dryRun) {
        PromptVersion base = library.resolve(PromptRef.parse(ref));
        Result result = of(base, select(rules, examples, examplesField));
        List<String> skipped = new ArrayList<>();
        if (examples == null && (rules.isEmpty() || rules.stream().anyMatch(r -> r.strip().equalsIgnoreCase("GR7")))) {
            skipped.add("GR7: skipped; few-shot examples need " + (examplesField.startsWith("--") ? examplesField + " FILE"
                    : "a dataset in " + examplesField));
        }
        skipped.addAll(result.skipped());
        List<Written> written = new ArrayList<>();
        for (Variant v : result.variants()) {
            String at = dryRun ? null : base.name() + "@" + library.create(base.name(), v.source(), null);
            written.add(new Written(v.rule(), v.what(), at, v.source()));
        }
        return new Generated(base.name() + "@" + base.version(), written, skipped);
    }

    public static Result of(PromptVersion base, List<Rewrite> rewrites) {
        String text = base.text().replace("\r\n", "\n");
        LintTarget target = LintTarget.of(base.source());
        List<Variant> variants = new ArrayList<>();
        List<String> skipped = new ArrayList<>();
        for (Rewrite rewrite : rewrites) {
            Optional<String> rewritten = rewrite.apply(base.source(), text, target.lang());
            if (rewritten.isEmpty()) {
                skipped.add(rewrite.rule() + ": already followed or does not apply");
                continue;
            }
            String source = tag(rewritten.get(), rewrite, base.version());
            if (!PromptText.findings(source, rewrite.rule()).isEmpty()) {
                skipped.add(rewrite.rule() + ": the rewrite did not satisfy the rule; nothing written");
                continue;
            }
            variants.add(new Variant(rewrite.rule(), rewrite.what(), source));
        }
        return new Result(variants, skipped);
    }

    /** Adds the variant's tags and description note to the front matter, creating it if needed. */
    static String tag(String text, Rewrite rewrite, int fromVersion) {
        PromptText prompt = PromptText.split(text);
        String tags = "variant, " + rewrite.rule() + ", from-v" + fromVersion;
        String note = " (variant: " + rewrite.rule() + " " + rewrite.what() + ")";
        String head = prompt.head().isEmpty() ? "---\n---\n" : prompt.head();
        Matcher t = TAGS.matcher(head);
        head = t.find() ? head.substring(0, t.start()) + "tags: [" + (t.group(1).isBlank() ? "" : t.group(1) + ", ") + tags + "]"
                + head.substring(t.end()) : insertBeforeClose(head, "tags: [" + tags + "]");
        Matcher d = DESCRIPTION.matcher(head);
        head = d.find() ? head.substring(0, d.start()) + "description: " + described(d.group(1).strip(), note) + head.substring(d.end())
                : insertBeforeClose(head, "description: " + described("''", note.strip()));
        return head + prompt.body();
    }

    private static String described(String value, String note) {
        if (value.length() >= 2 && value.startsWith("'") && value.endsWith("'")) {
            return value.substring(0, value.length() - 1) + note.replace("'", "''") + "'";
        }
        if (value.length() >= 2 && value.startsWith("\"") && value.endsWith("\"")) {
            return value.substring(0, value.length() - 1) + note.replace("\\", "\\\\").replace("\"", "\\\"") + "\"";
        }
        return "'" + (value + note).replace("'", "''") + "'";
    }

    private static String insertBeforeClose(String head, String line) {
        int close = head.lastIndexOf("---\n");
        return head.substring(0, close) + line + "\n" + head.substring(close);
    }
}
