package dev.oro.model;

import dev.oro.OroException;
import dev.oro.library.FrontMatter;
import dev.oro.library.ParamsCheck;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptParser;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptSource;
import dev.oro.library.PromptVersion;
import dev.oro.render.ChatMessage;
import dev.oro.render.RenderedPrompt;
import dev.oro.render.Renderer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;

/**
 * The playground: render one prompt, then run it on one or more profiles side by side.
 * Parameters merge in one documented order: the prompt version's defaults &lt; the profile's
 * &lt; the call's. A failing model gives an output with its error; it never fails the others.
 */
public final class Completions {

    /** {@code prompt} (a reference) or {@code source} (inline .prompt text); one or more profiles. */
    public record Request(String prompt, String source, Map<String, Object> variables, List<String> models, Map<String, Object> params) {

        public Request {
            variables = variables == null ? Map.of() : variables;
            models = models == null ? List.of() : List.copyOf(models);
            params = params == null ? Map.of() : params;
        }
    }

    /** One model's answer, or its error. */
    public record Output(String model, String text, String finishReason, Usage usage, Long latencyMs, Long firstTokenMs,
            Double cost, String modelIdentity, Integer attempts, String error) {

        static Output of(ModelReply r) {
            return new Output(r.profile(), r.text(), r.finishReason(), r.usage(), r.latencyMs(), r.firstTokenMs(), r.cost(),
                    r.modelIdentity(), r.attempts(), null);
        }

        static Output failed(String model, String error) {
            return new Output(model, null, null, null, null, null, null, null, null, Secrets.redact(error));
        }
    }

    public record Result(String prompt, Integer version, String hash, List<ChatMessage> messages, List<String> warnings,
            List<Output> outputs) {
    }

    /** What a streaming caller hears: text as it arrives, then each model's final output. */
    public interface Listener {
        void token(String model, String text);

        void done(Output output);
    }

    private final PromptLibrary library;
    private final Renderer renderer;
    private final ModelRegistry models;
    private final ExecutorService executor;

    public Completions(PromptLibrary library, Renderer renderer, ModelRegistry models, ExecutorService executor) {
        this.library = library;
        this.renderer = renderer;
        this.models = models;
        this.executor = executor;
    }

    public Result complete(Request request, Listener listener) {
        if (request.models().isEmpty()) {
            throw OroException.invalid("no-models", "name at least one model profile to run (profiles: "
                    + String.join(", ", models.profiles().keySet()) + ")");
        }
        ParamsCheck.check(request.params(), (key, problem) -> OroException.invalid("bad-params", problem));
        request.models().forEach(models::profile); // unknown profiles fail before any call is made
        Rendered rendered = render(request);
        List<CompletableFuture<Output>> futures = new ArrayList<>();
        for (String name : request.models()) {
            futures.add(CompletableFuture.supplyAsync(() -> run(name, rendered, request.params(), listener), executor));
        }
        List<Output> outputs = futures.stream().map(CompletableFuture::join).toList();
        RenderedPrompt r = rendered.prompt();
        return new Result(r.prompt(), r.version(), r.hash(), r.messages(), r.warnings(), outputs);
    }

    private record Rendered(RenderedPrompt prompt, FrontMatter frontMatter) {
    }

    private Rendered render(Request request) {
        if ((request.prompt() == null) == (request.source() == null)) {
            throw OroException.invalid("bad-complete-request", "give either 'prompt' (a reference such as qa@production) or 'source'"
                    + " (the text of a .prompt file), and not both");
        }
        if (request.prompt() != null) {
            PromptVersion version = library.resolve(PromptRef.parse(request.prompt()));
            return new Rendered(renderer.render(version, request.variables()), version.source().frontMatter());
        }
        PromptSource source = PromptParser.parse(request.source(), "source");
        return new Rendered(renderer.renderSource(source, "source", request.variables()), source.frontMatter());
    }

    private Output run(String name, Rendered rendered, Map<String, Object> overrides, Listener listener) {
        try {
            ResilientModel model = models.model(name);
            GenerationParams params = paramsFor(rendered.frontMatter(), model.profile(), overrides);
            TokenSink sink = listener == null ? null : token -> listener.token(name, token);
            Output output = Output.of(model.call(new ModelRequest(rendered.prompt().messages(), params), sink));
            if (listener != null) {
                listener.done(output);
            }
            return output;
        } catch (RuntimeException e) {
            String message = e instanceof OroException o ? o.detail() : e.getMessage();
            Output failed = Output.failed(name, message);
            if (listener != null) {
                listener.done(failed);
            }
            return failed;
        }
    }

    /** The documented precedence: version defaults &lt; profile &lt; call. */
    public static GenerationParams paramsFor(FrontMatter frontMatter, ModelProfile profile, Map<String, Object> overrides) {
        GenerationParams fromPrompt = GenerationParams.from(frontMatter.params());
        if (frontMatter.output().isJson()) {
            fromPrompt = fromPrompt.overriddenBy(new GenerationParams(null, null, null, null, null, true, Map.of()));
        }
        return fromPrompt.overriddenBy(profile.defaults()).overriddenBy(GenerationParams.from(overrides));
    }
}
