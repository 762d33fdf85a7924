package dev.oro.api;

import dev.oro.OroException;
import dev.oro.library.PromptInfo;
import dev.oro.library.PromptLibrary;
import dev.oro.library.PromptRef;
import dev.oro.library.PromptVersion;
import dev.oro.library.VersionDiff;
import dev.oro.library.VersionView;
import jakarta.inject.Inject;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.PUT;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import jakarta.ws.rs.core.Context;
import java.util.List;
import java.util.Map;

/** The prompt library over HTTP: list, read, create versions, move labels, diff. */
@Path("/api/prompts")
@Produces(MediaType.APPLICATION_JSON)
public class PromptResource {

    public record PromptSummary(String name, String description, List<String> tags, int latestVersion, Map<String, Integer> labels) {
    }

    public record Created(String name, int version) {
    }

    public record LabelMove(@NotNull @Min(1) Integer version) {
    }

    public record LabelPosition(String name, String label, int version) {
    }

    @Inject
    PromptLibrary library;

    @GET
    public List<PromptSummary> list() {
        return library.list().stream()
                .map(p -> new PromptSummary(p.name(), p.description(), p.tags(), p.latestVersion(), p.labels()))
                .toList();
    }

    @GET
    @Path("{name}")
    public PromptInfo get(@PathParam("name") String name) {
        return library.info(name);
    }

    /** {@code version} is a number, a label, or {@code latest}. */
    @GET
    @Path("{name}/versions/{version}")
    public VersionView version(@PathParam("name") String name, @PathParam("version") String version) {
        return VersionView.of(library.resolve(PromptRef.parse(name + "@" + version)));
    }

    @POST
    @Path("{name}/versions")
    @Consumes({MediaType.TEXT_PLAIN, "text/markdown", MediaType.APPLICATION_OCTET_STREAM})
    public Response create(@PathParam("name") String name, @QueryParam("baseVersion") String base, String source,
            @Context UriInfo uri) {
        Long baseVersion = QueryParams.whole("baseVersion", base, null, "the version this edit is based on, 0 for a new prompt");
        Integer based = baseVersion == null ? null : (int) Math.max(-1, Math.min(Integer.MAX_VALUE, baseVersion));
        if (source == null || source.isBlank()) {
            throw OroException.invalid("empty-source", "the request body must be the .prompt source of the new version; it is empty");
        }
        int version = library.create(name, source, based);
        return Response.created(uri.getBaseUriBuilder().path("api/prompts/{name}/versions/{version}").build(name, version))
                .entity(new Created(name, version)).build();
    }

    @PUT
    @Path("{name}/labels/{label}")
    @Consumes(MediaType.APPLICATION_JSON)
    public LabelPosition moveLabel(@PathParam("name") String name, @PathParam("label") String label, @Valid LabelMove move) {
        if (move == null) {
            throw OroException.invalid("bad-label-request", "the body must be JSON naming the version the label points at, e.g. {\"version\": 2}");
        }
        library.moveLabel(name, label, move.version());
        return new LabelPosition(name, label, move.version());
    }

    @DELETE
    @Path("{name}/labels/{label}")
    public Response removeLabel(@PathParam("name") String name, @PathParam("label") String label) {
        library.removeLabel(name, label);
        return Response.noContent().build();
    }

    @GET
    @Path("{name}/diff")
    public VersionDiff diff(@PathParam("name") String name, @QueryParam("from") String from, @QueryParam("to") String to) {
        if (from == null || to == null) {
            throw OroException.invalid("missing-parameter", "diff needs both query parameters 'from' and 'to' (versions or labels)");
        }
        PromptVersion a = library.resolve(PromptRef.parse(name + "@" + from));
        PromptVersion b = library.resolve(PromptRef.parse(name + "@" + to));
        return VersionDiff.between(a, b);
    }
}
