package dev.oro.model;

import de.kherud.llama.InferenceParameters;
import de.kherud.llama.LlamaIterator;
import de.kherud.llama.LlamaModel;
import de.kherud.llama.LlamaOutput;
import de.kherud.llama.ModelParameters;
import de.kherud.llama.Pair;
import dev.oro.render.ChatMessage;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.locks.ReentrantLock;

/**
 * Runs a GGUF model in-process with llama.cpp (through de.kherud's bindings). The model loads on
 * first use and stays loaded until {@link #close()}. One generation runs at a time: a llama.cpp
 * context is not thread-safe, and on a laptop CPU two would only slow each other down.
 *
 * <p>llama.cpp's own log is off, because it would bury Oro's output; set ORO_LLAMA_LOG=1 to see it
 * on stderr when a model does not load.
 *
 * <p>Once a model has loaded, the JVM ends only through {@code System.exit} (as the CLI does):
 * de.kherud 4.2.0 attaches llama.cpp's worker thread to the JVM as a non-daemon thread and never
 * detaches it, even after {@code close()}.
 */
public final class LlamaCppProvider implements ChatProvider {

    /** Enough for prompts and answers under evaluation, small enough for a laptop's memory. */
    static final int DEFAULT_CONTEXT = 4096;
    /** Any JSON object; built once, because converting a schema to a grammar needs the native library. */
    private static final String JSON_OBJECT_SCHEMA = "{\"type\":\"object\"}";
    private static String jsonGrammar;

    private final ModelProfile profile;
    private final Path file;
    private final ReentrantLock lock = new ReentrantLock();
    private LlamaModel model; // guarded by lock
    private int contextSize; // guarded by lock
    private boolean closed; // guarded by lock
    private volatile String identity;

    public LlamaCppProvider(ModelProfile profile, Path ggufFile) {
        this.profile = profile;
        this.file = ggufFile.toAbsolutePath();
    }

    @Override
    public ProviderReply chat(ModelRequest request, TokenSink sink) {
        lockInterruptibly();
        try {
            LlamaModel m = loaded();
            String prompt = m.applyTemplate(new InferenceParameters("").setUseChatTemplate(true).setMessages(system(request.messages()),
                    turns(request.messages())));
            int inputTokens = m.encode(prompt).length;
            // The context must hold the prompt, the BOS token llama.cpp adds, and at least one new token.
            int room = contextSize - inputTokens - 1;
            if (room < 1) {
                throw ModelException.fatal("the prompt takes " + inputTokens + " tokens but profile '" + profile.name() + "' has a context of "
                        + contextSize + "; raise contextSize in " + origin() + " or shorten the prompt");
            }
            GenerationParams params = request.params();
            int limit = params.maxTokens() == null ? room : Math.min(params.maxTokens(), room);
            return generate(m, inference(prompt, params, limit), sink, inputTokens, limit);
        } catch (ModelException e) {
            throw e;
        } catch (IllegalArgumentException e) {
            throw ModelException.fatal("llama-cpp cannot take these messages: " + e.getMessage());
        } catch (RuntimeException e) {
            // LlamaException is not public; whatever the engine throws ends up here.
            throw new ModelException("llama.cpp failed while answering (profile '" + profile.name() + "'): " + e.getMessage(),
                    false, null, null, e);
        } finally {
            lock.unlock();
        }
    }

    /**
     * Streams the answer. llama.cpp sends one piece per sampled token (empty for end of sequence,
     * for a token held back because it may start a stop string, or one that completes a stop
     * string), then a final piece; so the pieces before the last count the output tokens.
     */
    private ProviderReply generate(LlamaModel m, InferenceParameters inference, TokenSink sink, int inputTokens, int limit) {
        StringBuilder text = new StringBuilder();
        int tokens = 0;
        String lastToken = "";
        LlamaIterator pieces = m.generate(inference).iterator();
        try {
            while (pieces.hasNext()) {
                if (Thread.currentThread().isInterrupted()) {
                    // ResilientModel's timeout interrupts us; stop the engine instead of finishing the answer.
                    throw ModelException.fatal("interrupted while llama.cpp was answering (profile '" + profile.name() + "')");
                }
                LlamaOutput piece = pieces.next();
                if (pieces.hasNext()) {
                    tokens++;
                    lastToken = piece.text;
                }
                if (!piece.text.isEmpty()) {
                    text.append(piece.text);
                    if (sink != null) {
                        sink.accept(piece.text);
                    }
                }
            }
        } finally {
            if (pieces.hasNext()) {
                pieces.cancel();
            }
        }
        // At the limit with a visible last token, the limit stopped it; an empty one was end of sequence or a stop string.
        String finish = tokens >= limit && !lastToken.isEmpty() ? "length" : "stop";
        return new ProviderReply(text.toString(), finish, new Usage(inputTokens, tokens));
    }

