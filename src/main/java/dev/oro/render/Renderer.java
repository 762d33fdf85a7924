package dev.oro.render;

import dev.oro.OroException;
import dev.oro.library.Hashing;
import dev.oro.library.MessageTemplate;
import dev.oro.library.PromptSource;
import dev.oro.library.PromptVersion;
import dev.oro.library.VariableSpec;
import io.quarkus.qute.Template;
import io.quarkus.qute.TemplateException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Renders prompt versions into chat messages. Rendering is strict: a missing variable is an
 * error naming every missing one, an unknown variable passed in is a warning.
 */
public final class Renderer {

    private static final int CACHE_LIMIT = 2_000;

    private final SandboxEngine engine;
    // Versions are immutable, so a compiled message keyed by content hash never goes stale.
    private final Map<String, Compiled> cache = new ConcurrentHashMap<>();

    /**
     * @param optional names tested with {#if} or given a default
     * @param referenced every name the templates mention, read or not in a given render
     */
    private record Compiled(List<Template> templates, Set<String> optional, Set<String> referenced) {
    }

    public Renderer(SandboxEngine engine) {
        this.engine = engine;
    }

    public RenderedPrompt render(PromptVersion version, Map<String, Object> variables) {
        List<String> warnings = new ArrayList<>();
        if (version.handEditWarning() != null) {
            warnings.add(version.handEditWarning());
        }
        String origin = "prompts/" + version.name() + "/" + version.fileName();
        return render(version.source(), origin, version.hash(), version.name(), version.version(), variables, warnings);
    }

    /** Renders source that is not (yet) a version, such as the editor's live preview. */
    public RenderedPrompt renderSource(PromptSource source, String origin, Map<String, Object> variables) {
        return render(source, origin, Hashing.sha256(source.text()), null, null, variables, new ArrayList<>());
    }

    /** Compiles every message of {@code source}, throwing the first template error with its line. */
    public void check(PromptSource source, String origin) {
        compiled(source, origin, Hashing.sha256(source.text()));
    }

    private RenderedPrompt render(PromptSource source, String origin, String hash, String name, Integer version,
            Map<String, Object> passed, List<String> warnings) {
        Map<String, Object> given = passed == null ? Map.of() : passed;
        Compiled compiled = compiled(source, origin, hash);
        Map<String, VariableSpec> declared = source.frontMatter().variables();
        Map<String, Object> values = new LinkedHashMap<>();
        Set<String> missing = new LinkedHashSet<>();
        declared.forEach((key, spec) -> {
            Object value = given.get(key);
            if (value != null) {
                values.put(key, value);
            } else if (spec.defaultValue() != null) {
                values.put(key, spec.defaultValue());
            } else if (!spec.required()) {
                values.put(key, "");
            } else {
                missing.add(key);
            }
        });
        given.forEach((key, value) -> {
            checkType(key, value, origin);
            if (value != null && !declared.containsKey(key)) {
                values.put(key, value);
            }
        });
        Vars vars = new Vars(values);
        List<ChatMessage> messages = new ArrayList<>();
        RenderLimits limits = RenderLimits.start();
        try {
            List<MessageTemplate> templates = source.messages();
            for (int i = 0; i < templates.size(); i++) {
                MessageTemplate m = templates.get(i);
                StringBuilder out = new StringBuilder();
                compiled.templates().get(i).instance().data(vars).consume(chunk -> {
                    limits.countOutput(chunk);
                    out.append(chunk);
                }).toCompletableFuture().join();
                messages.add(new ChatMessage(m.role().wire(), stripTrailingNewlines(out)));
            }
        } catch (CompletionException | TemplateException e) {
            throw unwrap(e, source, origin);
        } finally {
            RenderLimits.end();
        }
        vars.missing.stream().filter(n -> !compiled.optional().contains(n)).forEach(missing::add);
        List<String> unknown = given.keySet().stream()
                .filter(key -> !declared.containsKey(key) && !vars.read.contains(key) && !compiled.referenced().contains(key))
                .toList();
        if (!missing.isEmpty()) {
            // A typo shows up twice, as a missing name and an unknown one; say both at once.
            String typos = unknown.isEmpty() ? "" : " (passed but not used: " + String.join(", ", unknown) + ")";
            throw new OroException(OroException.Kind.INVALID, "missing-variables", "missing variable"
                    + (missing.size() > 1 ? "s " : " ") + String.join(", ", missing) + " for " + origin + typos,
                    Map.of("missing", List.copyOf(missing), "unknown", unknown, "file", origin));
        }
        for (String key : unknown) {
            warnings.add("unknown variable '" + key + "' was passed in, but " + origin + " neither declares nor uses it");
        }
        return new RenderedPrompt(name, version, hash, messages, warnings);
    }

