package dev.oro.api;

import dev.oro.OroException;
import dev.oro.dataset.Example;
import dev.oro.dataset.Examples;
import dev.oro.dataset.Exporter;
import dev.oro.store.AnnotationStore;
import dev.oro.store.RunStore;
import io.smallrye.common.annotation.Blocking;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.StreamingOutput;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;

/**
 * A run's outputs with their annotations as a dataset download, as {@code oro export RUN} writes
 * it ({@link SuiteExportResource} does suites). The examples are gathered before the first byte, so a bad
 * request is a problem document, never half a file.
 */
@Path("/api/runs/{id}/export")
@Blocking
public class ExportResource {

    @Inject
    RunStore runs;

    @Inject
    AnnotationStore annotations;

    @Inject
    Examples examples;

    @GET
    public Response run(@PathParam("id") String id, @QueryParam("format") String format, @QueryParam("only") String only) {
        Exporter exporter = Exporter.named(format);
        List<Example> picked = examples.fromRun(runs, annotations, id, onlyAccepted(only));
        return download(exporter, picked, "run-" + id);
    }

    static boolean onlyAccepted(String only) {
        if (only != null && !only.isBlank() && !only.equals("accepted")) {
            throw OroException.invalid("bad-parameter", "'only' takes 'accepted', not '" + only + "'");
        }
        return only != null && !only.isBlank();
    }

    static Response download(Exporter exporter, List<Example> picked, String name) {
        StreamingOutput body = out -> {
            Writer w = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            exporter.write(picked, w);
            w.flush();
        };
        return Response.ok(body, exporter.mediaType() + "; charset=utf-8")
                .header("Content-Disposition", "attachment; filename=\"" + name + "-" + exporter.name() + "." + exporter.extension() + "\"")
                .header("X-Oro-Examples", picked.size()).build();
    }
}
