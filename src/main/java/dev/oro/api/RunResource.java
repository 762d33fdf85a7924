package dev.oro.api;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroConfig;
import dev.oro.OroException;
import dev.oro.eval.Reports;
import dev.oro.eval.RunComparison;
import dev.oro.eval.RunOptions;
import dev.oro.eval.RunSummary;
import dev.oro.eval.Runner;
import dev.oro.eval.Suite;
import dev.oro.store.RunInfo;
import dev.oro.store.RunStore;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.OutboundSseEvent;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Eval runs over HTTP: start one (checked before it is accepted, run in the background), follow
 * its progress as events, page through its results, compare two runs.
 */
@Path("/api/runs")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class RunResource {

    static final int MAX_PAGE = 1000;

    public record RunRequest(String suite, List<String> models, Integer concurrency, Integer repeat, Boolean noCache, String resume) {
    }

    public record Accepted(String id, String status) {
    }

    public record Counts(long cases, long passed, long failed, long errors) {

        static Counts of(RunSummary s) {
            return new Counts(s.cases(), s.passed(), s.failed(), s.errors());
        }
    }

    /** @param progress done and total cases while the run is going, else null */
    public record RunView(String id, String suite, String description, String status, Instant createdAt, Instant finishedAt,
            Counts summary, List<Map<String, Object>> variants, LiveRun.Progress progress) {
    }

    @Inject
    OroConfig config;

    @Inject
    Runner runner;

    @Inject
    RunStore store;

    @Inject
    Reports reports;

    @Inject
    LiveRuns live;

    @Inject
    ObjectMapper json;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(RunRequest request, @Context UriInfo uri) {
        if (request == null) {
            throw OroException.invalid("bad-run-request", "the body must be JSON such as {\"suite\": \"smoke.yaml\"}");
        }
        atLeastOne("concurrency", request.concurrency());
        atLeastOne("repeat", request.repeat());
        Suite suite = loadSuite(request.suite());
        RunOptions options = new RunOptions(request.models(), request.concurrency(), request.repeat(),
                Boolean.TRUE.equals(request.noCache()), request.resume());
        LiveRun run = live.start(runner.prepare(suite, options));
        return Response.accepted(new Accepted(run.id(), "running"))
                .location(uri.getBaseUriBuilder().path("api/runs/{id}").build(run.id())).build();
    }

    @GET
    public List<RunInfo> list(@QueryParam("limit") String limit) {
        long n = QueryParams.whole("limit", limit, 50L, "how many runs to list");
        return store.runs((int) Math.max(1, Math.min(MAX_PAGE, n)));
    }

    @GET
    @Path("{id}")
    public RunView get(@PathParam("id") String id) {
        Optional<LiveRun> running = live.get(id);
        Optional<RunInfo> info = store.run(id);
        if (info.isEmpty()) {
            // Accepted, but waiting for a free slot on the run executor.
            LiveRun.Progress p = running.orElseThrow(() -> OroException.notFound("run-not-found", "no run with id '" + id + "'")).progress();
            return new RunView(id, null, null, "running", null, null, new Counts(0, 0, 0, 0), List.of(), p);
        }
        RunInfo r = info.get();
        List<Map<String, Object>> variants = reports.variantRows(id);
        return new RunView(r.id(), r.suite(), r.description(), r.status(), r.createdAt(), r.finishedAt(), Counts.of(store.summary(id)),
                variants, "running".equals(r.status()) ? running.map(LiveRun::progress).orElse(null) : null);
    }

    /** A page of results in a stable order (test, variant, repeat), written as it is read from the store. */
    @GET
    @Path("{id}/results")
    public Response results(@PathParam("id") String id, @QueryParam("offset") String offsetParam,
            @QueryParam("limit") String limitParam, @QueryParam("variant") String variant,
            @QueryParam("failures") boolean failures) {
        long offset = QueryParams.whole("offset", offsetParam, 0L, "results to skip");
        long limit = QueryParams.whole("limit", limitParam, 100L, "results per page");
        if (offset < 0 || limit < 1 || limit > MAX_PAGE) {
            throw OroException.invalid("bad-page", "'offset' must be 0 or more and 'limit' between 1 and " + MAX_PAGE);
        }
        store.require(id);
        RunStore.ResultFilter filter = new RunStore.ResultFilter(variant, failures);
        long total = store.count(id, filter);
        StreamingOutput body = out -> {
            try (JsonGenerator g = json.getFactory().createGenerator(out)) {
                g.writeStartObject();
                g.writeStringField("runId", id);
                g.writeNumberField("offset", offset);
                g.writeNumberField("limit", limit);
                g.writeNumberField("total", total);
                g.writeArrayFieldStart("results");
                store.results(id, filter, offset, (int) limit, r -> {
                    try {
                        g.writeObject(r);
                    } catch (IOException e) {
                        throw new UncheckedIOException(e);
                    }
                });
                g.writeEndArray();
                g.writeEndObject();
            }
        };
        return Response.ok(body, MediaType.APPLICATION_JSON).build();
    }

    /** {@code progress} events as cases complete, then {@code finished} with the summary. */
    /** A thumbs up (1) or down (-1) and a comment on one output; rating again replaces it. */
    public record RatingRequest(Integer rating, String comment, String ratedBy) {
    }

    @PUT
    @Path("{id}/results/{caseKey}/rating")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response rate(@PathParam("id") String id, @PathParam("caseKey") String caseKey, RatingRequest request) {
        if (request == null || request.rating() == null) {
            throw OroException.invalid("bad-rating", "the body needs 'rating': 1 (thumbs up) or -1 (thumbs down), and may have 'comment'");
        }
        store.require(id);
        store.rate(id, caseKey, request.rating(), request.comment(), request.ratedBy());
        return Response.noContent().build();
    }

    @GET
    @Path("{id}/ratings")
    public List<RunStore.Rating> ratings(@PathParam("id") String id) {
        store.require(id);
        return store.ratings(id);
    }

    @GET
    @Path("{id}/events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @Context Sse sse) {
        Optional<LiveRun> running = live.get(id);
        if (running.isEmpty()) {
            return Multi.createFrom().item(event(sse, "finished", store.summary(id)));
        }
        return running.get().events(p -> event(sse, "progress", p), summary -> event(sse, "finished", summary));
    }

    @GET
    @Path("compare")
    public RunComparison.Result compare(@QueryParam("a") String a, @QueryParam("b") String b) {
        if (a == null || b == null) {
            throw OroException.invalid("missing-parameter", "compare needs both query parameters 'a' and 'b' (run ids)");
        }
        return RunComparison.compare(store, a, b);
    }

    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).data(json.writeValueAsString(data)).build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** {@code suite} is a path inside the evals folder ({@code qa.yaml}, or {@code evals/qa.yaml} as the CLI takes it). */
    private Suite loadSuite(String suite) {
        return new EvalsFolder(config.evalsDir()).suite(suite);
    }

    private static void atLeastOne(String field, Integer value) {
        if (value != null && value < 1) {
            throw OroException.invalid("bad-run-request", "'" + field + "' must be 1 or more, not " + value);
        }
    }
}
