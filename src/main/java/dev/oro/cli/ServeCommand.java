package dev.oro.cli;

import io.quarkus.runtime.Quarkus;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "serve", mixinStandardHelpOptions = true, description = "Start the web UI and REST API (Swagger UI at /q/swagger-ui).")
class ServeCommand extends LibraryCommand {

    @Option(names = "--port", paramLabel = "N", description = "HTTP port (default: 8080; env QUARKUS_HTTP_PORT).")
    Integer port;

    @Option(names = "--host", paramLabel = "ADDRESS",
            description = "Interface to listen on (default: 127.0.0.1; 0.0.0.0 for every interface).")
    String host;

    @Override
    public Integer call() {
        if (host != null) {
            System.setProperty("quarkus.http.host", host);
        }
        if (port != null) {
            System.setProperty("quarkus.http.port", port.toString());
        }
        System.setProperty("oro.prompts-dir", options.prompts.toString());
        System.setProperty("oro.models-dir", options.models.toString());
        Quarkus.run();
        return ExitCode.OK;
    }
}
