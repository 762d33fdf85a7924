package dev.oro.web;

import dev.oro.OroException;
import dev.oro.eval.RunComparison;
import dev.oro.eval.RunSummary;
import dev.oro.eval.stats.Interval;
import dev.oro.store.RunInfo;
import dev.oro.store.RunStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Two runs side by side: each shared variant's pass rates, the cases whose verdict flipped and
 * the paired verdict, all as {@link RunComparison} computes them for the API.
 */
@Path("/runs/compare")
@Blocking
public class ComparePage {

    /** Flipped cases listed per variant; the counts above them cover all. */
    static final int FLIPS = 50;

    public record Side(String variant, String passRate, String interval, Object passes, Object cases, String meanScore) {
    }

    public record Flip(String test, boolean passedA, List<WordDiff.Segment> left, List<WordDiff.Segment> right) {
    }

    public record Row(Side a, Side b, String delta, RunStore.Pairs pairs, String p, String verdict, String sentence, List<Flip> flips,
            long flipCount) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance compare(RunsPage.RunRow a, RunsPage.RunRow b, List<Row> rows, List<RunsPage.RunRow> recent);
    }

    @Inject
    RunStore store;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response get(@QueryParam("a") String a, @QueryParam("b") String b) {
        try {
            List<RunsPage.RunRow> recent = store.runs(0L, 50).stream().map(r -> RunsPage.row(r, new RunSummary(r.id(), r.status(), 0, 0, 0, 0))).toList();
            if (a == null || a.isBlank() || b == null || b.isBlank()) {
                return Response.ok(Templates.compare(null, null, List.of(), recent)).build();
            }
            RunComparison.Result result = RunComparison.compare(store, a, b);
            List<Row> rows = result.variants().stream().map(v -> row(a, b, v)).toList();
            return Response.ok(Templates.compare(header(a), header(b), rows, recent)).build();
        } catch (OroException e) {
            return RunsError.of(e);
        }
    }

    private RunsPage.RunRow header(String id) {
        RunInfo info = store.require(id);
        return RunsPage.row(info, store.summary(id));
    }

    private Row row(String runA, String runB, RunComparison.VariantComparison v) {
        Side a = side(v.a());
        Side b = side(v.b());
        double delta = ((Interval) v.b().get("passRate")).estimate() - ((Interval) v.a().get("passRate")).estimate();
        List<Flip> flips = store.flips(runA, a.variant(), runB, b.variant(), FLIPS).stream().map(f -> {
            WordDiff.Result d = WordDiff.of(f.outputA(), f.outputB());
            return new Flip(f.testId() + (f.repeat() == 0 ? "" : " #" + (f.repeat() + 1)), f.passedA(), d.left(), d.right());
        }).toList();
        return new Row(a, b, String.format(Locale.ROOT, "%+.1f pts", 100 * delta), v.pairs(),
                v.mcnemarP() < 0.001 ? "< 0.001" : String.format(Locale.ROOT, "%.3f", v.mcnemarP()),
                v.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'), v.sentence(), flips, v.pairs().onlyA() + v.pairs().onlyB());
    }

    private static Side side(Map<String, Object> row) {
        Interval rate = (Interval) row.get("passRate");
        Interval score = (Interval) row.get("meanScore");
        return new Side((String) row.get("variant"), RunFormat.percent(rate.estimate()), RunFormat.interval(rate), row.get("passed"),
                row.get("cases"), RunFormat.score(score.estimate()));
    }
}