    private static InferenceParameters inference(String prompt, GenerationParams params, int limit) {
        InferenceParameters p = new InferenceParameters(prompt).setNPredict(limit);
        if (params.temperature() != null) {
            p.setTemperature(params.temperature().floatValue()); // 0 makes llama.cpp sample greedily
        }
        if (params.topP() != null) {
            p.setTopP(params.topP().floatValue());
        }
        if (params.seed() != null) {
            p.setSeed(params.seed());
        }
        if (params.stop() != null && !params.stop().isEmpty()) {
            p.setStopStrings(params.stop().toArray(String[]::new));
        }
        if (params.jsonMode()) {
            p.setGrammar(jsonGrammar());
        }
        return p;
    }

    /** llama.cpp's template takes one system prompt first; several system messages are joined into it. */
    private static String system(List<ChatMessage> messages) {
        List<String> parts = messages.stream().filter(m -> m.role().equals("system")).map(ChatMessage::content).toList();
        return String.join("\n\n", parts);
    }

    private static List<Pair<String, String>> turns(List<ChatMessage> messages) {
        List<Pair<String, String>> turns = new ArrayList<>();
        for (ChatMessage m : messages) {
            if (!m.role().equals("system")) {
                turns.add(new Pair<>(m.role(), m.content()));
            }
        }
        return turns;
    }

    private static synchronized String jsonGrammar() {
        if (jsonGrammar == null) {
            jsonGrammar = LlamaModel.jsonSchemaToGrammar(JSON_OBJECT_SCHEMA);
        }
        return jsonGrammar;
    }

    /** Loads the model on first use. Call with the lock held. */
    private LlamaModel loaded() {
        if (closed) {
            throw ModelException.fatal("profile '" + profile.name() + "' was closed");
        }
        if (model != null) {
            return model;
        }
        if (!Files.isRegularFile(file)) {
            throw ModelException.fatal("model file " + file + " does not exist (profile '" + profile.name() + "', " + origin()
                    + "); fix 'path', or give 'url' and 'sha256' to download it");
        }
        GgufHeader header = GgufHeader.read(file);
        int context = contextFor(header);
        ModelParameters params = new ModelParameters().setModel(file.toString()).setCtxSize(context).setParallel(1)
                .setThreads(Math.max(1, Runtime.getRuntime().availableProcessors()))
                // Without a shift, a full context ends the answer instead of silently dropping the start of the prompt.
                .disableContextShift()
                // Jinja runs the model's own chat template, not llama.cpp's guess at which family it belongs to.
                .enableJinja();
        if (System.getenv("ORO_LLAMA_LOG") == null) {
            params.disableLog();
        }
        try {
            LlamaNatives.prepare();
            model = new LlamaModel(params);
        } catch (LinkageError e) {
            throw new ModelException("llama.cpp's native library does not load on this machine (" + System.getProperty("os.name") + " "
                    + System.getProperty("os.arch") + "): " + e.getMessage() + "; use an ollama profile instead", false, null, null, e);
        } catch (RuntimeException e) {
            throw new ModelException("llama.cpp could not load " + file + " (GGUF v" + header.version() + ", architecture '"
                    + header.architecture() + "'): the file may be damaged, or made for a newer llama.cpp than Oro bundles."
                    + " Download it again, or run with ORO_LLAMA_LOG=1 to see llama.cpp's reason", false, null, null, e);
        }
        contextSize = context;
        return model;
    }

    private int contextFor(GgufHeader header) {
        if (profile.contextSize() != null) {
            return profile.contextSize();
        }
        return header.contextLength() == null ? DEFAULT_CONTEXT : Math.min(DEFAULT_CONTEXT, header.contextLength());
    }

    @Override
    public Readiness check() {
        try {
            lockInterruptibly();
            try {
                loaded();
                return Readiness.ready(file.getFileName() + " loaded in llama.cpp, context " + contextSize + " tokens");
            } finally {
                lock.unlock();
            }
        } catch (ModelException e) {
            return Readiness.notReady(e.getMessage());
        } catch (RuntimeException | LinkageError e) {
            return Readiness.notReady("llama.cpp failed to load " + file + ": " + e);
        }
    }

    /** "sha256:" and the file's digest: the same bytes give the same answers, whatever the file is called. */
    @Override
    public String identity() {
        String id = identity;
        if (id == null && profile.path() == null && profile.sha256() != null) {
            // A downloaded model sits in the cache under the digest it was verified against when
            // it arrived (ModelFiles): hashing hundreds of MB again on every run would only repeat that.
            id = identity = "sha256:" + profile.sha256().toLowerCase(java.util.Locale.ROOT);
        }
        if (id == null) {
            try {
                id = identity = "sha256:" + ModelFiles.sha256(file);
            } catch (IOException e) {
                throw new ModelException("cannot read " + file + " to hash it: " + e.getMessage(), false, null, null, e);
            }
        }
        return id;
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            if (model != null) {
                model.close();
                model = null;
            }
        } finally {
            lock.unlock();
        }
    }

    private String origin() {
        return profile.file() != null ? profile.file() : "models/" + profile.name() + ".yaml";
    }

    private void lockInterruptibly() {
        try {
            lock.lockInterruptibly();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw ModelException.fatal("interrupted while waiting for llama.cpp (profile '" + profile.name() + "')");
        }
    }
}
