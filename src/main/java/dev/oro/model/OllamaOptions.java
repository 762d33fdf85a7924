package dev.oro.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.function.UnaryOperator;

/**
 * Ollama's options from a call's {@code extra} params, written into the request body on its
 * way out. LangChain4j 1.11 models only some of them (no {@code num_gpu}, and
 * {@code keep_alive} only as whole seconds where Ollama also takes "10m" or -1), so Oro adds
 * them itself. Keys Ollama does not know are left out rather than sent to be ignored.
 */
final class OllamaOptions {

    /** The runtime options of Ollama's API (docs/api.md, "Advanced parameters" and modelfile PARAMETERs). */
    static final Set<String> NAMES = Set.of("num_ctx", "num_gpu", "main_gpu", "num_thread", "num_batch", "num_keep", "use_mmap",
            "numa", "low_vram", "seed", "num_predict", "temperature", "top_k", "top_p", "min_p", "typical_p", "repeat_last_n",
            "repeat_penalty", "presence_penalty", "frequency_penalty", "penalize_newline", "stop", "mirostat", "mirostat_tau",
            "mirostat_eta");
    /** How long Ollama keeps the model loaded after the call: a top-level field, not an option. */
    static final String KEEP_ALIVE = "keep_alive";

    private static final ObjectMapper JSON = new ObjectMapper();

    private OllamaOptions() {
    }

    /** A body editor adding the Ollama options among {@code extra}; the identity when there are none. */
    static UnaryOperator<String> from(Map<String, Object> extra) {
        Map<String, Object> options = new LinkedHashMap<>();
        extra.forEach((key, value) -> {
            if (NAMES.contains(key)) {
                options.put(key, value);
            }
        });
        Object keepAlive = extra.get(KEEP_ALIVE);
        if (options.isEmpty() && keepAlive == null) {
            return UnaryOperator.identity();
        }
        return body -> {
            try {
                ObjectNode request = (ObjectNode) JSON.readTree(body);
                ObjectNode target = request.has("options") ? (ObjectNode) request.get("options") : request.putObject("options");
                options.forEach((key, value) -> target.set(key, JSON.valueToTree(value)));
                if (keepAlive != null) {
                    request.set(KEEP_ALIVE, JSON.valueToTree(keepAlive));
                }
                return JSON.writeValueAsString(request);
            } catch (JsonProcessingException e) {
                throw new UncheckedIOException(e);
            }
        };
    }
}
