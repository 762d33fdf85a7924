package dev.oro.api;

import dev.oro.OroException;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.variants.Variants;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** {@code oro variants} over HTTP: candidate versions of a prompt, one per golden rule, written to the library unless a dry run. */
@Path("/api/variants")
@Produces(MediaType.APPLICATION_JSON)
@Consumes(MediaType.APPLICATION_JSON)
@Blocking
public class VariantResource {

    /** @param examples a dataset inside the evals folder whose first rows become GR7's few-shot examples */
    public record VariantRequest(String ref, List<String> rules, String examples, Boolean dryRun) {
    }

    @Inject
    PromptLibrary library;

    @Inject
    dev.oro.OroConfig config;

    /** A dataset inside the evals folder, which must exist. */
    private java.nio.file.Path dataset(String name) {
        EvalsFolder evals = new EvalsFolder(config.evalsDir());
        java.nio.file.Path file = evals.file(name, "examples");
        if (!java.nio.file.Files.isRegularFile(file)) {
            throw OroException.notFound("file-not-found", "'examples': no file " + evals.origin(file));
        }
        return file;
    }

    @POST
    public Response create(VariantRequest request) {
        if (request == null || request.ref() == null || request.ref().isBlank()) {
            throw OroException.invalid("bad-variants-request", "'ref' is required: the base version, e.g. {\"ref\": \"summarize@1\"}");
        }
        List<String> rules = Fields.present(request.rules());
        java.nio.file.Path examples = request.examples() == null ? null : dataset(request.examples());
        Fields.named("rules", () -> Variants.select(rules));
        Fields.named("ref", () -> library.resolve(PromptRef.parse(request.ref().strip())));
        boolean dryRun = Boolean.TRUE.equals(request.dryRun());
        Variants.Generated generated = Fields.named("examples",
                () -> Variants.generate(library, request.ref().strip(), rules, examples, "'examples'", dryRun));
        return Response.status(dryRun || generated.variants().isEmpty() ? 200 : 201).entity(generated).build();
    }
}
