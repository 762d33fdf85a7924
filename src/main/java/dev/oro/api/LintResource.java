package dev.oro.api;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.oro.OroException;
import dev.oro.library.PromptParser;
import dev.oro.library.PromptSource;
import dev.oro.lint.Finding;
import dev.oro.lint.JudgeOpinion;
import dev.oro.lint.Linter;
import dev.oro.lint.RuleJudge;
import dev.oro.model.ModelRegistry;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** Checks unsaved {@code .prompt} source against the golden rules, for the editor. */
@Path("/api/lint")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.TEXT_PLAIN)
public class LintResource {

    /** {@code judge} only when asked for: a model's opinions, kept apart from the heuristic findings. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record LintReport(List<Finding> findings, List<JudgeOpinion> judge) {
    }

    @Inject
    ModelRegistry models;

    /** @param judge a model profile whose opinion per rule is added, as {@code oro lint --judge} does */
    @POST
    public LintReport lint(String source, @QueryParam("judge") String judge) {
        if (source == null || source.isBlank()) {
            throw OroException.invalid("bad-lint-request", "send the text of a .prompt file as text/plain");
        }
        PromptSource parsed = PromptParser.parse(source, "source");
        if (judge == null || judge.isBlank()) {
            return new LintReport(Linter.lint(parsed), null);
        }
        // The profile is checked first, so an unknown one is a clear 404 before any work.
        RuleJudge ruleJudge = RuleJudge.on(judge, models.model(judge));
        return new LintReport(Linter.lint(parsed), ruleJudge.opinions(parsed));
    }
}
