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
import jakarta.ws.rs.sse.OutboundSseEvent;
import io.smallrye.mutiny.Multi;
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

    @Inject
    @jakarta.inject.Named("models")
    java.util.concurrent.ExecutorService executor;

    @POST
    @Path("stream")
    @Produces(MediaType.SERVER_SENT_EVENTS)
    public Multi<OutboundSseEvent> stream(Completions.Request request, @Context Sse sse) {
        Completions.Request checked = require(request);
        // The models run on their own threads; events flow out as they happen, and the stream
        // ends after the final result (or a problem, sent as an event since headers are out).
        return Multi.createFrom().emitter(emitter -> executor.execute(() -> {
            try {
                Completions.Result result = completions.complete(checked, new Completions.Listener() {
                    @Override
                    public void token(String model, String text) {
                        emitter.emit(event(sse, "token", Map.of("model", model, "text", text)));
                    }

                    @Override
                    public void done(Completions.Output output) {
                        emitter.emit(event(sse, "done", output));
                    }
                });
                emitter.emit(event(sse, "result", result));
            } catch (OroException e) {
                emitter.emit(event(sse, "error", Map.of("type", "urn:oro:problem:" + e.type(), "status", e.kind().status,
                        "detail", e.detail())));
            } catch (RuntimeException e) {
                org.jboss.logging.Logger.getLogger(CompletionResource.class).error("streamed completion failed", e);
                emitter.emit(event(sse, "error", Map.of("type", "urn:oro:problem:internal", "status", 500,
                        "detail", "Oro failed unexpectedly; the server log has the details")));
            }
            emitter.complete();
        }));
    }

    private OutboundSseEvent event(Sse sse, String name, Object data) {
        try {
            return sse.newEventBuilder().name(name).data(json.writeValueAsString(data)).build();
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
