package dev.oro.api;

import dev.oro.OroConfig;
import dev.oro.dataset.Example;
import dev.oro.dataset.Examples;
import dev.oro.dataset.Exporter;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import java.util.List;

/** A suite's tests, answered by their expected texts, as a dataset download ({@code oro export SUITE}). */
@Path("/api/suites/export")
@Blocking
public class SuiteExportResource {

    @Inject
    OroConfig config;

    @Inject
    Examples examples;

    @GET
    public Response suite(@QueryParam("suite") String suite, @QueryParam("format") String format, @QueryParam("only") String only) {
        Exporter exporter = Exporter.named(format);
        List<Example> picked = examples.fromSuite(new EvalsFolder(config.evalsDir()).suite(suite), ExportResource.onlyAccepted(only));
        String name = suite.replaceAll(".*/", "").replaceAll("\\.ya?ml$", "").replaceAll("[^A-Za-z0-9._-]", "_");
        return ExportResource.download(exporter, picked, name);
    }
}
