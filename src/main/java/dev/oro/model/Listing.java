package dev.oro.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.langchain4j.http.client.HttpMethod;
import dev.langchain4j.http.client.HttpRequest;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;

/**
 * The readiness probe the providers share: GET a vendor's model listing, then say whether the
 * profile's model is among what it serves. Failures read as a chat's would.
 */
final class Listing {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** A listing is small and quick; a local profile's ten-minute timeout would only hide a hang. */
    private static final Duration MAX_WAIT = Duration.ofSeconds(30);

    private Listing() {
    }

    /** Runs a probe; whatever fails becomes "not ready" with the message a chat would give. */
    static Readiness check(ModelProfile profile, Supplier<Readiness> probe) {
        try {
            return probe.get();
        } catch (RuntimeException e) {
            return Readiness.notReady(ModelErrors.classify(e, profile).getMessage());
        }
    }

    /**
     * Ready when GET {baseUrl}/models/{model} answers 200: for vendors that resolve aliases
     * there and page their full list. Headers are built inside the probe, as a missing key fails.
     */
    static Readiness modelFound(ModelProfile profile, Supplier<Map<String, String>> headers) {
        return check(profile, () -> {
            get(profile, profile.baseUrl() + "/models/" + profile.model(), headers.get());
            return ready(profile);
        });
    }

    /** GETs {@code url} and reads the answer as JSON; throws what {@link ModelErrors} can classify. */
    static JsonNode get(ModelProfile profile, String url, Map<String, String> headers) {
        Duration wait = profile.timeout().compareTo(MAX_WAIT) < 0 ? profile.timeout() : MAX_WAIT;
        OroHttpClient http = new OroHttpClientBuilder().connectTimeout(wait).readTimeout(wait).build();
        String body = http.execute(HttpRequest.builder().method(HttpMethod.GET).url(url).addHeaders(headers).build()).body();
        try {
            return JSON.readTree(body);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The values of {@code field} in each element of the array {@code array}: model ids or names. */
    static List<String> names(JsonNode listing, String array, String field) {
        List<String> out = new ArrayList<>();
        listing.path(array).forEach(m -> out.add(m.path(field).asText()));
        return out;
    }

    /** The Authorization header for a key, or none without one (a local server). */
    static Map<String, String> bearer(String key) {
        return key == null ? Map.of() : Map.of("Authorization", "Bearer " + key);
    }

    static Readiness ready(ModelProfile profile) {
        return Readiness.ready(profile.provider() + " at " + profile.baseUrl() + " serves '" + profile.model() + "'");
    }

    /** Ready when the model is listed, or when the server lists nothing (some compatible servers don't). */
    static Readiness served(ModelProfile profile, List<String> served) {
        if (served.isEmpty() || served.contains(profile.model())) {
            return ready(profile);
        }
        String where = profile.provider() + " at " + profile.baseUrl();
        String some = String.join(", ", served.subList(0, Math.min(10, served.size())))
                + (served.size() > 10 ? " and " + (served.size() - 10) + " more" : "");
        return Readiness.notReady(where + " does not serve '" + profile.model() + "'; it serves " + some
                + " (set 'model' in " + (profile.file() == null ? "the profile" : profile.file()) + ")");
    }
}
