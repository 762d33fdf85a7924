package dev.oro.api;

import dev.oro.model.ModelProfile;
import dev.oro.model.ModelRegistry;
import dev.oro.model.Readiness;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The model profiles and, on request, whether each is reachable and ready. */
@Path("/api/models")
@Produces(MediaType.APPLICATION_JSON)
@Blocking
public class ModelResource {

    /** A profile as listed: never its API key, only the variable the key comes from. */
    public record ProfileView(String name, String provider, String model, String baseUrl, String apiKeyVariable, int concurrency,
            long timeoutSeconds, int maxRetries, Boolean ready, String detail) {
    }

    @Inject
    ModelRegistry models;

    @GET
    public List<ProfileView> list(@QueryParam("check") boolean check) {
        return models.profiles().values().stream().map(p -> view(p, check ? models.readiness(p.name()) : null)).toList();
    }

    /** One profile; pages ask for each one's readiness apart, so one slow server delays only its own answer. */
    @GET
    @Path("{name}")
    public ProfileView one(@PathParam("name") String name, @QueryParam("check") boolean check) {
        return view(models.profile(name), check ? models.readiness(name) : null);
    }

    static ProfileView view(ModelProfile p, Readiness readiness) {
        return new ProfileView(p.name(), p.provider(), p.model(), p.baseUrl(), p.apiKeyVariable(), p.concurrency(),
                p.timeout().toSeconds(), p.maxRetries(), readiness == null ? null : readiness.ready(),
                readiness == null ? null : readiness.detail());
    }
}
