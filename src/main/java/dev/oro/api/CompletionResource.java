package dev.oro.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import dev.oro.model.Completions;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.sse.Sse;
import jakarta.ws.rs.sse.SseEventSink;
import java.util.Map;

/**
 * The playground API: one prompt on one or more model profiles, side by side. The streaming
 * variant sends {@code token} events as text arrives, a {@code done} event per model with its
 * figures, and a final {@code result}.
 */
@Path("/api/complete")
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class CompletionResource {

    @Inject
    Completions completions;

    @Inject
    ObjectMapper json;

    @POST
    @Produces(MediaType.APPLICATION_JSON)
    public Completions.Result complete(Completions.Request request) {
        return completions.complete(require(request), null);
    }

    @POST
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public void stream(Completions.Request request, @Context SseEventSink sink, @Context Sse sse) {
        try (sink) {
            Completions.Result result;
            try {
                result = completions.complete(require(request), new Completions.Listener() {
                    @Override
                    public void token(String model, String text) {
                        send(sink, sse, "token", Map.of("model", model, "text", text));
                    }

                    @Override
                    public void done(Completions.Output output) {
                        send(sink, sse, "done", output);
                    }
                });
            } catch (OroException e) {
                // Headers are sent already, so the problem travels as an event.
                send(sink, sse, "error", Map.of("type", "urn:oro:problem:" + e.type(), "status", e.kind().status, "detail", e.detail()));
                return;
            }
            send(sink, sse, "result", result);
        }
    }

    private synchronized void send(SseEventSink sink, Sse sse, String name, Object data) {
        try {
            sink.send(sse.newEventBuilder().name(name).data(json.writeValueAsString(data)).build()).toCompletableFuture().join();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Completions.Request require(Completions.Request request) {
        if (request == null) {
            throw OroException.invalid("bad-complete-request", "the body must be JSON such as {\"prompt\": \"qa@production\","
                    + " \"variables\": {...}, \"models\": [\"local\"]}");
        }
        return request;
    }
}
