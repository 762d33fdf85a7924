package dev.oro.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import dev.oro.library.Names;
import dev.oro.library.PromptInfo;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptParser;
import dev.oro.library.PromptSource;
import dev.oro.library.PromptVersion;
import dev.oro.library.VariableSpec;
import dev.oro.lint.Linter;
import dev.oro.render.RenderedPrompt;
import dev.oro.render.Renderer;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The new-version editor: the source, a variables form generated from it, a live render
 * preview and inline lint findings. Saving creates a new immutable version; the form carries
 * the version it was opened from, so an edit made on a stale base is refused and nothing is
 * overwritten, while the author's text stays in the textarea.
 */
@Path("/prompts")
public class EditorPage {

    static final String VAR_PREFIX = "var.";
    /** The new-prompt editor's address, so no prompt may be called this from the UI. */
    static final String NEW = "new";
    private static final String ORIGIN = "this draft";
    private static final ObjectMapper JSON = new ObjectMapper();
    // Undeclared names the body reads: {name}, {name.field}; bound names (loops, lets) are not inputs.
    private static final Pattern READ = Pattern.compile("\\{([A-Za-z_][A-Za-z0-9_]*)(?![A-Za-z0-9_:(])");
    private static final Pattern BOUND = Pattern.compile("\\{#(?:for|each)\\s+([A-Za-z_][A-Za-z0-9_]*)\\s+in\\b|\\{#let\\s+([A-Za-z_][A-Za-z0-9_]*)=");
    static final String STARTER = """
            ---
            description: What this prompt is for.
            variables:
              text:
                description: The text to work on.
            tags: []
            ---
            Summarize the text below as three bullet points for a busy reader.

            Text: \"""
            {text}
            \"""
            """;

    public record VarField(String name, String description, String need, String value) {
    }

    public record Message(String role, String content) {
    }

    /** The live half of the editor; {@code error} replaces the messages when the draft cannot be rendered. */
    public record Preview(List<Message> messages, String error, List<String> warnings, List<Findings.Shown> findings,
            String lintError, boolean missing) {
    }

