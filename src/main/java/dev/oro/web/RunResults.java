package dev.oro.web;

import dev.oro.OroException;
import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.FormParam;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * The run page's fragments, loaded by htmx when a reader opens them: one output in full with its
 * assertions, figures and rating, and the word diff of two outputs of a row.
 */
@Path("/runs/{id}/results")
@Blocking
public class RunResults {

    public record Check(String type, boolean pass, String score, String reason) {
    }

    public record Detail(String runId, String caseKey, String variant, String kind, String score, String output, String error,
            List<Check> checks, String latency, String tokens, String cost, boolean cached, String finishReason, String model,
            String prompt, String vars) {
    }

    public record Rating(String runId, String caseKey, int rating, String comment, String ratedAt, boolean saved) {

        public String url() {
            return "/runs/" + runId + "/results/" + caseKey + "/rating";
        }
    }

    public record Choice(int index, String name) {
    }

    public record Diff(String url, List<Choice> choices, int a, int b, String nameA, String nameB, String kindA, String kindB,
            List<WordDiff.Segment> left, List<WordDiff.Segment> right, int changes) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance detail(Detail detail, Rating rating);

        static native TemplateInstance rating(Rating rating);

        static native TemplateInstance diff(Diff diff);
    }

    @Inject
    RunStore store;

    @GET
    @Path("{caseKey}")
    @Produces(MediaType.TEXT_HTML)
    public Response detail(@PathParam("id") String id, @PathParam("caseKey") String caseKey) {
        try {
            CaseResult r = result(id, caseKey);
            String vars = r.vars().entrySet().stream().map(e -> e.getKey() + " = " + e.getValue()).collect(Collectors.joining("\n"));
            List<Check> checks = r.assertions().stream()
                    .map(a -> new Check(a.type(), a.pass(), RunFormat.score(a.score()), a.reason() == null ? "" : a.reason())).toList();
            Detail detail = new Detail(id, caseKey, r.variant(), RunPage.kind(r), RunFormat.score(r.score()), r.output() == null ? "" : r.output(),
                    r.error(), checks, r.latencyMs() == null ? "–" : r.latencyMs() + " ms",
                    (r.inputTokens() == null ? "–" : r.inputTokens()) + " in / " + (r.outputTokens() == null ? "–" : r.outputTokens()) + " out",
                    r.cost() == null ? "–" : RunFormat.cost(r.cost()), r.cached(), r.finishReason() == null ? "" : r.finishReason(),
                    r.modelIdentity() == null ? r.model() : r.model() + " (" + r.modelIdentity() + ")", r.prompt(), vars);
            return Response.ok(Templates.detail(detail, rating(id, caseKey, false))).build();
        } catch (OroException e) {
            return RunsError.of(e);
        }
    }

    /** A thumbs up or down with an optional comment; answered with the rating as saved, so the reader sees it at once. */
    @PUT
    @Path("{caseKey}/rating")
    @Consumes(MediaType.APPLICATION_FORM_URLENCODED)
    @Produces(MediaType.TEXT_HTML)
    public Response rate(@PathParam("id") String id, @PathParam("caseKey") String caseKey, @FormParam("rating") String rating,
            @FormParam("comment") String comment) {
        try {
            int value;
            try {
                value = Integer.parseInt(rating == null ? "" : rating.strip());
            } catch (NumberFormatException e) {
                throw OroException.invalid("bad-rating", "'rating' must be 1 (thumbs up) or -1 (thumbs down)");
            }
            store.require(id);
            store.rate(id, caseKey, value, comment == null || comment.isBlank() ? null : comment.strip(), null);
            return Response.ok(Templates.rating(rating(id, caseKey, true))).build();
        } catch (OroException e) {
            return RunsError.of(e);
        }
    }

    /** Two outputs of one row word by word; {@code a} and {@code b} index the row's variants (default: the first two). */
    @GET
    @Path("diff")
    @Produces(MediaType.TEXT_HTML)
    public Response diff(@PathParam("id") String id, @QueryParam("test") String test, @QueryParam("repeat") Integer repeat,
            @QueryParam("a") Integer a, @QueryParam("b") Integer b) {
        try {
            store.require(id);
            if (test == null || repeat == null) {
                throw OroException.invalid("bad-diff", "the diff needs 'test' and 'repeat' (the row)");
            }
            Map<String, CaseResult> row = new LinkedHashMap<>();
            store.results(id, List.of(new RunStore.RowKey(test, repeat)), r -> row.put(r.variant(), r));
            List<CaseResult> results = new ArrayList<>(row.values());
            if (results.size() < 2) {
                throw OroException.notFound("row-not-found", "run '" + id + "' has no row '" + test + "' with two outputs to compare");
            }
            int ia = a == null ? 0 : a;
            int ib = b == null ? 1 : b;
            if (ia < 0 || ib < 0 || ia >= results.size() || ib >= results.size()) {
                throw OroException.invalid("bad-diff", "'a' and 'b' must be from 0 to " + (results.size() - 1));
            }
            CaseResult left = results.get(ia);
            CaseResult right = results.get(ib);
            WordDiff.Result words = WordDiff.of(text(left), text(right));
            List<Choice> choices = new ArrayList<>();
            results.forEach(r -> choices.add(new Choice(choices.size(), r.variant())));
            String url = "/runs/" + id + "/results/diff?test=" + RunFormat.url(test) + "&repeat=" + repeat;
            return Response.ok(Templates.diff(new Diff(url, choices, ia, ib, left.variant(), right.variant(), RunPage.kind(left),
                    RunPage.kind(right), words.left(), words.right(), words.changes()))).build();
        } catch (OroException e) {
            return RunsError.of(e);
        }
    }

    private static String text(CaseResult r) {
        return r.error() != null ? r.error() : r.output() == null ? "" : r.output();
    }

    private CaseResult result(String id, String caseKey) {
        store.require(id);
        return store.result(id, caseKey)
                .orElseThrow(() -> OroException.notFound("result-not-found", "run '" + id + "' has no result '" + caseKey + "'"));
    }

    private Rating rating(String id, String caseKey, boolean saved) {
        Optional<RunStore.Rating> r = store.ratings(id).stream().filter(x -> x.caseKey().equals(caseKey)).findFirst();
        return new Rating(id, caseKey, r.map(RunStore.Rating::rating).orElse(0), r.map(RunStore.Rating::comment).orElse(""),
                r.map(x -> RunFormat.when(x.ratedAt())).orElse(""), saved);
    }

}
