package dev.oro.web;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import dev.oro.api.LiveRun;
import dev.oro.api.LiveRuns;
import dev.oro.eval.Reports;
import dev.oro.eval.RunSummary;
import dev.oro.eval.stats.Comparison;
import dev.oro.eval.stats.VariantStats;
import dev.oro.store.CaseResult;
import dev.oro.store.RunInfo;
import dev.oro.store.RunStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import io.smallrye.mutiny.Multi;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.sse.OutboundSseEvent;
import jakarta.ws.rs.sse.Sse;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * One run: live progress while it runs, then the results matrix (tests × variants), one page of
 * rows at a time, with the per-variant pass rates, their chart and the paired verdicts.
 */
@Path("/runs/{id}")
@Blocking
public class RunPage {

    static final int ROWS = 50;

    /** Where a run stands; {@code live} when this server is running it, {@code stale} when it says running but nothing runs it. */
    public record Header(String id, String shortId, String suite, String description, String status, String started, String finished,
            long cases, long passed, long failed, long errors, boolean live, boolean stale) {
    }

    public record Progress(long done, long total, long passed, long failed, long errors, int percent) {

        static Progress of(LiveRun.Progress p) {
            return new Progress(p.done(), p.total(), p.passed(), p.failed(), p.errors(),
                    p.total() == 0 ? 0 : (int) Math.min(100, 100 * p.done() / p.total()));
        }
    }

    /** A column of the matrix with its figures. */
    public record Column(int index, String name, int cases, int passes, int errors, String passRate, String interval, String meanScore,
            String p50, long inputTokens, long outputTokens, String cost) {
    }

    public record Cell(String caseKey, String kind, String score, String preview, int rating, boolean present) {
    }

    public record Row(int index, String label, String vars, List<Cell> cells, boolean disagree, String diffUrl) {

        /** The diff row spans the test column and every variant. */
        public int span() {
            return cells.size() + 1;
        }
    }

    public record Verdict(String sentence, String verdict, String decidedBy) {
    }

    public record Filter(String name, String label, long count, String url, boolean current) {
    }

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance run(Header run, Progress progress, List<Column> columns, String chart, List<Verdict> verdicts,
                List<Row> rows, RunPager pager, List<Filter> filters, SuiteAgreement agreement, List<RunsPage.RunRow> others);

