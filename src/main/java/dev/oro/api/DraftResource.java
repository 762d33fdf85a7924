package dev.oro.api;

import dev.oro.OroConfig;
import dev.oro.OroException;
import dev.oro.dataset.Draft;
import dev.oro.dataset.DraftReport;
import dev.oro.dataset.DraftTests;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code oro draft-tests} over HTTP: the drafts go to a new file in the evals folder's data/ folder. */
@Path("/api/drafts")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class DraftResource {

    /**
     * @param file  a new file inside the evals folder, e.g. {@code data/qa-drafts.yaml}; by default
     *              the first free {@code data/<prompt>-drafts[-n].yaml}
     * @param seeds example cases, each {vars, expected or rubric}
     */
    public record DraftRequest(String prompt, String model, Integer count, List<Map<String, Object>> seeds, String file) {
    }

    @Inject
    OroConfig config;

    @Inject
    DraftTests drafts;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response draft(DraftRequest request) {
        if (request == null || request.prompt() == null || request.model() == null || request.count() == null) {
            throw OroException.invalid("bad-draft-request", "the body needs 'prompt', 'model' and 'count', e.g."
                    + " {\"prompt\": \"summarize@production\", \"model\": \"openai\", \"count\": 10}");
        }
        EvalsFolder evals = new EvalsFolder(config.evalsDir());
        DraftTests.Target target = request.file() == null ? new DraftTests.Target(null, evals.root().resolve("data"))
                : new DraftTests.Target(evals.file(request.file(), "file"), null);
        DraftReport report = drafts.draft(request.prompt(), request.model(), request.count(), seeds(request.seeds()), target);
        DraftReport shown = new DraftReport(report.prompt(), report.model(), report.asked(), report.received(), report.invalid(),
                report.duplicates(), report.nearDuplicates(), report.written(), report.reasons(),
                report.file() == null ? null : evals.origin(java.nio.file.Path.of(report.file())));
        return Response.status(shown.file() == null ? 200 : 201).entity(shown).build();
    }

    @SuppressWarnings("unchecked")
    private static List<Draft> seeds(List<Map<String, Object>> raw) {
        List<Draft> out = new ArrayList<>();
        if (raw == null) {
            return out;
        }
        for (int i = 0; i < raw.size(); i++) {
            Map<String, Object> s = raw.get(i);
            if (s == null || !(s.get("vars") instanceof Map<?, ?> vars)) {
                throw OroException.invalid("bad-draft-request", "field 'seeds[" + i + "].vars' must be an object of variable values");
            }
            Object expected = s.get("expected");
            Object rubric = s.get("rubric");
            out.add(new Draft(null, (Map<String, Object>) vars, expected == null ? null : expected.toString(),
                    rubric == null ? null : rubric.toString()));
        }
        return out;
    }
}
