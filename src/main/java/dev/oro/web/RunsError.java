package dev.oro.web;

import dev.oro.OroException;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/** An error on a run page as a page people can read, with the status an API client expects; never a stack trace. */
final class RunsError {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance error(int status, String title, String detail);
    }

    private RunsError() {
    }

    static Response of(OroException e) {
        return Response.status(e.kind().status).type(MediaType.TEXT_HTML_TYPE)
                .entity(Templates.error(e.kind().status, e.kind().title, e.detail())).build();
    }

    static Response page(int status, String title, String detail) {
        return Response.status(status).type(MediaType.TEXT_HTML_TYPE).entity(Templates.error(status, title, detail)).build();
    }
}