        static native TemplateInstance progress(Progress progress);
    }

    @Inject
    RunStore store;

    @Inject
    LiveRuns live;

    @Inject
    RunAnalyses analyses;

    @Inject
    ObjectMapper json;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public Response get(@PathParam("id") String id, @QueryParam("filter") String filter, @QueryParam("page") String page) {
        try {
            return Response.ok(page(id, filter, page)).build();
        } catch (OroException e) {
            return RunsError.of(e);
        }
    }

    private TemplateInstance page(String id, String filterName, String pageNumber) {
        Optional<LiveRun> running = live.get(id);
        Optional<RunInfo> info = store.run(id);
        if (info.isEmpty()) {
            // Accepted but waiting for a slot on the run executor: all there is, is its progress.
            LiveRun queued = running.orElseThrow(() -> OroException.notFound("run-not-found", "no run with id '" + id + "'"));
            Header header = new Header(id, RunFormat.shortId(id), "Run " + RunFormat.shortId(id), "", "queued", "", "", 0, 0, 0, 0, true, false);
            return Templates.run(header, Progress.of(queued.progress()), List.of(), "", List.of(), List.of(), null, List.of(), null, List.of());
        }
        RunInfo run = info.get();
        RunStore.RowFilter filter = filter(filterName);
        boolean isLive = "running".equals(run.status()) && running.isPresent();
        RunSummary summary = store.summary(id);
        Header header = new Header(id, RunFormat.shortId(id), run.suite(), run.description() == null ? "" : run.description(), run.status(),
                RunFormat.when(run.createdAt()), RunFormat.when(run.finishedAt()), summary.cases(), summary.passed(), summary.failed(),
                summary.errors(), isLive, "running".equals(run.status()) && running.isEmpty());
        SuiteAgreement agreement = SuiteAgreement.of(run.suite(), store.ratedResults(run.suite()));
        if (isLive) {
            return Templates.run(header, Progress.of(running.get().progress()), List.of(), "", List.of(), List.of(), null, List.of(),
                    agreement, List.of());
        }
        Reports.Analysis analysis = analyses.of(run);
        List<String> variants = new ArrayList<>(analysis.stats().keySet());
        List<Column> columns = columns(analysis.stats());
        String base = "/runs/" + id + "?filter=" + filter.name().toLowerCase(Locale.ROOT) + "&";
        RunPager pager = RunPager.of(pageNumber, store.rowCount(id, filter), ROWS, base);
        List<Row> rows = rows(id, variants, store.rows(id, filter, pager.offset(), ROWS));
        List<Filter> filters = new ArrayList<>();
        for (RunStore.RowFilter f : RunStore.RowFilter.values()) {
            String name = f.name().toLowerCase(Locale.ROOT);
            filters.add(new Filter(name, switch (f) {
                case ALL -> "All rows";
                case FAILURES -> "Failures";
                case DISAGREE -> "Variants disagree";
            }, f == filter ? pager.total() : store.rowCount(id, f), "/runs/" + id + "?filter=" + name, f == filter));
        }
        List<Verdict> verdicts = analysis.comparisons().stream().map(c -> new Verdict(c.sentence(),
                c.verdict().name().toLowerCase(Locale.ROOT).replace('_', '-'), c.decidedBy() == Comparison.Decider.NONE ? ""
                        : c.decidedBy() == Comparison.Decider.MCNEMAR ? "McNemar" : "paired bootstrap")).toList();
        List<RunsPage.RunRow> others = store.runs(0L, 30).stream().filter(r -> !r.id().equals(id))
                .map(r -> RunsPage.row(r, new RunSummary(r.id(), r.status(), 0, 0, 0, 0))).toList();
        return Templates.run(header, null, columns, chart(analysis.stats()), verdicts, rows, pager, filters, agreement, others);
    }

    private static RunStore.RowFilter filter(String name) {
        if (name == null || name.isBlank()) {
            return RunStore.RowFilter.ALL;
        }
        try {
            return RunStore.RowFilter.valueOf(name.strip().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw OroException.invalid("bad-filter", "'filter' must be all, failures or disagree, not '" + name + "'");
        }
    }

    private static List<Column> columns(Map<String, VariantStats> stats) {
        List<Column> out = new ArrayList<>();
        stats.forEach((name, v) -> out.add(new Column(out.size(), name, v.cases(), v.passes(), v.errors(), RunFormat.percent(v.passRate().estimate()),
                RunFormat.interval(v.passRate()), RunFormat.score(v.meanScore().estimate()), String.format(Locale.ROOT, "%.0f ms", v.latencyP50Ms()),
                v.inputTokens(), v.outputTokens(), RunFormat.cost(v.totalCost()))));
        return out;
    }

    /** The chart's data in percent, for runs.js; the page escapes it into an attribute, so outputs cannot break out. */
    private String chart(Map<String, VariantStats> stats) {
        Map<String, Object> data = new LinkedHashMap<>();
        data.put("labels", List.copyOf(stats.keySet()));
        data.put("rates", stats.values().stream().map(v -> round(v.passRate().estimate())).toList());
        data.put("lows", stats.values().stream().map(v -> round(v.passRate().low())).toList());
        data.put("highs", stats.values().stream().map(v -> round(v.passRate().high())).toList());
        try {
            return json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static double round(double fraction) {
        return Math.round(fraction * 1000) / 10.0;
    }

    private List<Row> rows(String id, List<String> variants, List<RunStore.RowKey> keys) {
        Map<RunStore.RowKey, Map<String, CaseResult>> byRow = new LinkedHashMap<>();
        keys.forEach(k -> byRow.put(k, new LinkedHashMap<>()));
        store.results(id, keys, r -> {
            Map<String, CaseResult> row = byRow.get(new RunStore.RowKey(r.testId(), r.repeat()));
            if (row != null) {
                row.put(r.variant(), r);
            }
        });
        Map<String, Integer> ratings = store.ratings(id).stream().collect(Collectors.toMap(RunStore.Rating::caseKey, RunStore.Rating::rating));
        List<Row> rows = new ArrayList<>();
        for (Map.Entry<RunStore.RowKey, Map<String, CaseResult>> e : byRow.entrySet()) {
            RunStore.RowKey key = e.getKey();
            List<Cell> cells = new ArrayList<>();
            for (String variant : variants) {
                CaseResult r = e.getValue().get(variant);
                cells.add(r == null ? new Cell("", "missing", "", "", 0, false)
                        : new Cell(r.caseKey(), kind(r), RunFormat.score(r.score()), RunFormat.preview(r.error() != null ? r.error() : r.output(), 140),
                                ratings.getOrDefault(r.caseKey(), 0), true));
            }
            boolean anyPass = e.getValue().values().stream().anyMatch(CaseResult::passed);
            boolean anyFail = e.getValue().values().stream().anyMatch(r -> !r.passed());
            CaseResult first = e.getValue().values().stream().findFirst().orElse(null);
            String vars = first == null ? "" : first.vars().entrySet().stream()
                    .map(v -> v.getKey() + " = " + RunFormat.preview(String.valueOf(v.getValue()), 80)).collect(Collectors.joining("\n"));
            String label = key.testId() + (key.repeat() == 0 ? "" : " #" + (key.repeat() + 1));
            rows.add(new Row(rows.size(), label, vars, cells, anyPass && anyFail,
                    "/runs/" + id + "/results/diff?test=" + RunFormat.url(key.testId()) + "&repeat=" + key.repeat()));
        }
        return rows;
    }

    static String kind(CaseResult r) {
        return r.error() != null ? "error" : r.passed() ? "pass" : "fail";
    }

    /** Progress as HTML fragments for the page's SSE extension, then {@code finished}, which makes the page fetch its results. */
    @GET
    @Path("events")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> events(@PathParam("id") String id, @Context Sse sse) {
        Optional<LiveRun> running = live.get(id);
        if (running.isEmpty()) {
            return Multi.createFrom().item(sse.newEventBuilder().name("finished").data("finished").build());
        }
        // One line each: an SSE data field ends at a newline.
        return running.get().events(p -> sse.newEventBuilder().name("progress")
                .data(Templates.progress(Progress.of(p)).render().replaceAll("\\s*\\n\\s*", " ")).build(),
                summary -> sse.newEventBuilder().name("finished").data(summary.status()).build());
    }
}
