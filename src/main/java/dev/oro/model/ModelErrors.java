package dev.oro.model;

import dev.langchain4j.exception.HttpException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides whether a failure is worth retrying and what to tell the user.
 * 429, 5xx, timeouts and connection errors are retriable; authentication, a missing model
 * and bad requests are not.
 */
public final class ModelErrors {

    private ModelErrors() {
    }

    public static ModelException classify(Throwable error, ModelProfile profile) {
        if (error instanceof ModelException m) {
            return m;
        }
        String who = profile.provider() + (profile.baseUrl() == null ? "" : " at " + profile.baseUrl());
        for (Throwable t = error; t != null; t = t.getCause()) {
            if (t instanceof ModelException m) {
                return m;
            }
            if (t instanceof HttpException http) {
                return http(http, profile);
            }
            if (t instanceof ConnectException || t instanceof UnknownHostException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return new ModelException("cannot reach " + who + ": " + describe(t), true, null, null, error);
            }
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return new ModelException(profile.provider() + " did not answer within " + seconds(profile.timeout())
                        + " (profile '" + profile.name() + "')", true, null, null, error);
            }
        }
        if (error instanceof IOException || error.getCause() instanceof IOException) {
            return new ModelException("connection to " + who + " failed: " + describe(error), true, null, null, error);
        }
        // Anything else is a response we could not read, such as a malformed body.
        return new ModelException(profile.provider() + " sent an answer Oro could not read: " + describe(error), true, null, null, error);
    }

    private static ModelException http(HttpException http, ModelProfile profile) {
        int status = http.statusCode();
        Duration retryAfter = http instanceof HttpFailure f ? f.retryAfter() : null;
        String prefix = profile.provider() + " answered " + status;
        String body = snippet(http.getMessage());
        return switch (status) {
            case 401, 403 -> new ModelException(prefix + ": check " + (profile.apiKeyVariable() != null ? profile.apiKeyVariable()
                    : "the profile's apiKey") + " (profile '" + profile.name() + "')", false, status, null, http);
            case 404 -> new ModelException(prefix + ": model '" + profile.model() + "' not found" + (body.isEmpty() ? "" : " (" + body + ")"),
                    false, status, null, http);
            case 408, 409, 425, 429 -> new ModelException(prefix + (status == 429 ? " (rate limited)" : "") + retryHint(retryAfter),
                    true, status, retryAfter, http);
            default -> status >= 500
                    ? new ModelException(prefix + ": server error" + (body.isEmpty() ? "" : " (" + body + ")"), true, status, retryAfter, http)
                    : new ModelException(prefix + ": " + (body.isEmpty() ? "request refused" : body), false, status, null, http);
        };
    }

    private static String retryHint(Duration retryAfter) {
        return retryAfter == null ? "" : "; it asked to retry after " + seconds(retryAfter);
    }

    static String seconds(Duration d) {
        return d == null ? "?" : (d.toMillis() % 1000 == 0 ? d.toSeconds() + " s" : d.toMillis() + " ms");
    }

    private static String describe(Throwable t) {
        String m = t.getMessage();
        return Secrets.redact(m == null || m.isBlank() ? t.getClass().getSimpleName() : m);
    }

    private static String snippet(String body) {
        if (body == null) {
            return "";
        }
        String oneLine = Secrets.redact(body).replaceAll("\\s+", " ").strip();
        return oneLine.length() > 300 ? oneLine.substring(0, 300) + "…" : oneLine;
    }
}
