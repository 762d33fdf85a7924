package dev.oro.api;

import dev.oro.OroException;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptParser;
import dev.oro.library.PromptRef;
import dev.oro.render.RenderedPrompt;
import dev.oro.render.Renderer;
import io.smallrye.common.annotation.NonBlocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.Map;

/** Renders a prompt version (or unsaved source, for live previews) into chat messages. */
@Path("/api/render")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
public class RenderResource {

    /** Give {@code prompt} (a reference such as {@code qa@production}) or {@code source}, not both. */
    public record RenderRequest(String prompt, String source, Map<String, Object> variables) {
    }

    @Inject
    PromptLibrary library;

    @Inject
    Renderer renderer;

    // Rendering is CPU work of microseconds on small files the OS has cached: running it on the
    // event loop saves the hand-off to a worker thread, which cost more than the render itself.
    @POST
    @NonBlocking
    public RenderedPrompt render(RenderRequest request) {
        if (request == null || (request.prompt() == null) == (request.source() == null)) {
            throw OroException.invalid("bad-render-request", "give either 'prompt' (a reference such as qa@production) or 'source'"
                    + " (the text of a .prompt file), and not both");
        }
        Map<String, Object> variables = request.variables() == null ? Map.of() : request.variables();
        if (request.prompt() != null) {
            return renderer.render(library.resolve(PromptRef.parse(request.prompt())), variables);
        }
        return renderer.renderSource(PromptParser.parse(request.source(), "source"), "source", variables);
    }
}