    /**
     * The whole editor. {@code base} is the version the draft started from (0 for a new prompt);
     * {@code problem} is why a save was refused, {@code rebase} the version a conflicting save may be retried on.
     */
    public record Editor(String name, boolean isNew, int base, String source, List<VarField> vars, Preview preview,
            String problem, String problemField, Integer rebase) {

        public int next() {
            return base + 1;
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance editor(Editor e, boolean varsChanged);

        static native TemplateInstance editor$live(Editor e, boolean varsChanged);
    }

    @Inject
    PromptLibrary library;

    @Inject
    Renderer renderer;

    @GET
    @Path("new")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance newPrompt() {
        return page(editor("", true, 0, STARTER, Map.of(), null, null, null));
    }

    @GET
    @Path("{name}/edit")
    @Produces(MediaType.TEXT_HTML)
    public Response edit(@PathParam("name") String name) {
        PromptVersion latest;
        try {
            PromptInfo info = library.info(name);
            latest = library.version(name, info.latestVersion());
        } catch (OroException e) {
            return PromptPage.html(e.kind().status, PromptPage.Templates.missing(e.detail()));
        }
        return PromptPage.html(200, page(editor(name, false, latest.version(), latest.text(), Map.of(), null, null, null)));
    }

    /** The live preview: renders and lints the draft as the author types. Always 200, so htmx swaps the answer in. */
    @POST
    @Path("preview")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance preview(MultivaluedMap<String, String> form, @HeaderParam("HX-Trigger") String trigger) {
        String source = source(form);
        Editor e = editor(value(form, "name"), false, 0, source, values(form), null, null, null);
        List<String> shown = form.keySet().stream().filter(k -> k.startsWith(VAR_PREFIX)).map(k -> k.substring(VAR_PREFIX.length())).toList();
        boolean varsChanged = !shown.equals(e.vars().stream().map(VarField::name).toList());
        // Re-sending the variables form while the author types in it would steal the field under the cursor.
        return Templates.editor$live(e, varsChanged && "source".equals(trigger));
    }

    @POST
    @Path("new")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response createPrompt(MultivaluedMap<String, String> form) {
        String name = value(form, "name").strip();
        String source = source(form);
        try {
            Names.requirePromptName(name);
            if (name.equals(NEW)) {
                throw OroException.invalid("reserved-name", "'new' is the address of this editor; choose another name");
            }
        } catch (OroException e) {
            return refused(name, true, 0, source, form, "Name: " + e.detail(), "name", null);
        }
        return save(name, true, 0, source, form);
    }

    @POST
    @Path("{name}/edit")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response saveVersion(@PathParam("name") String name, MultivaluedMap<String, String> form) {
        String source = source(form);
        // "rebase" is the explicit "save on top of the newer version" a conflict offers.
        int base = PromptPage.number(value(form, "rebase"), PromptPage.number(value(form, "base"), -1));
        if (base < 0) {
            return refused(name, false, 0, source, form, "Base version: the form lost the version it was opened from; reload the editor", "base", null);
        }
        return save(name, false, base, source, form);
    }

    private Response save(String name, boolean isNew, int base, String source, MultivaluedMap<String, String> form) {
        if (source.isBlank()) {
            return refused(name, isNew, base, source, form, "Source: the prompt is empty; nothing was written", "source", null);
        }
        try {
            int version = library.create(name, source, base);
            return Response.seeOther(URI.create("/prompts/" + name + "?v=" + version + "&saved=" + version)).build();
        } catch (OroException e) {
            if (e.kind() == OroException.Kind.CONFLICT && e.extensions().get("latestVersion") instanceof Integer latest) {
                String why = isNew ? "a prompt named '" + name + "' already exists (it is at version " + latest
                        + "); nothing was written and your text is kept below. Choose another name"
                        : "version " + latest + " was created since you opened version " + base
                                + "; nothing was written and your text is kept below";
                return refused(name, isNew, base, source, form, why, isNew ? "name" : "source", isNew ? null : latest);
            }
            return refused(name, isNew, base, source, form, "Not saved: " + e.detail(), "source", null);
        }
    }

    /**
     * The editor again, with the author's text and the reason. Answered with 200: browsers log
     * 4xx page loads as console errors, and the page itself states the refusal.
     */
    private Response refused(String name, boolean isNew, int base, String source, MultivaluedMap<String, String> form, String problem,
            String field, Integer rebase) {
        return PromptPage.html(200, page(editor(name, isNew, base, source, values(form), problem, field, rebase)));
    }

    private static TemplateInstance page(Editor e) {
        return Templates.editor(e, false);
    }

    private Editor editor(String name, boolean isNew, int base, String source, Map<String, String> given, String problem,
            String field, Integer rebase) {
        PromptSource parsed = null;
        String parseError = null;
        try {
            parsed = PromptParser.parse(source, ORIGIN);
        } catch (OroException e) {
            parseError = e.detail();
        }
        List<VarField> vars = fields(parsed, source, given);
        return new Editor(name, isNew, base, source, vars, preview(parsed, parseError, source, vars), problem, field, rebase);
    }

    private Preview preview(PromptSource parsed, String parseError, String source, List<VarField> vars) {
        if (parsed == null) {
            return new Preview(List.of(), parseError, List.of(), List.of(), "fix the error above to see lint findings", false);
        }
        List<Findings.Shown> findings = Findings.of(source, Linter.lint(parsed));
        Map<String, Object> values = new LinkedHashMap<>();
        for (VarField v : vars) {
            if (!v.value().isEmpty()) {
                values.put(v.name(), typed(v.value()));
            }
        }
        try {
            RenderedPrompt r = renderer.renderSource(parsed, ORIGIN, values);
            List<Message> messages = r.messages().stream().map(m -> new Message(m.role(), m.content())).toList();
            return new Preview(messages, null, r.warnings(), findings, null, false);
        } catch (OroException e) {
            // An empty form is the normal start, not a mistake: it reads as a hint rather than an error.
            return new Preview(List.of(), e.detail(), List.of(), findings, null, e.type().equals("missing-variables"));
        }
    }

    /** Declared variables first, in declaration order, then any other name the body reads. */
    static List<VarField> fields(PromptSource parsed, String source, Map<String, String> given) {
        List<VarField> out = new ArrayList<>();
        Set<String> seen = new LinkedHashSet<>();
        if (parsed != null) {
            for (Map.Entry<String, VariableSpec> e : parsed.frontMatter().variables().entrySet()) {
                VariableSpec spec = e.getValue();
                String value = given.containsKey(e.getKey()) ? given.get(e.getKey())
                        : spec.defaultValue() instanceof String s ? s : "";
                out.add(new VarField(e.getKey(), spec.description(), VersionPanel.need(spec), value));
                seen.add(e.getKey());
            }
        }
        String body = parsed == null || parsed.messages().isEmpty() ? source
                : String.join("\n", parsed.messages().stream().map(m -> m.template()).toList());
        Set<String> bound = new LinkedHashSet<>(List.of("it"));
        Matcher b = BOUND.matcher(body);
        while (b.find()) {
            bound.add(b.group(1) != null ? b.group(1) : b.group(2));
        }
        Matcher m = READ.matcher(body);
        while (m.find()) {
            String n = m.group(1);
            if (!bound.contains(n) && seen.add(n)) {
                out.add(new VarField(n, null, "not declared", given.getOrDefault(n, "")));
            }
        }
        return out;
    }

    /** A value that looks like JSON (a list of examples, a map) is passed as data; anything else as text. */
    private static Object typed(String value) {
        String t = value.strip();
        if (t.startsWith("[") || t.startsWith("{")) {
            try {
                return JSON.readValue(t, Object.class);
            } catch (Exception notJson) {
                return value;
            }
        }
        return value;
    }

    private static Map<String, String> values(MultivaluedMap<String, String> form) {
        Map<String, String> out = new LinkedHashMap<>();
        form.forEach((k, v) -> {
            if (k.startsWith(VAR_PREFIX) && v != null && !v.isEmpty()) {
                out.put(k.substring(VAR_PREFIX.length()), v.get(0));
            }
        });
        return out;
    }

    /** Browsers send a textarea's line breaks as CRLF; versions keep the LF the library is written in. */
    private static String source(MultivaluedMap<String, String> form) {
        return value(form, "source").replace("\r\n", "\n");
    }

    private static String value(MultivaluedMap<String, String> form, String key) {
        String v = form.getFirst(key);
        return v == null ? "" : v;
    }
}
