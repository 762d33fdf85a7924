package dev.oro.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import dev.langchain4j.exception.HttpException;
import dev.langchain4j.exception.UnsupportedFeatureException;
import java.io.IOException;
import java.net.ConnectException;
import java.net.UnknownHostException;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpTimeoutException;
import java.time.Duration;
import java.util.concurrent.TimeoutException;

/**
 * The one place that decides whether a failure is worth retrying and what to tell the user.
 * 429, 5xx, timeouts, connection errors and unreadable answers are retriable; authentication,
 * a missing model, bad requests and features a provider lacks are not.
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
            if (t instanceof ConnectException || t instanceof UnknownHostException || t instanceof HttpConnectTimeoutException
                    || t instanceof java.nio.channels.UnresolvedAddressException) {
                return new ModelException("cannot reach " + who + ": " + unreachable(t), true, null, null, error);
            }
            if (t instanceof HttpTimeoutException || t instanceof TimeoutException || t instanceof java.net.SocketTimeoutException
                    || t instanceof dev.langchain4j.exception.TimeoutException) {
                return timeout(profile, error);
            }
            if (t instanceof JsonProcessingException json) {
                return unreadable(who, json.getOriginalMessage(), error);
            }
            if (t instanceof UnsupportedFeatureException unsupported) {
                return new ModelException(profile.provider() + " cannot do what profile '" + profile.name() + "' asks: "
                        + describe(unsupported), false, null, null, error);
            }
        }
        if (error instanceof IOException || error.getCause() instanceof IOException) {
            return new ModelException("connection to " + who + " failed: " + describe(error), true, null, null, error);
        }
        return unreadable(who, describe(error), error);
    }

    /** The attempt outlived the profile's timeout; said the same way wherever it is noticed. */
    public static ModelException timeout(ModelProfile profile, Throwable cause) {
        String where = profile.file() == null ? "the profile" : profile.file();
        return new ModelException(profile.provider() + " did not answer within " + seconds(profile.timeout()) + " (profile '"
                + profile.name() + "'); raise 'timeout' in " + where + " if the model needs longer", true, null, null, cause);
    }

    /** Ollama answers a chat for a model it does not have with 404; the fix is one command. */
    public static ModelException notPulled(String model, String baseUrl, Throwable cause) {
        return new ModelException("model '" + model + "' is not pulled on " + baseUrl + ": run `ollama pull " + model + "`",
                false, 404, null, cause);
    }

    private static ModelException http(HttpException http, ModelProfile profile) {
        int status = http.statusCode();
        Duration retryAfter = http instanceof HttpFailure f ? f.retryAfter() : null;
        String prefix = profile.provider() + " answered " + status;
        String body = snippet(http.getMessage());
        boolean badKey = status == 401 || status == 403 || (status == 400 && body.contains("API_KEY_INVALID"));
        if (badKey) {
            return new ModelException(prefix + ": check " + (profile.apiKeyVariable() != null ? profile.apiKeyVariable()
                    : "the profile's apiKey") + " (profile '" + profile.name() + "')", false, status, null, http);
        }
        if (status == 404 && Providers.OLLAMA.equals(profile.provider()) && body.contains("model")) {
            return notPulled(profile.model(), profile.baseUrl(), http);
        }
        if (status == 429 && body.contains("insufficient_quota")) {
            // OpenAI's 429 for an account out of credit: waiting will not help.
            return new ModelException(prefix + ": the account's quota is used up; check its plan and billing", false, status, null, http);
        }
        return switch (status) {
            case 404 -> new ModelException(prefix + (http instanceof HttpFailure f ? " for " + f.url() : "") + ": model '"
                    + profile.model() + "' not found" + (body.isEmpty() ? "" : " (" + body + ")") + "; check 'model' and 'baseUrl'",
                    false, status, null, http);
            case 408, 409, 425, 429 -> new ModelException(prefix + (status == 429 ? " (rate limited)" : "") + retryHint(retryAfter),
                    true, status, retryAfter, http);
            default -> status >= 500
                    ? new ModelException(prefix + ": server error" + (body.isEmpty() ? "" : " (" + body + ")"), true, status, retryAfter, http)
                    : new ModelException(prefix + ": " + (body.isEmpty() ? "request refused" : body), false, status, null, http);
        };
    }

    /** A 200 whose body is not what the API promises: a proxy's page, a wrong baseUrl, a server mid-restart. */
    private static ModelException unreadable(String who, String detail, Throwable error) {
        return new ModelException(who + " sent an answer Oro could not read (" + snippet(detail)
                + "); check that baseUrl points at the right server", true, null, null, error);
    }

    private static String unreachable(Throwable t) {
        if (t instanceof ConnectException && (t.getMessage() == null || t.getMessage().isBlank())) {
            return "connection refused; is the server running?";
        }
        return describe(t);
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
