package dev.oro.web;

import dev.oro.OroException;
import dev.oro.dataset.AnnotationQueues;
import dev.oro.dataset.DraftReport;
import dev.oro.dataset.DraftTests;
import dev.oro.dataset.Exporter;
import dev.oro.library.PromptInfo;
import dev.oro.library.PromptLibrary;
import dev.oro.model.ModelRegistry;
import dev.oro.store.Annotation;
import dev.oro.store.AnnotationQueue;
import dev.oro.store.AnnotationStore;
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
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.net.URI;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The annotation queue: pick a run (all, failures, judge-vs-human disagreements, unrated) or a
 * drafts file, then accept, reject, edit or note one item at a time, by keyboard. Every step is
 * a plain form post answered by a redirect, so the queue works without JavaScript and resumes
 * where it was left, from any browser. Drafting new test cases starts here too.
 */
@Path("/annotate")
@Blocking
public class AnnotatePage {

    /** A queue in the list: where it stands. */
    public record QueueRow(String id, String source, String filter, int at, int size, String created) {
    }

    /** A source to start a queue from. */
    public record Source(String value, String label) {
    }

    /** Tallies for the end of a queue. */
    public record Tally(int accepted, int rejected, int edited, int open) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance index(List<Source> runs, List<Source> drafts, List<String> filters, List<QueueRow> queues,
                List<String> prompts, List<String> models, String error);

        static native TemplateInstance item(AnnotationQueue queue, String source, AnnotationQueues.Item item, String error, String runId,
                List<String> formats);

        static native TemplateInstance done(AnnotationQueue queue, String source, String runId, Tally tally, List<String> formats);

        static native TemplateInstance drafted(DraftReport report, String source, String fileLabel);
    }

    @Inject
    RunStore runs;

    @Inject
    AnnotationStore store;

    @Inject
    AnnotationQueues queues;

    @Inject
    DraftTests drafts;

    @Inject
    PromptLibrary library;

    @Inject
    ModelRegistry models;

    @Inject
    dev.oro.OroConfig config;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance index() {
        return index(null);
    }

    private TemplateInstance index(String error) {
        List<Source> runSources = new ArrayList<>();
        for (RunInfo r : runs.runs(30)) {
            runSources.add(new Source("run:" + r.id(), r.suite() + " · " + RunFormat.when(r.createdAt()) + " · " + r.status()
                    + " · " + RunFormat.shortId(r.id())));
        }
        List<Source> draftSources = queues.draftFiles().stream().map(f -> new Source(AnnotationQueues.draftsSource(f), "evals/" + f)).toList();
        List<QueueRow> rows = store.queues(20).stream().map(q -> new QueueRow(q.id(), label(q.source()), q.filter(), q.position() + 1,
                q.size(), RunFormat.when(q.createdAt()))).toList();
        List<String> profiles;
        try {
            profiles = new ArrayList<>(models.profiles().keySet());
        } catch (RuntimeException e) {
            profiles = List.of();
        }
        return Templates.index(runSources, draftSources, AnnotationQueues.RUN_FILTERS, rows,
                library.list().stream().map(PromptInfo::name).toList(), profiles, error);
    }

    @POST
    @Path("queues")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response start(@FormParam("source") String source, @FormParam("filter") String filter) {
        try {
            String f = source != null && source.startsWith("drafts:") ? "drafts" : filter == null ? "all" : filter;
            AnnotationQueue q = queues.create(source, f);
            return Response.seeOther(URI.create("/annotate/" + q.id() + "/1")).build();
        } catch (OroException e) {
            return Response.status(e.kind().status).entity(index(e.detail())).build();
        }
    }

    @POST
    @Path("drafts")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response draft(@FormParam("prompt") String prompt, @FormParam("model") String model, @FormParam("count") Integer count) {
        try {
            java.nio.file.Path evals = java.nio.file.Path.of(config.evalsDir()).toAbsolutePath().normalize();
            DraftReport report = drafts.draft(prompt == null ? "" : prompt, model == null ? "" : model, count == null ? 0 : count,
                    List.of(), new DraftTests.Target(null, evals.resolve("data")));
            String relative = report.file() == null ? null
                    : evals.relativize(java.nio.file.Path.of(report.file()).toAbsolutePath()).toString().replace('\\', '/');
            return Response.ok(Templates.drafted(report, relative == null ? null : AnnotationQueues.draftsSource(relative),
                    relative == null ? null : "evals/" + relative)).build();
        } catch (OroException e) {
            return Response.status(e.kind().status).entity(index(e.detail())).build();
        }
    }

    @GET
    @Path("{id}")
    public Response resume(@PathParam("id") String id) {
        AnnotationQueue q = store.requireQueue(id);
        return Response.seeOther(URI.create("/annotate/" + id + "/" + (q.position() + 1))).build();
    }

    @GET
    @Path("{id}/{n:[0-9]+}")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance item(@PathParam("id") String id, @PathParam("n") int n) {
        AnnotationQueue q = store.requireQueue(id);
        AnnotationQueues.Item item = queues.item(q, n);
        store.move(id, n - 1);
        return Templates.item(q, label(q.source()), item, null, AnnotationQueues.runOf(q.source()), Exporter.NAMES);
    }

    @POST
    @Path("{id}/{n:[0-9]+}")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response act(@PathParam("id") String id, @PathParam("n") int n, @FormParam("action") String action,
            @FormParam("ideal") String ideal, @FormParam("note") String note) {
        AnnotationQueue q = store.requireQueue(id);
        try {
            queues.apply(q, n, action, ideal, note);
        } catch (OroException e) {
            if (e.kind() != OroException.Kind.INVALID) {
                throw e;
            }
            return Response.status(400).entity(Templates.item(q, label(q.source()), queues.item(q, n), e.detail(),
                    AnnotationQueues.runOf(q.source()), Exporter.NAMES)).build();
        }
        String next = "note".equals(action) ? "/annotate/" + id + "/" + n : n < q.size() ? "/annotate/" + id + "/" + (n + 1)
                : "/annotate/" + id + "/done";
        return Response.seeOther(URI.create(next)).build();
    }

    @GET
    @Path("{id}/done")
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance done(@PathParam("id") String id) {
        AnnotationQueue q = store.requireQueue(id);
        Map<String, Annotation> all = store.annotations(q.source());
        int accepted = 0;
        int rejected = 0;
        int edited = 0;
        for (String key : q.items()) {
            Annotation a = all.get(key);
            if (a != null && a.ideal() != null) {
                edited++;
            } else if (a != null && a.accepted()) {
                accepted++;
            } else if (a != null && Annotation.REJECTED.equals(a.decision())) {
                rejected++;
            }
        }
        return Templates.done(q, label(q.source()), AnnotationQueues.runOf(q.source()),
                new Tally(accepted, rejected, edited, q.size() - accepted - rejected - edited), Exporter.NAMES);
    }

    private static String label(String source) {
        return source.startsWith("drafts:") ? "evals/" + source.substring("drafts:".length()) : "run " + source.substring("run:".length());
    }
}
