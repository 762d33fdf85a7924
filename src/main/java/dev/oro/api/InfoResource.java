package dev.oro.api;

import io.smallrye.common.annotation.NonBlocking;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * What this server is: clients (and scripts pointing several machines at one team setup) check
 * the version before they talk to it. It does no work, so bench/render-api.sh also uses it as the
 * floor of Oro's own REST stack: JSON out through the same routing as every API call.
 */
@Path("/api/info")
public class InfoResource {

    public record Info(String name, String version) {
    }

    @ConfigProperty(name = "quarkus.application.version", defaultValue = "dev")
    String version;

    @GET
    @NonBlocking
    @Produces(MediaType.APPLICATION_JSON)
    public Info info() {
        return new Info("oro", version);
    }
}