    private Compiled compiled(PromptSource source, String origin, String hash) {
        Compiled hit = cache.get(hash);
        if (hit != null) {
            return hit;
        }
        List<Template> templates = new ArrayList<>();
        Set<String> optional = new HashSet<>(engine.patternOptionalNames());
        Set<String> referenced = new HashSet<>();
        for (MessageTemplate m : source.messages()) {
            Template t = engine.compile(m.template(), SandboxEngine.MESSAGE_ID_PREFIX + templates.size(), place(origin, m));
            optional.addAll(TemplateGuard.optionalNames(t));
            t.getExpressions().stream().filter(e -> !e.isLiteral() && !e.getParts().isEmpty())
                    .forEach(e -> referenced.add(e.getParts().get(0).getName()));
            templates.add(t);
        }
        Compiled compiled = new Compiled(List.copyOf(templates), Set.copyOf(optional), Set.copyOf(referenced));
        if (cache.size() >= CACHE_LIMIT) {
            cache.clear();
        }
        cache.put(hash, compiled);
        return compiled;
    }

    private RuntimeException unwrap(RuntimeException e, PromptSource source, String origin) {
        Throwable t = e;
        while (t != null) {
            if (t instanceof OroException oro) {
                return oro.type().equals("render-limit")
                        ? new OroException(oro.kind(), oro.type(), origin + ": " + oro.detail(), Map.of("file", origin)) : oro;
            }
            if (t instanceof TemplateException te) {
                int index = messageIndex(te);
                MessageTemplate m = source.messages().get(index);
                return engine.translate(te, place(origin, m));
            }
            t = t.getCause();
        }
        return e;
    }

    private static int messageIndex(TemplateException e) {
        if (e.getOrigin() != null && e.getOrigin().getTemplateId().startsWith(SandboxEngine.MESSAGE_ID_PREFIX)) {
            return Integer.parseInt(e.getOrigin().getTemplateId().substring(SandboxEngine.MESSAGE_ID_PREFIX.length()));
        }
        return 0;
    }

    private static TemplateGuard.ErrorPlace place(String origin, MessageTemplate m) {
        return (line, detail) -> new OroException(OroException.Kind.INVALID, "invalid-template",
                origin + " line " + (m.line() + line - 1) + ": " + detail, Map.of("file", origin, "line", m.line() + line - 1));
    }

    /** Variables are plain data: text, numbers, booleans, lists and maps of those. */
    private static void checkType(String key, Object value, String origin) {
        if (!plain(value)) {
            throw new OroException(OroException.Kind.INVALID, "bad-variable", "variable '" + key
                    + "' must be text, a number, a boolean, a list or a map", Map.of("variable", key, "file", origin));
        }
    }

    private static boolean plain(Object v) {
        if (v == null || v instanceof String || v instanceof Number || v instanceof Boolean) {
            return true;
        }
        if (v instanceof List<?> list) {
            return list.stream().allMatch(Renderer::plain);
        }
        if (v instanceof Map<?, ?> map) {
            return map.keySet().stream().allMatch(String.class::isInstance) && map.values().stream().allMatch(Renderer::plain);
        }
        return false;
    }

    private static String stripTrailingNewlines(StringBuilder s) {
        int end = s.length();
        while (end > 0 && (s.charAt(end - 1) == '\n' || s.charAt(end - 1) == '\r')) {
            end--;
        }
        return s.substring(0, end);
    }
}
