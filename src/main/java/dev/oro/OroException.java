package dev.oro;

import java.util.Map;

/**
 * The one error type Oro shows to users. Its {@link #detail()} must say precisely what is
 * wrong (file, line, field or variable) because the REST API and the CLI print it as is,
 * never a stack trace.
 */
public class OroException extends RuntimeException {

    /** What went wrong, which decides the HTTP status and the CLI exit code. */
    public enum Kind {
        INVALID(400, "Invalid input"),
        NOT_FOUND(404, "Not found"),
        CONFLICT(409, "Conflict"),
        UNAVAILABLE(503, "Unavailable");

        public final int status;
        public final String title;

        Kind(int status, String title) {
            this.status = status;
            this.title = title;
        }
    }

    private final Kind kind;
    private final String type;
    private final Map<String, Object> extensions;

    public OroException(Kind kind, String type, String detail, Map<String, Object> extensions) {
        super(detail);
        this.kind = kind;
        this.type = type;
        this.extensions = extensions == null ? Map.of() : Map.copyOf(extensions);
    }

    /** Keeps the cause for the server log; users see only the detail. */
    public OroException(Kind kind, String type, String detail, Map<String, Object> extensions, Throwable cause) {
        this(kind, type, detail, extensions);
        initCause(cause);
    }

    public static OroException invalid(String type, String detail) {
        return new OroException(Kind.INVALID, type, detail, null);
    }

    public static OroException notFound(String type, String detail) {
        return new OroException(Kind.NOT_FOUND, type, detail, null);
    }

    public static OroException conflict(String type, String detail) {
        return new OroException(Kind.CONFLICT, type, detail, null);
    }

    public Kind kind() {
        return kind;
    }

    /** A short stable slug, such as {@code missing-variables}; clients may switch on it. */
    public String type() {
        return type;
    }

    public String detail() {
        return getMessage();
    }

    /** Extra machine-readable members of the problem document, such as the missing variables. */
    public Map<String, Object> extensions() {
        return extensions;
    }
}
