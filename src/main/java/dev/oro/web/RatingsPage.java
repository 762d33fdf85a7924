package dev.oro.web;

import dev.oro.store.RunStore;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ArrayList;

/** Human ratings per suite and how well the LLM judge and the assertions agree with them. */
@Path("/ratings")
@Blocking
public class RatingsPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance ratings(List<SuiteAgreement> suites);
    }

    @Inject
    RunStore store;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        Map<String, List<RunStore.RatedResult>> bySuite = new LinkedHashMap<>();
        store.ratedResults(null).forEach(r -> bySuite.computeIfAbsent(r.suite(), s -> new ArrayList<>()).add(r));
        List<SuiteAgreement> suites = bySuite.entrySet().stream().map(e -> SuiteAgreement.of(e.getKey(), e.getValue())).toList();
        return Templates.ratings(suites);
    }
}
