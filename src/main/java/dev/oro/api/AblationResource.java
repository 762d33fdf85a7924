package dev.oro.api;

import dev.oro.OroException;
import dev.oro.variants.AblationHtml;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.Context;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import java.util.List;

/** Golden-rule ablations over HTTP: start one in the background, follow it, read its report as JSON or HTML. */
@Path("/api/ablations")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class AblationResource {

    @Inject
    Ablations ablations;

    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    public Response start(Ablations.Request request, @Context UriInfo uri) {
        Ablations.View view = ablations.start(request);
        return Response.accepted(view).location(uri.getBaseUriBuilder().path("api/ablations/{id}").build(view.id())).build();
    }

    @GET
    public List<Ablations.View> list() {
        return ablations.list();
    }

    /** The status, progress while it runs, and the report once it completed. */
    @GET
    @Path("{id}")
    public Ablations.View get(@PathParam("id") String id) {
        return ablations.get(id);
    }

    @GET
    @Path("{id}/report.html")
    @Produces({MediaType.TEXT_HTML, Problems.MEDIA_TYPE})
    public String html(@PathParam("id") String id) {
        Ablations.View view = ablations.get(id);
        if (view.report() == null) {
            throw OroException.conflict("ablation-not-finished", "ablation " + id + " is " + view.status() + "; its report exists once it"
                    + " completed");
        }
        return AblationHtml.of(view.report());
    }
}
