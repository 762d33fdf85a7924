package dev.oro.api;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import dev.oro.OroException;
import jakarta.validation.ConstraintViolationException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

/**
 * Every error the API answers is an RFC 9457 problem document whose {@code detail} says what
 * is wrong and where. Nothing here ever puts a stack trace in a response.
 */
public class Problems {

    public static final String MEDIA_TYPE = "application/problem+json";
    private static final Logger LOG = Logger.getLogger(Problems.class);

    public static Response of(int status, String type, String title, String detail, Map<String, Object> extensions) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("type", "urn:oro:problem:" + type);
        body.put("title", title);
        body.put("status", status);
        body.put("detail", detail);
        body.putAll(new java.util.TreeMap<>(extensions));
        return Response.status(status).type(MEDIA_TYPE).entity(body).build();
    }

    @ServerExceptionMapper
    public Response oro(OroException e) {
        return of(e.kind().status, e.type(), e.kind().title, e.detail(), e.extensions());
    }

    @ServerExceptionMapper
    public Response badJson(JsonProcessingException e) {
        String where = e.getLocation() == null ? "" : " at line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr();
        String field = e instanceof JsonMappingException m && !m.getPath().isEmpty()
                ? " in field '" + m.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .collect(Collectors.joining(".")) + "'"
                : "";
        return of(400, "bad-json", "Invalid input", "request body is not valid JSON for this endpoint" + field + where + ": "
                + e.getOriginalMessage(), Map.of());
    }

    /** Quarkus has a mapper of its own for this subtype; this one keeps the problem format. */
    @ServerExceptionMapper
    public Response mismatched(com.fasterxml.jackson.databind.exc.MismatchedInputException e) {
        return badJson(e);
    }

    @ServerExceptionMapper
    public Response invalid(ConstraintViolationException e) {
        String detail = e.getConstraintViolations().stream()
                .map(v -> lastNode(v.getPropertyPath().toString()) + " " + v.getMessage())
                .sorted().collect(Collectors.joining("; "));
        return of(400, "invalid-request", "Invalid input", detail, Map.of());
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e, io.vertx.core.http.HttpServerRequest request) {
        if (e.getCause() instanceof JsonProcessingException json) {
            return badJson(json);
        }
        int status = e.getResponse().getStatus();
        String title = e.getResponse().getStatusInfo().getReasonPhrase();
        // JAX-RS's own words name its annotations; say what the client can change instead.
        String detail = switch (status) {
            case 404 -> "no endpoint answers " + request.method() + " " + request.path() + "; /q/openapi lists the endpoints";
            case 405 -> request.path() + " does not take " + request.method() + "; /q/openapi lists the methods of each endpoint";
            case 415 -> request.method() + " " + request.path() + " does not take a body of Content-Type '"
                    + request.getHeader("Content-Type") + "'; /q/openapi lists the types each endpoint takes";
            default -> e.getMessage();
        };
        return of(status, "http-" + status, title, detail, Map.of());
    }

    @ServerExceptionMapper(priority = 10_000)
    public Response unexpected(RuntimeException e) {
        // A bug or a disk failure: the operator gets the trace in the log, the client a clean answer.
        LOG.error("unexpected error", e);
        return of(500, "internal", "Internal error", "Oro failed unexpectedly; the server log has the details", Map.of());
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
