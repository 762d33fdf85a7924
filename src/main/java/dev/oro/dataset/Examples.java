package dev.oro.dataset;

import dev.oro.OroException;
import dev.oro.eval.AssertionEntry;
import dev.oro.eval.Suite;
import dev.oro.eval.TestCase;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import dev.oro.render.RenderedPrompt;
import dev.oro.render.Renderer;
import dev.oro.store.Annotation;
import dev.oro.store.AnnotationStore;
import dev.oro.store.CaseResult;
import dev.oro.store.RunStore;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Turns a run's results (with their annotations) or a suite's tests into examples. The messages
 * are rendered again from the exact prompt version and variables of each result, so an export
 * shows what the model was sent. An item with no answer to train on (an error, an empty output)
 * is left out: an empty assistant turn would teach the model to say nothing.
 */
public final class Examples {

    private final PromptLibrary library;
    private final Renderer renderer;

    public Examples(PromptLibrary library, Renderer renderer) {
        this.library = library;
        this.renderer = renderer;
    }

    public static String runSource(String runId) {
        return "run:" + runId;
    }

    /** A run's examples in its stable order; {@code onlyAccepted} keeps what a person accepted or edited. */
    public List<Example> fromRun(RunStore runs, AnnotationStore annotations, String runId, boolean onlyAccepted) {
        runs.require(runId);
        String source = runSource(runId);
        Map<String, Annotation> notes = annotations.annotations(source);
        Map<String, PromptVersion> versions = new HashMap<>();
        List<Example> out = new ArrayList<>();
        runs.results(runId, r -> {
            Annotation a = notes.getOrDefault(r.caseKey(), Annotation.none(source, r.caseKey()));
            if (onlyAccepted && !a.accepted()) {
                return;
            }
            String answer = a.ideal() != null ? a.ideal() : r.output();
            if (answer == null || answer.isBlank()) {
                return;
            }
            PromptVersion version = versions.computeIfAbsent(r.prompt(), this::version);
            RenderedPrompt rendered = render(version, r.vars(), source + " " + r.caseKey());
            out.add(new Example(source, r.caseKey(), r.testId(), version.name(), version.version(), r.promptHash(), r.model(),
                    r.modelIdentity(), rendered.messages(), answer, r.output(), a.decision(), a.note(), r.vars()));
        });
        return out;
    }

    /**
     * A suite's tests for each of its prompts, answered by each test's expected text (an
     * {@code equals} or {@code similar} assertion). {@code onlyAccepted} keeps drafted tests a
     * person accepted; drafts not yet accepted never count, as in a run.
     */
    public List<Example> fromSuite(Suite suite, boolean onlyAccepted) {
        List<Example> out = new ArrayList<>();
        for (String ref : suite.prompts()) {
            PromptVersion version = library.resolve(PromptRef.parse(ref));
            for (TestCase test : suite.tests()) {
                String answer = expected(test);
                if (answer == null || answer.isBlank() || onlyAccepted && !"accepted".equals(test.status())) {
                    continue;
                }
                RenderedPrompt rendered = render(version, test.vars(), test.where());
                out.add(new Example(suite.file(), test.id(), test.id(), version.name(), version.version(), version.hash(), null, null,
                        rendered.messages(), answer, null, test.status(), test.description(), test.vars()));
            }
        }
        return out;
    }

    /** The answer a test expects, when it states one as text. */
    public static String expected(TestCase test) {
        for (AssertionEntry a : test.asserts()) {
            Object type = a.raw().get("type");
            if (("equals".equals(type) || "similar".equals(type)) && a.raw().get("value") instanceof String s) {
                return s;
            }
        }
        return null;
    }

    /** The rubric a test grades by, when it has one. */
    public static String rubric(TestCase test) {
        for (AssertionEntry a : test.asserts()) {
            if ("llm-rubric".equals(a.raw().get("type")) && a.raw().get("value") instanceof String s) {
                return s;
            }
        }
        return null;
    }

    /** The messages a prompt reference renders to with {@code vars}; {@code where} names the item in errors. */
    public RenderedPrompt render(String ref, Map<String, Object> vars, String where) {
        return render(version(ref), vars, where);
    }

    private PromptVersion version(String ref) {
        PromptRef parsed = PromptRef.parse(ref);
        return library.resolve(parsed);
    }

    private RenderedPrompt render(PromptVersion version, Map<String, Object> vars, String where) {
        try {
            return renderer.render(version, vars);
        } catch (OroException e) {
            throw new OroException(e.kind(), e.type(), where + ": cannot render " + version.ref() + ": " + e.detail(), e.extensions());
        }
    }
}
