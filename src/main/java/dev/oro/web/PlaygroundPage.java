package dev.oro.web;

import dev.oro.OroException;
import dev.oro.library.PromptInfo;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import dev.oro.library.VariableSpec;
import dev.oro.library.VersionInfo;
import dev.oro.model.ModelProfile;
import dev.oro.model.ModelRegistry;
import dev.oro.model.Pricing;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.MultivaluedMap;
import jakarta.ws.rs.core.UriInfo;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;

/**
 * The playground: prompt versions × model profiles × params, run side by side. Everything the
 * page shows comes from the query string ({@code ?prompt=summarize@production&model=fake
 * &temperature=0.2&var.text=...}), so a playground can be shared as a link. The runs themselves
 * stream from {@code POST /api/complete/stream}, one request per panel (js/playground.js).
 */
@Path("/playground")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class PlaygroundPage {

    static final String VAR_PREFIX = "var.";

    /** A reference offered in the picker, such as {@code summarize@production} with hint "v2". */
    public record Choice(String ref, String hint) {
    }

    /** A chosen prompt reference, resolved to its version, or the reason it cannot be used. */
    public record Picked(String ref, Integer version, String error) {
    }

    /** One field of the variables form: the union over the chosen versions, values shared by all. */
    public record Variable(String name, String description, boolean required, String defaultValue, String value,
            List<String> usedBy) {
    }

    /** A profile to tick; never its key or URL, which may carry credentials. */
    public record ModelChoice(String name, String provider, String model, String price, boolean priced, boolean selected,
            boolean known) {
    }

    /** A slider: {@code set} says whether the call overrides the prompt's and profile's own value. */
    public record Param(String name, String label, String min, String max, String step, String value, boolean set) {
    }

    public record Selection(List<Picked> prompts, List<Variable> variables) {

        /** How many chosen references resolve; a variable used by fewer says which ones. */
        public long valid() {
            return prompts.stream().filter(p -> p.error() == null).count();
        }
    }

    public record View(Selection selection, List<Choice> choices, List<ModelChoice> models, List<Param> params,
            List<String> problems) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance playground(View view);

        static native TemplateInstance playground$chips(Selection selection);

        static native TemplateInstance playground$variables(Selection selection);
    }

    @Inject
    PromptLibrary library;

    @Inject
    ModelRegistry models;

    @GET
    public TemplateInstance get(@Context UriInfo uri) {
        MultivaluedMap<String, String> query = uri.getQueryParameters();
        List<String> problems = new ArrayList<>();
        List<PromptVersion> resolved = new ArrayList<>();
        Selection selection = selection(query, resolved);
        List<Param> params = List.of(
                param(query, "temperature", "Temperature", 0, 2, "0.05", false, resolved, problems),
                param(query, "maxTokens", "Max tokens", 1, 4096, "1", true, resolved, problems));
        return Templates.playground(new View(selection, choices(), modelChoices(distinct(query.get("model"))), params, problems));
    }

    /**
     * The chosen prompts and the variables form, for the page to swap in when the choice
     * changes: the server resolves the references and says which cannot be used.
     */
    @GET
    @Path("selection")
    public String selection(@Context UriInfo uri) {
        Selection selection = selection(uri.getQueryParameters(), new ArrayList<>());
        return Templates.playground$chips(selection).render() + Templates.playground$variables(selection).render();
    }

    private Selection selection(MultivaluedMap<String, String> query, List<PromptVersion> resolved) {
        List<Picked> picked = new ArrayList<>();
        Map<String, Variable> variables = new LinkedHashMap<>();
        for (String ref : distinct(query.get("prompt"))) {
            try {
                PromptVersion version = library.resolve(PromptRef.parse(ref));
                resolved.add(version);
                picked.add(new Picked(ref, version.version(), null));
                version.source().frontMatter().variables().forEach((name, spec) -> variables.merge(name,
                        variable(name, spec, query.getFirst(VAR_PREFIX + name), ref), PlaygroundPage::union));
            } catch (OroException e) {
                picked.add(new Picked(ref, null, e.detail()));
            }
        }
        return new Selection(picked, List.copyOf(variables.values()));
    }

    private static Variable variable(String name, VariableSpec spec, String value, String ref) {
        String fallback = spec.defaultValue() == null ? null : String.valueOf(spec.defaultValue());
        return new Variable(name, spec.description(), spec.required() && fallback == null, fallback, value == null ? "" : value,
                List.of(ref));
    }

    /** The same name in two versions: one field, required if either requires it. */
    private static Variable union(Variable a, Variable b) {
        List<String> usedBy = new ArrayList<>(a.usedBy());
        usedBy.addAll(b.usedBy());
        return new Variable(a.name(), a.description() != null ? a.description() : b.description(), a.required() || b.required(),
                a.defaultValue() != null ? a.defaultValue() : b.defaultValue(), a.value(), List.copyOf(usedBy));
    }

    /**
     * A slider's state from the query. A value that is not a number in range is named in a
     * problem and ignored, so a mistyped link still opens; unset, the slider starts at the first
     * chosen version's own value.
     */
    private static Param param(MultivaluedMap<String, String> query, String name, String label, int min, int max, String step,
            boolean whole, List<PromptVersion> resolved, List<String> problems) {
        String given = query.getFirst(name);
        if (given != null && !given.isBlank()) {
            try {
                double v = Double.parseDouble(given.strip());
                if (v >= min && v <= (whole ? Integer.MAX_VALUE : max) && (!whole || v == Math.rint(v))) {
                    return new Param(name, label, "" + min, "" + max, step, format(v, whole), true);
                }
            } catch (NumberFormatException notANumber) {
                // reported below
            }
            problems.add("'" + name + "' must be " + (whole ? "a whole number of at least " + min : "a number from " + min + " to " + max)
                    + ", got '" + given + "'; the prompt's own value is used instead");
        }
        Object own = resolved.stream().map(v -> v.source().frontMatter().params().get(name)).filter(Number.class::isInstance)
                .findFirst().orElse(whole ? 512 : 1);
        return new Param(name, label, "" + min, "" + max, step, format(((Number) own).doubleValue(), whole), false);
    }

    private static String format(double v, boolean whole) {
        return whole || v == Math.rint(v) ? String.valueOf((long) v) : String.valueOf(v);
    }

    /** Every label, then every version, newest first, of every prompt. */
    private List<Choice> choices() {
        List<Choice> out = new ArrayList<>();
        for (PromptInfo p : library.list()) {
            p.labels().entrySet().stream().sorted(Map.Entry.comparingByKey())
                    .forEach(l -> out.add(new Choice(p.name() + "@" + l.getKey(), "v" + l.getValue())));
            List<VersionInfo> versions = new ArrayList<>(p.versions());
            java.util.Collections.reverse(versions);
            versions.forEach(v -> out.add(new Choice(p.name() + "@" + v.version(),
                    v.version() == p.latestVersion() ? "latest" : v.labels().isEmpty() ? "" : String.join(", ", v.labels()))));
        }
        return out;
    }

    /** The profiles, plus any unknown name the link asked for, so its run can say what is wrong. */
    private List<ModelChoice> modelChoices(List<String> selected) {
        Map<String, ModelProfile> profiles = models.profiles();
        List<ModelChoice> out = new ArrayList<>();
        profiles.values().forEach(p -> out.add(new ModelChoice(p.name(), p.provider(), p.model(), price(p.pricing()),
                !p.pricing().equals(Pricing.FREE), selected.contains(p.name()), true)));
        selected.stream().filter(name -> !profiles.containsKey(name))
                .forEach(name -> out.add(new ModelChoice(name, null, null, null, false, true, false)));
        return out;
    }

    private static String price(Pricing p) {
        return p.equals(Pricing.FREE) ? null : "$" + p.inputPerMillion() + " / $" + p.outputPerMillion() + " per 1M tokens";
    }

    private static List<String> distinct(List<String> values) {
        if (values == null) {
            return List.of();
        }
        return List.copyOf(new LinkedHashSet<>(values.stream().map(String::strip).filter(s -> !s.isEmpty()).toList()));
    }
}
