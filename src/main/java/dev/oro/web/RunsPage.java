package dev.oro.web;

import dev.oro.OroConfig;
import dev.oro.OroException;
import dev.oro.api.RunResource;
import dev.oro.eval.RunSummary;
import dev.oro.model.ModelRegistry;
import dev.oro.store.RunInfo;
import dev.oro.store.RunStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.net.URI;
import java.util.List;
import java.util.Map;

/** The runs page: every run, newest first, and a form to start one. */
@Path("/runs")
@Blocking
public class RunsPage {

    static final int PAGE_SIZE = 25;

    /** A run as a row of the list. */
    public record RunRow(String id, String shortId, String suite, String description, String when, String status, long cases,
            long passed, long failed, long errors, String passRate, int passPercent) {
    }

    /** What the start form held, to show it again with the error. */
    public record StartForm(String suite, List<String> models, String repeat, String error) {

        public boolean chose(String model) {
            return models.contains(model);
        }
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance runs(List<RunRow> runs, RunPager pager, List<String> suites, List<String> models,
                String evalsDir, StartForm form);
    }

    @Inject
    RunStore store;

    @Inject
    RunResource api;

    @Inject
    ModelRegistry registry;

    @Inject
    OroConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response list(@QueryParam("page") String page) {
        try {
            return Response.ok(page(page, new StartForm(null, List.of(), "", null))).build();
        } catch (OroException e) {
            return RunsError.of(e);
        }
    }

    /** Starts the suite as the API does (same checks), then shows its page; a bad form comes back with the reason. */
    @POST
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response start(@FormParam("suite") String suite, @FormParam("models") List<String> models, @FormParam("repeat") String repeat,
            @FormParam("noCache") boolean noCache, @Context UriInfo uri) {
        List<String> chosen = models == null ? List.of() : models.stream().filter(m -> !m.isBlank()).toList();
        StartForm form = new StartForm(suite, chosen, repeat == null ? "" : repeat, null);
        try {
            Integer times = null;
            if (repeat != null && !repeat.isBlank()) {
                try {
                    times = Integer.parseInt(repeat.strip());
                } catch (NumberFormatException e) {
                    throw OroException.invalid("bad-run-request", "'repeat' must be a whole number of 1 or more, not '" + repeat + "'");
                }
            }
            Response accepted = api.start(new RunResource.RunRequest(suite, chosen, null, times, noCache, null), uri);
            String id = ((RunResource.Accepted) accepted.getEntity()).id();
            return Response.seeOther(URI.create("/runs/" + id)).build();
        } catch (OroException e) {
            StartForm failed = new StartForm(form.suite(), form.models(), form.repeat(), e.detail());
            return Response.status(e.kind().status).type(MediaType.TEXT_HTML_TYPE).entity(page(null, failed)).build();
        }
    }

    private TemplateInstance page(String page, StartForm form) {
        RunPager pager = RunPager.of(page, store.runCount(), PAGE_SIZE, "/runs?");
        List<RunInfo> runs = store.runs(pager.offset(), PAGE_SIZE);
        Map<String, RunSummary> summaries = store.summaries(runs);
        List<RunRow> rows = runs.stream().map(r -> row(r, summaries.get(r.id()))).toList();
        return Templates.runs(rows, pager, new dev.oro.api.EvalsFolder(config.evalsDir()).suites(), List.copyOf(registry.profiles().keySet()), config.evalsDir(), form);
    }

    static RunRow row(RunInfo r, RunSummary s) {
        double rate = s.cases() == 0 ? 0 : (double) s.passed() / s.cases();
        return new RunRow(r.id(), RunFormat.shortId(r.id()), r.suite(), r.description() == null ? "" : r.description(),
                RunFormat.when(r.createdAt()), r.status(), s.cases(), s.passed(), s.failed(), s.errors(),
                s.cases() == 0 ? "–" : RunFormat.percent(rate), (int) Math.round(100 * rate));
    }

}
