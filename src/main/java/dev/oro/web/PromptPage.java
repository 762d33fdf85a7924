package dev.oro.web;

import dev.oro.OroException;
import dev.oro.library.Names;
import dev.oro.library.PromptInfo;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptVersion;
import dev.oro.library.VersionInfo;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** One prompt: its versions, a version's source with variables highlighted, a diff of two versions, and its labels. */
@Path("/prompts/{name}")
public class PromptPage {

    static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm").withZone(ZoneId.systemDefault());

    public record Label(String name, int version) {
    }

    public record VersionRow(int version, String created, String hash, String shortHash, List<String> labels, List<String> tags,
            String description, boolean editedByHand, boolean selected) {
    }

    /** The outcome of a label move, shown next to the form; {@code ok} false is an error naming the field. */
    public record Notice(boolean ok, String field, String text) {
    }

    /** What the label form showed, so a refused move keeps the user's input. */
    public record LabelForm(String label, int version, Notice notice) {
    }

    public record View(String name, String description, List<String> tags, List<Label> labels, List<VersionRow> versions,
            int latest, VersionPanel.Selected selected, DiffPanel.Diff diff, LabelForm labelForm, String saved) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance prompt(View view);

        static native TemplateInstance prompt$diff(View view);

        static native TemplateInstance missing(String detail);
    }

    @Inject
    PromptLibrary library;

    @Inject
    LintCache lint;

    @Inject
    EditorPage editor;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response get(@PathParam("name") String name, @QueryParam("v") String v, @QueryParam("from") String from,
            @QueryParam("to") String to, @QueryParam("saved") String saved, @HeaderParam("HX-Target") String target) {
        if (EditorPage.NEW.equals(name)) {
            // This class's path matches /prompts/new before the editor's does; the name is reserved for it.
            return html(200, editor.newPrompt());
        }
        PromptInfo info;
        try {
            info = library.info(name);
        } catch (OroException e) {
            return html(e.kind().status, Templates.missing(e.detail()));
        }
        int justSaved = number(saved, 0);
        View view = view(info, number(v, info.latestVersion()), from, to, null,
                justSaved > 0 ? "Saved as version " + justSaved + ". Move a label to ship it." : null);
        // htmx swaps one panel; everything else (a link, a reload, no JavaScript) gets the whole page.
        TemplateInstance page = "diff".equals(target) ? Templates.prompt$diff(view) : Templates.prompt(view);
        return html(200, page);
    }

    /**
     * Points a label at a version, creating or moving it: PUT semantics, so repeating the request
     * changes nothing. The answer says what moved, or names the field that was wrong.
     */
    @POST
    @Path("labels")
    @Produces(MediaType.TEXT_HTML)
    public Response moveLabel(@PathParam("name") String name, @FormParam("label") String label, @FormParam("version") String version,
            @HeaderParam("HX-Request") String htmx) {
        PromptInfo info;
        try {
            info = library.info(name);
        } catch (OroException e) {
            return html(e.kind().status, Templates.missing(e.detail()));
        }
        String wanted = label == null ? "" : label.strip();
        int target = number(version, -1);
        Notice notice;
        int status = 200;
        try {
            Names.requireLabel(wanted);
            if (target < 1) {
                throw OroException.invalid("bad-version", "choose the version the label should point at");
            }
            Integer before = info.labels().get(wanted);
            library.moveLabel(name, wanted, target);
            notice = new Notice(true, null, before == null ? wanted + " now points at v" + target + " (new label)"
                    : before == target ? wanted + " already pointed at v" + target + "; nothing changed"
                            : wanted + " moved from v" + before + " to v" + target);
            info = library.info(name);
        } catch (OroException e) {
            String field = e.type().equals("bad-label") ? "label" : "version";
            notice = new Notice(false, field, (field.equals("label") ? "Label: " : "Version: ") + e.detail());
            // htmx swaps only 2xx answers; a plain form post gets the honest status.
            status = "true".equals(htmx) ? 200 : e.kind().status;
        }
        View view = view(info, target > 0 ? target : info.latestVersion(), null, null,
                new LabelForm(wanted, target, notice), null);
        return html(status, Templates.prompt(view));
    }

    private View view(PromptInfo info, int selected, String from, String to, LabelForm form, String saved) {
        int shown = info.versions().stream().anyMatch(x -> x.version() == selected) ? selected : info.latestVersion();
        List<VersionRow> rows = new ArrayList<>();
        for (VersionInfo vi : newestFirst(info.versions())) {
            String description = null;
            List<String> tags = List.of();
            try {
                PromptVersion pv = library.version(info.name(), vi.version());
                description = pv.source().frontMatter().description();
                tags = pv.source().frontMatter().tags();
            } catch (OroException broken) {
                description = "(this file no longer parses: " + broken.detail() + ")";
            }
            rows.add(new VersionRow(vi.version(), WHEN.format(vi.created()), vi.hash(), shortHash(vi.hash()), vi.labels(), tags,
                    description, vi.editedByHand(), vi.version() == shown));
        }
        List<Label> labels = info.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                .map(e -> new Label(e.getKey(), e.getValue())).toList();
        VersionPanel.Selected panel = VersionPanel.of(library, lint, info.name(), shown);
        DiffPanel.Diff diff = null;
        if (info.versions().size() > 1) {
            try {
                diff = DiffPanel.of(library, info, from, to, shown);
            } catch (OroException broken) {
                // A hand-broken file cannot be diffed; the page still shows everything else.
                diff = new DiffPanel.Diff(shown, shown, List.of(), List.of(), 0, broken.detail());
            }
        }
        LabelForm labelForm = form != null ? form : new LabelForm(labels.isEmpty() ? "production" : labels.get(0).name(), shown, null);
        return new View(info.name(), info.description(), info.tags(), labels, rows, info.latestVersion(), panel, diff, labelForm, saved);
    }

    private static List<VersionInfo> newestFirst(List<VersionInfo> versions) {
        List<VersionInfo> out = new ArrayList<>(versions);
        java.util.Collections.reverse(out);
        return out;
    }

    static String shortHash(String hash) {
        String hex = hash.startsWith("sha256:") ? hash.substring(7) : hash;
        return hex.substring(0, Math.min(10, hex.length()));
    }

    /** A version number from a query or form field; labels resolve too, anything else falls back. */
    static int number(String value, int fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        try {
            return Integer.parseInt(value.strip().replaceFirst("^v", ""));
        } catch (NumberFormatException e) {
            return fallback;
        }
    }

    static Response html(int status, TemplateInstance page) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE.withCharset("UTF-8")).entity(page).build();
    }
}
