package dev.oro.render;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The golden-rule patterns any template can include, such as {@code {#include role who="…" /}}.
 * Built-in ones ship in the jar; a file {@code prompts/_patterns/NAME.qute} adds or overrides one.
 */
public final class Patterns {

    /** The built-in patterns, one per golden rule that has a reusable shape. */
    public static final Map<String, String> BUILT_IN_RULES = Map.of(
            "role", "GR9 give the model a role",
            "few_shot", "GR7 few-shot examples from a list variable",
            "cot", "GR8 chain-of-thought cue",
            "context", "GR3 context inside \"\"\" delimiters",
            "seed", "GR5 seed (leading) term",
            "format", "GR6 show the output format");

    private Patterns() {
    }

    /** Pattern sources by name: built-in first, then the library's own, which win. */
    public static Map<String, String> load(Path userDir) {
        Map<String, String> out = new TreeMap<>();
        for (String name : BUILT_IN_RULES.keySet()) {
            try (InputStream in = Patterns.class.getResourceAsStream("/oro/patterns/" + name + ".qute")) {
                if (in == null) {
                    throw new IllegalStateException("built-in pattern " + name + " is missing from the jar");
                }
                out.put(name, new String(in.readAllBytes(), StandardCharsets.UTF_8));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (userDir != null && Files.isDirectory(userDir)) {
            try (Stream<Path> files = Files.list(userDir)) {
                for (Path f : files.filter(p -> p.getFileName().toString().matches("[A-Za-z0-9_-]+\\.qute")).toList()) {
                    String name = f.getFileName().toString().replaceFirst("\\.qute$", "");
                    out.put(name, Files.readString(f, StandardCharsets.UTF_8));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }
}
