package dev.oro.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import dev.oro.eval.assertion.Assertion;
import dev.oro.eval.assertion.AssertionContext;
import dev.oro.eval.assertion.AssertionResult;
import dev.oro.eval.assertion.AssertionSpec;
import dev.oro.eval.assertion.Assertions;
import dev.oro.eval.assertion.Judge;
import dev.oro.eval.assertion.Output;
import dev.oro.library.Hashing;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import dev.oro.model.Completions;
import dev.oro.model.GenerationParams;
import dev.oro.model.ModelProfile;
import dev.oro.model.ModelRegistry;
import dev.oro.model.ModelReply;
import dev.oro.model.ModelRequest;
import dev.oro.model.Providers;
import dev.oro.model.ResilientModel;
import dev.oro.model.Secrets;
import dev.oro.render.RenderedPrompt;
import dev.oro.render.Renderer;
import dev.oro.store.CaseResult;
import dev.oro.store.RunLeases;
import dev.oro.store.RunStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.io.UncheckedIOException;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicReference;
import java.util.random.RandomGenerator;

/**
 * Runs a suite: plans the cases (tests × prompt versions × models × params × repeats), runs
 * them concurrently within each profile's limit, answers repeated calls from the response
 * cache, scores each output with its assertions and writes each result as it completes. A
 * failing case is recorded with its reason; it never aborts the run.
 */
public final class Runner {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Enough queued cases to keep every worker busy, few enough to keep memory flat. */
    private static final int QUEUE_PER_WORKER = 2;

    private final PromptLibrary library;
    private final Renderer renderer;
    private final ModelRegistry models;
    private final RunStore store;
    private final ExecutorService modelExecutor;

    public Runner(PromptLibrary library, Renderer renderer, ModelRegistry models, RunStore store, ExecutorService modelExecutor) {
        this.library = library;
        this.renderer = renderer;
        this.models = models;
        this.store = store;
        this.modelExecutor = modelExecutor;
    }

    /** A test with its assertions compiled once, before any model is called. */
    record Planned(TestCase test, List<Assertion> assertions, List<Comparative> comparatives) {
    }

    /** A select-best entry: judged across the variants of a test once they have all answered. */
    record Comparative(String criteria, double weight, String where) {
    }

    /** A cached answer: what is needed to score it again and report its figures. */
    record CachedReply(String text, String finishReason, int inputTokens, int outputTokens, long latencyMs, double cost,
            String modelIdentity) {
    }

    /**
     * A run checked and ready: its models exist, its prompt versions resolve and its assertions
     * compile. Nothing is written and no model is called until {@link #run(Prepared, RunListener)}.
     */
    public record Prepared(String runId, Suite suite, RunOptions options, List<String> modelNames, Map<String, ResilientModel> live,
            List<Variant> variants, List<Planned> tests, int repeat, Judge judge) {

        public long total() {
            return (long) tests.size() * variants.size() * repeat;
        }
    }

    public RunSummary run(Suite suite, RunOptions options, RunListener listener) {
        return run(prepare(suite, options), listener);
    }

    public Prepared prepare(Suite suite, RunOptions options) {
        List<String> modelNames = options.models().isEmpty() ? suite.models() : options.models();
        if (modelNames.isEmpty()) {
            throw OroException.invalid("no-models", suite.file() + ": name the models to run in 'models', or pass --model");
        }
        Map<String, ResilientModel> live = new LinkedHashMap<>();
        for (String name : modelNames) {
            ResilientModel model = models.model(name);
            if (options.concurrency() != null) {
                ModelProfile p = model.profile().withConcurrency(options.concurrency());
                model = new ResilientModel(p, model.provider(), System::nanoTime, d -> Thread.sleep(d.toMillis()),
                        RandomGenerator.getDefault(), modelExecutor);
            }
            live.put(name, model);
        }
        List<Variant> variants = variants(suite, modelNames);
        Judge judge = judge(suite, options.noCache());
        List<Planned> tests = plan(suite, new AssertionContext(judge, MiniLmEmbeddings.shared()));
        int repeat = options.repeat() != null ? options.repeat() : suite.repeat();
        String runId = UUID.randomUUID().toString();
        if (options.resumeRunId() != null) {
            runId = store.require(options.resumeRunId()).id();
            store.leases().check(runId);
        }
        return new Prepared(runId, suite, options, List.copyOf(modelNames), live, variants, tests, repeat, judge);
    }

