package dev.oro.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroConfig;
import dev.oro.OroException;
import dev.oro.api.Ablations;
import dev.oro.api.EvalsFolder;
import dev.oro.eval.Sweep;
import dev.oro.library.PromptInfo;
import dev.oro.library.PromptLibrary;
import dev.oro.model.ModelRegistry;
import dev.oro.variants.Ablation;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateExtension;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The ablations started through the server: a list with a start form, and one page per
 * ablation that polls its progress, then shows the chart of each rule's effect and the verdict.
 */
@Path("/ablations")
@Produces(MediaType.TEXT_HTML)
@Blocking
public class AblationsPage {

    /** What the start form holds, kept to fill it again when the request is refused. */
    public record Form(String ref, String suite, List<String> models, String rules, String repeat, String sweep) {
        public Form {
            models = models == null ? List.of() : List.copyOf(models);
        }

        public boolean picked(String model) {
            return models.contains(model);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance list(List<Ablations.View> ablations, List<String> prompts, List<String> suites,
                List<String> models, Form form, String error);

        static native TemplateInstance detail(Ablations.View ablation, String chart);

        static native TemplateInstance progress(Ablations.View ablation);
    }

    @Inject
    Ablations ablations;

    @Inject
    PromptLibrary library;

    @Inject
    OroConfig config;

    @Inject
    ModelRegistry models;

    @Inject
    ObjectMapper json;

    @GET
    public TemplateInstance list() {
        return page(new Form(null, null, List.of(), null, null, null), null);
    }

    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    public Response start(@FormParam("ref") String ref, @FormParam("suite") String suite, @FormParam("models") List<String> picked,
            @FormParam("rules") String rules, @FormParam("repeat") String repeat, @FormParam("sweep") String sweep) {
        Form form = new Form(ref, suite, picked, rules, repeat, sweep);
        try {
            Ablations.View view = ablations.start(new Ablations.Request(ref, suite, form.models(), split(rules), number(repeat),
                    axes(sweep)));
            return Response.seeOther(URI.create("/ablations/" + view.id())).build();
        } catch (OroException e) {
            // The form again, as filled, with what to fix: the same words the API's problem would use.
            return Response.status(e.kind().status).entity(page(form, e.detail())).type(MediaType.TEXT_HTML).build();
        }
    }

    @GET
    @Path("{id}")
    public TemplateInstance detail(@PathParam("id") String id) {
        Ablations.View view = ablations.get(id);
        return Templates.detail(view, view.report() == null ? null : chart(view.report()));
    }

    /** htmx polls this while the ablation runs; once it is over the page reloads itself to show the report. */
    @GET
    @Path("{id}/progress")
    public Response progress(@PathParam("id") String id) {
        Ablations.View view = ablations.get(id);
        if (!view.running()) {
            return Response.ok("").header("HX-Refresh", "true").build();
        }
        return Response.ok(Templates.progress(view)).build();
    }

    private TemplateInstance page(Form form, String error) {
        return Templates.list(ablations.list(), library.list().stream().map(PromptInfo::name).toList(), new EvalsFolder(config.evalsDir()).suites(),
                List.copyOf(models.profiles().keySet()), form, error);
    }

    /** Bars and whiskers for Chart.js, one per rule × model × setting; read by js/ablations.js. */
    private String chart(Ablation.Report report) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", report.rows().stream().map(r -> r.rule() + " · " + r.setting()).toList());
        data.put("estimate", report.rows().stream().map(Ablation.Row::scoreDifference).toList());
        data.put("low", report.rows().stream().map(r -> r.scoreInterval().low()).toList());
        data.put("high", report.rows().stream().map(r -> r.scoreInterval().high()).toList());
        data.put("verdict", report.rows().stream().map(r -> r.verdict().name()).toList());
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Numbers as the ablation page shows them. */
    @TemplateExtension
    static class Numbers {
        static String asPercent(double rate) {
            return String.format(Locale.ROOT, "%.0f%%", 100 * rate);
        }

        static String asWords(Ablation.Verdict verdict) {
            return switch (verdict) {
                case HELPED -> "helped";
                case HURT -> "hurt";
                case NO_MEASURABLE_DIFFERENCE -> "no measurable difference";
            };
        }

        /** Whether the base ran at more than one setting or with repeats: then the page shows it per setting. */
        static boolean hasSettings(Ablation.Report report) {
            return report.settings().size() > 1 || report.settings().stream().anyMatch(s -> s.k() != null);
        }

        static String asScore(double value) {
            return String.format(Locale.ROOT, "%.3f", value);
        }

        static String asSigned(double value) {
            return String.format(Locale.ROOT, "%+.3f", value);
        }

        static String asP(double p) {
            return String.format(Locale.ROOT, "%.4f", p);
        }
    }

    private static List<String> split(String rules) {
        return rules == null || rules.isBlank() ? List.of() : Arrays.stream(rules.split("[,\\s]+")).filter(r -> !r.isBlank()).toList();
    }

    /** "temperature=0,0.5,1; maxTokens=64,256", as {@code --sweep} takes each axis. */
    private static Map<String, List<Object>> axes(String sweep) {
        if (sweep == null || sweep.isBlank()) {
            return null;
        }
        Map<String, String> raw = new LinkedHashMap<>();
        for (String axis : sweep.strip().split("\\s*;\\s*|\\s+")) {
            int eq = axis.indexOf('=');
            if (eq < 1 || eq == axis.length() - 1) {
                throw OroException.invalid("bad-sweep", "'sweep' must look like temperature=0,0.5,1 (axes separated by ';'), not '"
                        + sweep + "'");
            }
            raw.put(axis.substring(0, eq).strip(), axis.substring(eq + 1));
        }
        return Sweep.parse(raw);
    }

    private static Integer number(String repeat) {
        if (repeat == null || repeat.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(repeat.strip());
        } catch (NumberFormatException e) {
            throw OroException.invalid("bad-ablation-request", "'repeat' must be a whole number, not '" + repeat + "'");
        }
    }
}
