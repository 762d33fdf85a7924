package dev.oro.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroConfig;
import dev.oro.OroException;
import dev.oro.eval.Reports;
import dev.oro.eval.RunOptions;
import dev.oro.eval.Runner;
import dev.oro.eval.Suite;
import dev.oro.eval.Sweep;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.model.ModelRegistry;
import dev.oro.store.RunStore;
import dev.oro.variants.Ablation;
import dev.oro.variants.Rewrite;
import dev.oro.variants.Variants;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.jboss.logging.Logger;

/**
 * Ablations started through the server, for the REST API and the web page alike. Each is
 * checked in full before it is accepted, then runs on the run executor like an eval run. Its
 * state is a JSON file in {@code <data dir>/ablations/}, rewritten when it finishes, so a
 * finished report outlives the server; one still marked running after a restart was interrupted.
 */
@ApplicationScoped
public class Ablations {

    private static final Logger LOG = Logger.getLogger(Ablations.class);
    private static final Pattern ID = Pattern.compile("[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}");

    /** What to ablate: a prompt version, a suite inside the evals folder, and optionally models, rules, repeats and a sweep. */
    public record Request(String ref, String suite, List<String> models, List<String> rules, Integer repeat,
            Map<String, List<Object>> sweep) {
    }

    /**
     * An ablation as the API shows it.
     *
     * @param progress cases done and to do while it runs, else null
     * @param error    why it failed, else null
     * @param report   the report once it completed, else null
     */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String id, String base, String suite, List<String> models, String status, Instant createdAt, Instant finishedAt,
            String runId, LiveRun.Progress progress, String error, Ablation.Report report) {

        public boolean running() {
            return "running".equals(status);
        }

        View with(String status, LiveRun.Progress progress, String error, Ablation.Report report, Instant finishedAt) {
            return new View(id, base, suite, models, status, createdAt, finishedAt, runId, progress, error, report);
        }
    }

    @Inject
    OroConfig config;

    @Inject
    PromptLibrary library;

    @Inject
    ModelRegistry models;

    @Inject
    Runner runner;

    @Inject
    Reports reports;

    @Inject
    RunStore store;

    @Inject
    @Named("runs")
    ExecutorService executor;

    @Inject
    ObjectMapper json;

    private final Map<String, LiveAblation> live = new ConcurrentHashMap<>();

    private record LiveAblation(View view, LiveRun run) {
    }

    /** Checks the request field by field, writes the variants and starts the run; answers at once. */
    public View start(Request request) {
        if (request == null) {
            throw OroException.invalid("bad-ablation-request", "the body must be JSON such as {\"ref\": \"summarize\", \"suite\": \"x.yaml\"}");
        }
        if (request.ref() == null || request.ref().isBlank()) {
            throw OroException.invalid("bad-ablation-request", "'ref' is required: the base version, e.g. summarize or summarize@2");
        }
        if (request.repeat() != null && request.repeat() < 1) {
            throw OroException.invalid("bad-ablation-request", "'repeat' must be 1 or more, not " + request.repeat());
        }
        Suite suite = Fields.named("suite", () -> new EvalsFolder(config.evalsDir()).suite(request.suite()));
        List<String> modelNames = Fields.present(request.models());
        modelNames.forEach(m -> Fields.named("models", () -> models.profile(m)));
        List<String> rules = Fields.present(request.rules());
        List<Rewrite> rewrites = Fields.named("rules", () -> Variants.select(rules));
        Suite swept = Fields.named("sweep", () -> Sweep.apply(suite, request.sweep(), "'sweep'"));
        Fields.named("ref", () -> library.resolve(PromptRef.parse(request.ref().strip())));
        Ablation.Plan plan = Ablation.plan(library, runner, request.ref().strip(), swept,
                new RunOptions(modelNames, null, request.repeat(), false, null), rewrites);
        Runner.Prepared prepared = plan.prepared();
        View view = new View(UUID.randomUUID().toString(), plan.base(), suite.file(), prepared.modelNames(), "running", Instant.now(), null,
                prepared.runId(), null, null, null);
        LiveRun run = new LiveRun(prepared.runId(), prepared.total(), store, System::currentTimeMillis);
        live.put(view.id(), new LiveAblation(view, run));
        save(view);
        executor.execute(() -> execute(view, plan, run));
        return view.with("running", run.progress(), null, null, null);
    }

    private void execute(View view, Ablation.Plan plan, LiveRun run) {
        try {
            Ablation.Report report = Ablation.report(reports, plan, runner.run(plan.prepared(), run));
            save(view.with("completed", null, null, report, Instant.now()));
        } catch (RuntimeException e) {
            // A bad request never gets here (it was checked before it was accepted): this is the store or the server stopping.
            boolean interrupted = e instanceof OroException o && "interrupted".equals(o.type());
            if (!interrupted) {
                LOG.errorf(e, "ablation %s failed", view.id());
            }
            String why = e instanceof OroException o ? o.detail() : "the ablation failed unexpectedly; the server log has the details";
            save(view.with(interrupted ? "interrupted" : "failed", run.progress(), why, null, Instant.now()));
        } finally {
            live.remove(view.id());
        }
    }

    /** Newest first, without their reports. */
    public List<View> list() {
        List<View> out = new ArrayList<>();
        Path dir = dir();
        if (Files.isDirectory(dir)) {
            try (Stream<Path> files = Files.list(dir)) {
                files.filter(f -> ID.matcher(name(f)).matches()).forEach(f -> read(name(f)).ifPresent(v -> out.add(v.with(v.status(),
                        v.progress(), v.error(), null, v.finishedAt()))));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        out.sort(Comparator.comparing(View::createdAt).reversed());
        return out;
    }

    public View get(String id) {
        return read(id).orElseThrow(() -> OroException.notFound("ablation-not-found", "no ablation with id '" + id + "'"));
    }

    private Optional<View> read(String id) {
        if (id == null || !ID.matcher(id).matches()) {
            return Optional.empty();
        }
        LiveAblation running = live.get(id);
        if (running != null) {
            return Optional.of(running.view().with("running", running.run().progress(), null, null, null));
        }
        Path file = dir().resolve(id + ".json");
        if (!Files.isRegularFile(file)) {
            return Optional.empty();
        }
        try {
            View view = json.readValue(file.toFile(), View.class);
            return Optional.of(view.running() ? view.with("interrupted", null, "the server stopped before the ablation finished", null, null)
                    : view);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private synchronized void save(View view) {
        try {
            dev.oro.dataset.DatasetFiles.replace(dir().resolve(view.id() + ".json"), json.writeValueAsString(view));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private Path dir() {
        return Path.of(config.dataDir()).resolve("ablations");
    }

    private static String name(Path file) {
        String n = file.getFileName().toString();
        return n.endsWith(".json") ? n.substring(0, n.length() - 5) : n;
    }
}