    /**
     * Runs the cases not done yet, holding the run's lease throughout: a second process asked to
     * run the same run is refused while this one lives.
     */
    public RunSummary run(Prepared prepared, RunListener listener) {
        Suite suite = prepared.suite();
        RunOptions options = prepared.options();
        int repeat = prepared.repeat();
        String runId = prepared.runId();
        RunLeases leases = store.leases();
        RunLeases.Lease lease;
        Set<String> done;
        if (options.resumeRunId() != null) {
            lease = leases.acquire(runId);
            store.reopen(runId);
            done = store.completedKeys(runId);
        } else {
            store.createRun(runId, suite.file(), suite.description(), config(suite, prepared.modelNames(), repeat));
            lease = leases.acquire(runId);
            done = Set.of();
        }
        AtomicReference<RuntimeException> broken = new AtomicReference<>();
        ScheduledExecutorService heartbeat = heartbeat(leases, lease, broken);
        try {
            return runCases(prepared, done, broken, listener);
        } finally {
            heartbeat.shutdownNow();
            try {
                leases.release(lease);
            } catch (RuntimeException e) {
                // the lease expires on its own
            }
        }
    }

    /** Renews the run's lease; a lease another process took over stops this run. */
    private static ScheduledExecutorService heartbeat(RunLeases leases, RunLeases.Lease lease, AtomicReference<RuntimeException> broken) {
        ScheduledExecutorService beat = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "oro-lease");
            t.setDaemon(true);
            return t;
        });
        long every = leases.heartbeatEvery().toMillis();
        beat.scheduleAtFixedRate(() -> {
            try {
                if (!leases.heartbeat(lease)) {
                    broken.compareAndSet(null, OroException.conflict("run-in-progress", "run " + lease.runId()
                            + " was taken over by another Oro process after this one missed its heartbeats; this process stopped"));
                }
            } catch (RuntimeException e) {
                // the database is unreachable for now: the next beat tries again
            }
        }, every, every, TimeUnit.MILLISECONDS);
        return beat;
    }

    private RunSummary runCases(Prepared prepared, Set<String> done, AtomicReference<RuntimeException> broken, RunListener listener) {
        RunOptions options = prepared.options();
        Map<String, ResilientModel> live = prepared.live();
        List<Variant> variants = prepared.variants();
        List<Planned> tests = prepared.tests();
        int repeat = prepared.repeat();
        String runId = prepared.runId();
        listener.started(runId, prepared.total(), done.size());

        // Twice the calls allowed in flight: while some workers render, score and store, others keep
        // every profile's slots busy. Each profile's own limit still caps the calls made at once.
        int workers = Math.min(256, 2 * live.values().stream().mapToInt(m -> m.profile().concurrency()).sum());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "oro-eval");
            t.setDaemon(true);
            return t;
        });
        Semaphore queue = new Semaphore(Math.max(1, workers) * QUEUE_PER_WORKER);
        Recorder recorder = new Recorder(store, runId, listener);
        try {
            cases:
            for (Planned planned : tests) {
                for (Variant variant : variants) {
                    for (int r = 0; r < repeat; r++) {
                        String key = caseKey(planned.test().id(), variant.label(), r);
                        if (done.contains(key)) {
                            continue;
                        }
                        queue.acquireUninterruptibly();
                        if (broken.get() != null || recorder.failure() != null) {
                            queue.release();
                            break cases;
                        }
                        int repeatIndex = r;
                        pool.execute(() -> {
                            try {
                                recorder.add(runCase(planned, variant, repeatIndex, key, live.get(variant.model()), options.noCache()));
                            } catch (RuntimeException e) {
                                // Case failures are results; this is the store itself failing, so the run stops.
                                broken.compareAndSet(null, e);
                            } finally {
                                queue.release();
                            }
                        });
                    }
                }
            }
            pool.shutdown();
            while (!pool.awaitTermination(1, TimeUnit.SECONDS)) {
                // waiting for the last cases
            }
        } catch (InterruptedException e) {
            pool.shutdownNow();
            recorder.close();
            Thread.currentThread().interrupt();
            store.finish(runId, "interrupted");
            throw OroException.invalid("interrupted", "run " + runId + " was interrupted; resume it with --resume " + runId);
        }
        recorder.close();
        broken.compareAndSet(null, recorder.failure());
        if (broken.get() != null) {
            throw broken.get();
        }
        selectBest(runId, tests, variants, repeat, prepared.judge());
        store.finish(runId, "completed");
        RunSummary summary = store.summary(runId);
        listener.finished(summary);
        return summary;
    }

    private List<Variant> variants(Suite suite, List<String> modelNames) {
        List<Variant> out = new ArrayList<>();
        java.util.Set<String> varying = new java.util.HashSet<>();
        suite.params().forEach((key, values) -> {
            if (values.size() > 1) {
                varying.add(key);
            }
        });
        for (String ref : suite.prompts()) {
            PromptVersion version;
            try {
                version = library.resolve(PromptRef.parse(ref));
            } catch (OroException e) {
                throw new OroException(e.kind(), e.type(), suite.file() + ": prompt '" + ref + "': " + e.detail(), e.extensions());
            }
            for (String model : modelNames) {
                for (Map<String, Object> params : suite.paramCombinations()) {
                    out.add(new Variant(version, model, params, varying));
                }
            }
        }
        return out;
    }

    private static List<Planned> plan(Suite suite, AssertionContext context) {
        List<Planned> out = new ArrayList<>();
        for (TestCase test : suite.tests()) {
            List<Assertion> assertions = new ArrayList<>();
            List<Comparative> comparatives = new ArrayList<>();
            List<AssertionEntry> entries = new ArrayList<>(suite.defaultAsserts());
            entries.addAll(test.asserts());
            for (AssertionEntry entry : entries) {
                if (String.valueOf(entry.raw().get("type")).endsWith(SelectBest.TYPE)) {
                    comparatives.add(comparative(entry, context));
                } else {
                    assertions.add(compile(entry, context));
                }
            }
            out.add(new Planned(test, List.copyOf(assertions), List.copyOf(comparatives)));
        }
        return out;
    }

    private static Comparative comparative(AssertionEntry entry, AssertionContext context) {
        if (entry.raw().get("type").equals("not-" + SelectBest.TYPE)) {
            throw OroException.invalid("invalid-assertion", entry.where() + ": select-best cannot be negated");
        }
        if (!(entry.raw().get("value") instanceof String criteria) || criteria.isBlank()) {
            throw OroException.invalid("invalid-assertion", entry.where() + ": select-best needs the criteria as its value,"
                    + " e.g. value: the clearest and most accurate answer");
        }
        if (context.judge() == null) {
            throw OroException.invalid("invalid-assertion", entry.where() + ": select-best needs a judge: add `judge: PROFILE` to the suite");
        }
        double weight = entry.raw().get("weight") instanceof Number n ? n.doubleValue() : 1;
        return new Comparative(criteria, weight, entry.where());
    }

    /**
     * Applies select-best once every variant of a test has answered: the judge picks one output
     * per test and repeat, and each result is rescored with that verdict. A resumed run judges
     * only the groups not judged yet.
     */
    private void selectBest(String runId, List<Planned> tests, List<Variant> variants, int repeat, Judge judge) {
        for (Planned planned : tests) {
            for (Comparative comparative : planned.comparatives()) {
                for (int r = 0; r < repeat; r++) {
                    List<CaseResult> group = new ArrayList<>();
                    for (Variant variant : variants) {
                        store.result(runId, caseKey(planned.test().id(), variant.label(), r))
                                .filter(c -> c.error() == null)
                                .filter(c -> c.assertions().stream().noneMatch(a -> a.type().equals(SelectBest.TYPE)))
                                .ifPresent(group::add);
                    }
                    if (group.isEmpty()) {
                        continue;
                    }
                    List<AssertionResult> verdicts = SelectBest.judge(judge, comparative.criteria(),
                            group.stream().map(CaseResult::output).toList(), comparative.weight());
                    for (int i = 0; i < group.size(); i++) {
                        CaseResult c = group.get(i);
                        List<AssertionResult> all = new ArrayList<>(c.assertions());
                        all.add(verdicts.get(i));
                        store.rescore(runId, c.caseKey(), passed(all), score(all), all);
                    }
                }
            }
        }
    }

    private static boolean passed(List<AssertionResult> results) {
        return results.stream().allMatch(AssertionResult::pass);
    }

    /** The weighted mean of the assertion scores; 1 or 0 for an output with no weighted assertion. */
    private static double score(List<AssertionResult> results) {
        double weights = results.stream().mapToDouble(AssertionResult::weight).sum();
        double score = weights == 0 ? (passed(results) ? 1 : 0)
                : results.stream().mapToDouble(r -> r.score() * r.weight()).sum() / weights;
        return Math.min(1, Math.max(0, score));
    }

    /** One assertion; a type this run cannot serve (no judge) is refused with its place. */
    private static Assertion compile(AssertionEntry entry, AssertionContext context) {
        AssertionSpec spec = AssertionSpec.parse(entry.raw(), entry.where());
        try {
            return Assertions.create(spec, context);
        } catch (OroException e) {
            throw OroException.invalid(e.type(), entry.where() + ": " + e.detail());
        }
    }

    /** The suite's judge, or null: at temperature 0 in JSON mode, its answers cached like the cases'. */
    private Judge judge(Suite suite, boolean noCache) {
        if (suite.judge() == null) {
            return null;
        }
        ResilientModel model;
        try {
            model = models.model(suite.judge());
        } catch (OroException e) {
            throw new OroException(e.kind(), e.type(), suite.file() + ": judge: " + e.detail(), e.extensions());
        }
        GenerationParams params = model.profile().defaults().overriddenBy(GenerationParams.JUDGING);
        return messages -> {
            try {
                Answer answer = answer(model, new ModelRequest(messages, params), 0, noCache);
                if (answer.cacheKey() != null) {
                    store.cache(answer.cacheKey(), answer.cacheValue());
                }
                return answer.reply().text();
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        };
    }

    private Recorder.Write runCase(Planned planned, Variant variant, int repeat, String key, ResilientModel model, boolean noCache) {
        TestCase test = planned.test();
        PromptVersion version = variant.prompt();
        RenderedPrompt rendered;
        try {
            rendered = renderer.render(version, test.vars());
        } catch (OroException e) {
            return new Recorder.Write(failure(key, test, variant, repeat, null, "render: " + e.detail()), null, null);
        }
        var params = Completions.paramsFor(version.source().frontMatter(), model.profile(), variant.params());
        ModelRequest request = new ModelRequest(rendered.messages(), params);
        Answer answer;
        try {
            answer = answer(model, request, repeat, noCache);
        } catch (RuntimeException | JsonProcessingException e) {
            String message = e instanceof OroException o ? o.detail() : e.getMessage();
            return new Recorder.Write(failure(key, test, variant, repeat, null, Secrets.redact(message)), null, null);
        }
        CachedReply reply = answer.reply();
        boolean cached = answer.cached();
        Output output = new Output(reply.text(), test.vars(), reply.latencyMs(), reply.cost(), reply.finishReason());
        List<AssertionResult> results = new ArrayList<>();
        for (Assertion a : planned.assertions()) {
            try {
                results.add(a.evaluate(output));
            } catch (RuntimeException e) {
                results.add(new AssertionResult("error", false, 0, "the assertion failed to run: " + e.getMessage(), null, 1));
            }
        }
        return new Recorder.Write(new CaseResult(key, test.id(), variant.label(), repeat, version.ref(), version.hash(), variant.model(),
                reply.modelIdentity(), test.vars(), reply.text(), passed(results), score(results), null, reply.finishReason(),
                reply.latencyMs(), reply.inputTokens(), reply.outputTokens(), cached ? 0.0 : reply.cost(), cached, results),
                answer.cacheKey(), answer.cacheValue());
    }

    /**
     * A model's reply and whether it came from the cache; a fresh answer to cache has its key and
     * value (the caller stores them: a case with its result, in one transaction).
     */
    private record Answer(CachedReply reply, boolean cached, String cacheKey, String cacheValue) {
    }

    private Answer answer(ResilientModel model, ModelRequest request, int repeat, boolean noCache) throws JsonProcessingException {
        String cacheKey = cacheKey(model, request, repeat);
        Optional<String> hit = noCache ? Optional.empty() : store.cached(cacheKey);
        if (hit.isPresent()) {
            return new Answer(JSON.readValue(hit.get(), CachedReply.class), true, null, null);
        }
        ModelReply r = model.call(request, null);
        CachedReply reply = new CachedReply(r.text(), r.finishReason(), r.usage().inputTokens(), r.usage().outputTokens(), r.latencyMs(),
                r.cost(), r.modelIdentity());
        // Only answers are cached; an error must be retried by the next run.
        return noCache ? new Answer(reply, false, null, null) : new Answer(reply, false, cacheKey, JSON.writeValueAsString(reply));
    }

    private static CaseResult failure(String key, TestCase test, Variant variant, int repeat, String output, String error) {
        return new CaseResult(key, test.id(), variant.label(), repeat, variant.prompt().ref(), variant.prompt().hash(), variant.model(),
                null, test.vars(), output, false, 0, error, null, null, null, null, null, false, List.of());
    }

    /** The case's identity in a run: the same test, variant and repeat always get the same key. */
    static String caseKey(String testId, String variant, int repeat) {
        return Hashing.sha256(testId + "\u0000" + variant + "\u0000" + repeat).substring("sha256:".length());
    }

    /** Provider, model identity, params, rendered messages and repeat; never a key or secret. */
    static String cacheKey(ResilientModel model, ModelRequest request, int repeat) throws JsonProcessingException {
        Map<String, Object> parts = new LinkedHashMap<>();
        parts.put("provider", model.profile().provider());
        parts.put("baseUrl", model.profile().baseUrl());
        // Local engines know their model's identity up front (GGUF sha256, Ollama digest); for an API
        // the identity is the model name, because the snapshot it reports is only known after a call.
        parts.put("identity", Providers.isLocal(model.profile().provider()) ? model.provider().identity() : model.profile().model());
        parts.put("params", request.params());
        parts.put("messages", request.messages());
        parts.put("repeat", repeat);
        return Hashing.sha256(JSON.writeValueAsString(parts));
    }

    private static String config(Suite suite, List<String> modelNames, int repeat) {
        try {
            Map<String, Object> config = new LinkedHashMap<>();
            config.put("suite", suite.file());
            config.put("prompts", suite.prompts());
            config.put("models", modelNames);
            config.put("params", suite.params());
            config.put("repeat", repeat);
            config.put("tests", suite.tests().size());
            return JSON.writeValueAsString(config);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
