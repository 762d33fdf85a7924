package dev.oro.eval;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import dev.oro.eval.assertion.Assertion;
import dev.oro.eval.assertion.AssertionResult;
import dev.oro.eval.assertion.AssertionSpec;
import dev.oro.eval.assertion.Assertions;
import dev.oro.eval.assertion.Output;
import dev.oro.library.Hashing;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import dev.oro.model.Completions;
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
import dev.oro.store.RunStore;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
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
    record Planned(TestCase test, List<Assertion> assertions) {
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
            List<Variant> variants, List<Planned> tests, int repeat) {

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
        List<Planned> tests = plan(suite);
        int repeat = options.repeat() != null ? options.repeat() : suite.repeat();
        String runId = options.resumeRunId() != null ? store.require(options.resumeRunId()).id() : UUID.randomUUID().toString();
        return new Prepared(runId, suite, options, List.copyOf(modelNames), live, variants, tests, repeat);
    }

    public RunSummary run(Prepared prepared, RunListener listener) {
        Suite suite = prepared.suite();
        RunOptions options = prepared.options();
        Map<String, ResilientModel> live = prepared.live();
        List<Variant> variants = prepared.variants();
        List<Planned> tests = prepared.tests();
        int repeat = prepared.repeat();
        long total = prepared.total();
        String runId = prepared.runId();
        Set<String> done;
        if (options.resumeRunId() != null) {
            store.reopen(runId);
            done = store.completedKeys(runId);
        } else {
            store.createRun(runId, suite.file(), suite.description(), config(suite, prepared.modelNames(), repeat));
            done = Set.of();
        }
        listener.started(runId, total, done.size());

        int workers = Math.min(256, live.values().stream().mapToInt(m -> m.profile().concurrency()).sum());
        ExecutorService pool = Executors.newFixedThreadPool(Math.max(1, workers), r -> {
            Thread t = new Thread(r, "oro-eval");
            t.setDaemon(true);
            return t;
        });
        Semaphore queue = new Semaphore(Math.max(1, workers) * QUEUE_PER_WORKER);
        java.util.concurrent.atomic.AtomicReference<RuntimeException> broken = new java.util.concurrent.atomic.AtomicReference<>();
        try {
            for (Planned planned : tests) {
                for (Variant variant : variants) {
                    for (int r = 0; r < repeat; r++) {
                        String key = caseKey(planned.test().id(), variant.label(), r);
                        if (done.contains(key)) {
                            continue;
                        }
                        queue.acquireUninterruptibly();
                        if (broken.get() != null) {
                            break;
                        }
                        int repeatIndex = r;
                        pool.execute(() -> {
                            try {
                                CaseResult result = runCase(planned, variant, repeatIndex, key, live.get(variant.model()), options.noCache());
                                if (store.record(runId, result)) {
                                    listener.completed(result);
                                }
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
            Thread.currentThread().interrupt();
            store.finish(runId, "interrupted");
            throw OroException.invalid("interrupted", "run " + runId + " was interrupted; resume it with --resume " + runId);
        }
        if (broken.get() != null) {
            throw broken.get();
        }
        store.finish(runId, "completed");
        RunSummary summary = store.summary(runId);
        listener.finished(summary);
        return summary;
    }

    private List<Variant> variants(Suite suite, List<String> modelNames) {
        List<Variant> out = new ArrayList<>();
        for (String ref : suite.prompts()) {
            PromptVersion version;
            try {
                version = library.resolve(PromptRef.parse(ref));
            } catch (OroException e) {
                throw new OroException(e.kind(), e.type(), suite.file() + ": prompt '" + ref + "': " + e.detail(), e.extensions());
            }
            for (String model : modelNames) {
                for (Map<String, Object> params : suite.paramCombinations()) {
                    out.add(new Variant(version, model, params));
                }
            }
        }
        return out;
    }

    private static List<Planned> plan(Suite suite) {
        List<Planned> out = new ArrayList<>();
        for (TestCase test : suite.tests()) {
            List<Assertion> assertions = new ArrayList<>();
            for (AssertionEntry entry : suite.defaultAsserts()) {
                assertions.add(Assertions.create(AssertionSpec.parse(entry.raw(), entry.where())));
            }
            for (AssertionEntry entry : test.asserts()) {
                assertions.add(Assertions.create(AssertionSpec.parse(entry.raw(), entry.where())));
            }
            out.add(new Planned(test, List.copyOf(assertions)));
        }
        return out;
    }

    private CaseResult runCase(Planned planned, Variant variant, int repeat, String key, ResilientModel model, boolean noCache) {
        TestCase test = planned.test();
        PromptVersion version = variant.prompt();
        RenderedPrompt rendered;
        try {
            rendered = renderer.render(version, test.vars());
        } catch (OroException e) {
            return failure(key, test, variant, repeat, null, "render: " + e.detail());
        }
        var params = Completions.paramsFor(version.source().frontMatter(), model.profile(), variant.params());
        ModelRequest request = new ModelRequest(rendered.messages(), params);
        CachedReply reply;
        boolean cached = false;
        try {
            String cacheKey = cacheKey(model, request, repeat);
            var hit = noCache ? java.util.Optional.<String>empty() : store.cached(cacheKey);
            if (hit.isPresent()) {
                reply = JSON.readValue(hit.get(), CachedReply.class);
                cached = true;
            } else {
                ModelReply r = model.call(request, null);
                reply = new CachedReply(r.text(), r.finishReason(), r.usage().inputTokens(), r.usage().outputTokens(), r.latencyMs(),
                        r.cost(), r.modelIdentity());
                if (!noCache) {
                    // Only answers are cached; an error must be retried by the next run.
                    store.cache(cacheKey, JSON.writeValueAsString(reply));
                }
            }
        } catch (RuntimeException | JsonProcessingException e) {
            String message = e instanceof OroException o ? o.detail() : e.getMessage();
            return failure(key, test, variant, repeat, null, Secrets.redact(message));
        }
        Output output = new Output(reply.text(), test.vars(), reply.latencyMs(), reply.cost(), reply.finishReason());
        List<AssertionResult> results = new ArrayList<>();
        for (Assertion a : planned.assertions()) {
            try {
                results.add(a.evaluate(output));
            } catch (RuntimeException e) {
                results.add(new AssertionResult("error", false, 0, "the assertion failed to run: " + e.getMessage(), null, 1));
            }
        }
        boolean passed = results.stream().allMatch(AssertionResult::pass);
        double weights = results.stream().mapToDouble(AssertionResult::weight).sum();
        double score = weights == 0 ? (passed ? 1 : 0) : results.stream().mapToDouble(r -> r.score() * r.weight()).sum() / weights;
        return new CaseResult(key, test.id(), variant.label(), repeat, version.ref(), version.hash(), variant.model(), reply.modelIdentity(),
                test.vars(), reply.text(), passed, Math.min(1, Math.max(0, score)), null, reply.finishReason(), reply.latencyMs(),
                reply.inputTokens(), reply.outputTokens(), cached ? 0.0 : reply.cost(), cached, results);
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
