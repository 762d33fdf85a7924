package dev.oro.web;

import dev.oro.library.PromptInfo;
import dev.oro.library.PromptLibrary;
import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import jakarta.inject.Inject;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import java.util.List;

/** The first page: the prompt library at a glance. */
@Path("/")
public class LibraryPage {

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance library(List<PromptInfo> prompts, String root);
    }

    @Inject
    PromptLibrary library;

    @GET
    @Produces(MediaType.TEXT_HTML)
    public TemplateInstance get() {
        return Templates.library(library.list(), library.root().toString());
    }
}
