package dev.oro.api;

import dev.oro.OroException;
import dev.oro.library.PromptParser;
import dev.oro.lint.Finding;
import dev.oro.lint.Linter;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Checks unsaved {@code .prompt} source against the golden rules, for the editor. */
@Path("/api/lint")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.TEXT_PLAIN)
public class LintResource {

    public record LintReport(List<Finding> findings) {
    }

    @POST
    public LintReport lint(String source) {
        if (source == null || source.isBlank()) {
            throw OroException.invalid("bad-lint-request", "send the text of a .prompt file as text/plain");
        }
        return new LintReport(Linter.lint(PromptParser.parse(source, "source")));
    }
}
