package dev.oro.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.model.GenerationParams;
import dev.oro.model.ModelException;
import dev.oro.model.ModelProfile;
import dev.oro.model.ModelRegistry;
import dev.oro.model.ModelReply;
import dev.oro.model.ModelRequest;
import dev.oro.model.Providers;
import dev.oro.model.ResilientModel;
import dev.oro.render.ChatMessage;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Oro's in-process models (llama-cpp profiles) served in OpenAI's chat completions format,
 * plain and streamed, so other tools can use them. Errors use OpenAI's error shape, since
 * that is what OpenAI clients parse.
 */
@Path("/v1")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class OpenAiCompatResource {

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Message(String role, String content) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record ChatCompletionRequest(String model, List<Message> messages, Double temperature, @JsonProperty("top_p") Double topP,
            @JsonProperty("max_tokens") Integer maxTokens, @JsonProperty("max_completion_tokens") Integer maxCompletionTokens,
            Integer seed, JsonNode stop, Boolean stream, @JsonProperty("stream_options") JsonNode streamOptions,
            @JsonProperty("response_format") JsonNode responseFormat) {
    }

    @Inject
    ModelRegistry models;

    @Inject
    ObjectMapper json;

    @GET
    @Path("models")
    public Map<String, Object> list() {
        List<Map<String, Object>> data = new ArrayList<>();
        for (ModelProfile p : models.profiles().values()) {
            if (Providers.LLAMA_CPP.equals(p.provider())) {
                data.add(Map.of("id", p.name(), "object", "model", "created", 0, "owned_by", "oro"));
            }
        }
        return Map.of("object", "list", "data", data);
    }

    @POST
    @Path("chat/completions")
    @Consumes(MediaType.APPLICATION_JSON)
    public Response chat(ChatCompletionRequest request) {
        if (request == null || request.model() == null || request.messages() == null || request.messages().isEmpty()) {
            return error(400, "invalid_request_error", "'model' and a non-empty 'messages' are required");
        }
        ModelProfile profile = models.profiles().get(request.model());
        if (profile == null || !Providers.LLAMA_CPP.equals(profile.provider())) {
            return error(404, "model_not_found", "the model '" + request.model() + "' does not exist here; Oro serves its llama-cpp"
                    + " profiles: " + String.join(", ", list().get("data") instanceof List<?> l
                            ? l.stream().map(m -> String.valueOf(((Map<?, ?>) m).get("id"))).toList() : List.of()));
        }
        List<ChatMessage> messages = new ArrayList<>();
        for (Message m : request.messages()) {
            if (!List.of("system", "user", "assistant").contains(m.role()) || m.content() == null) {
                return error(400, "invalid_request_error", "each message needs a role (system, user or assistant) and text content");
            }
            messages.add(new ChatMessage(m.role(), m.content()));
        }
        ModelRequest modelRequest = new ModelRequest(messages, profile.defaults().overriddenBy(params(request)));
        ResilientModel model = models.model(profile.name());
        String id = "chatcmpl-" + UUID.randomUUID();
        long created = System.currentTimeMillis() / 1000;
        if (Boolean.TRUE.equals(request.stream())) {
            boolean usage = request.streamOptions() != null && request.streamOptions().path("include_usage").asBoolean(false);
            StreamingOutput body = out -> stream(out, model, modelRequest, id, created, usage);
            return Response.ok(body, MediaType.SERVER_SENT_EVENTS).build();
        }
        try {
            ModelReply reply = model.call(modelRequest, null);
            Map<String, Object> body = new LinkedHashMap<>();
            body.put("id", id);
            body.put("object", "chat.completion");
            body.put("created", created);
            body.put("model", profile.name());
            body.put("choices", List.of(Map.of("index", 0, "message", Map.of("role", "assistant", "content", reply.text()),
                    "finish_reason", reply.finishReason())));
            body.put("usage", usage(reply));
            return Response.ok(body).build();
        } catch (ModelException e) {
            return error(e.retriable() ? 503 : 500, "server_error", e.getMessage());
        }
    }

    private void stream(OutputStream out, ResilientModel model, ModelRequest request, String id, long created, boolean withUsage) {
        try {
            ModelReply reply = model.call(request, token -> write(out, chunk(id, created, request, Map.of("content", token), null)));
            write(out, chunk(id, created, request, Map.of(), reply.finishReason()));
            if (withUsage) {
                Map<String, Object> last = chunkBase(id, created);
                last.put("choices", List.of());
                last.put("usage", usage(reply));
                write(out, last);
            }
        } catch (ModelException e) {
            write(out, Map.of("error", Map.of("message", e.getMessage(), "type", "server_error")));
        }
        writeRaw(out, "data: [DONE]\n\n");
    }

    private Map<String, Object> chunk(String id, long created, ModelRequest request, Map<String, Object> delta, String finish) {
        Map<String, Object> choice = new LinkedHashMap<>();
        choice.put("index", 0);
        choice.put("delta", delta);
        choice.put("finish_reason", finish);
        Map<String, Object> chunk = chunkBase(id, created);
        chunk.put("choices", List.of(choice));
        return chunk;
    }

    private static Map<String, Object> chunkBase(String id, long created) {
        Map<String, Object> chunk = new LinkedHashMap<>();
        chunk.put("id", id);
        chunk.put("object", "chat.completion.chunk");
        chunk.put("created", created);
        return chunk;
    }

    private void write(OutputStream out, Object data) {
        try {
            writeRaw(out, "data: " + json.writeValueAsString(data) + "\n\n");
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static void writeRaw(OutputStream out, String text) {
        try {
            out.write(text.getBytes(StandardCharsets.UTF_8));
            out.flush();
        } catch (java.io.IOException e) {
            // The client went away; the model call already finished or will.
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static Map<String, Object> usage(ModelReply reply) {
        return Map.of("prompt_tokens", reply.usage().inputTokens(), "completion_tokens", reply.usage().outputTokens(),
                "total_tokens", reply.usage().total());
    }

    private static GenerationParams params(ChatCompletionRequest r) {
        List<String> stop = null;
        if (r.stop() != null && r.stop().isTextual()) {
            stop = List.of(r.stop().asText());
        } else if (r.stop() != null && r.stop().isArray()) {
            stop = new ArrayList<>();
            for (JsonNode s : r.stop()) {
                stop.add(s.asText());
            }
        }
        boolean json = r.responseFormat() != null && r.responseFormat().path("type").asText("").startsWith("json");
        Integer max = r.maxCompletionTokens() != null ? r.maxCompletionTokens() : r.maxTokens();
        return new GenerationParams(r.temperature(), r.topP(), max, r.seed(), stop, json ? Boolean.TRUE : null, Map.of());
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record OpenAiError(String message, String type, String code) {
    }

    private static Response error(int status, String type, String message) {
        return Response.status(status).type(MediaType.APPLICATION_JSON)
                .entity(Map.of("error", new OpenAiError(message, type, type))).build();
    }
}
