package dev.oro.model;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import dev.oro.OroException;
import dev.oro.library.ParamsCheck;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/** Reads {@code models/*.yaml}. Every error names the file, the line and the field. */
public final class ProfileLoader {

    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory()).enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    private static final Pattern DURATION = Pattern.compile("(\\d+)\\s*(ms|s|m|h)?");
    static final List<String> FIELDS = List.of("provider", "model", "baseUrl", "apiKey", "params", "concurrency", "timeout",
            "maxRetries", "pricing", "path", "url", "sha256", "contextSize", "description");

    record RawPricing(Double input, Double output) {
    }

    record RawProfile(String provider, String model, String baseUrl, String apiKey, Map<String, Object> params,
            Integer concurrency, Object timeout, Integer maxRetries, RawPricing pricing, String path, String url,
            String sha256, Integer contextSize, String description) {
    }

    /** A profile's name: its file's name without .yaml. */
    private static final String FILE_NAME = "[A-Za-z0-9][A-Za-z0-9._-]*";

    private ProfileLoader() {
    }

    /** All profiles of a folder by name; a folder that does not exist holds none. */
    public static Map<String, ModelProfile> loadAll(Path dir) {
        Map<String, ModelProfile> out = new TreeMap<>();
        for (Path f : files(dir)) {
            String name = f.getFileName().toString().replaceFirst("\\.ya?ml$", "");
            try {
                out.put(name, parse(name, Files.readString(f, StandardCharsets.UTF_8), "models/" + f.getFileName()));
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        return out;
    }

    /** The names of a folder's profiles, without reading them. */
    public static List<String> names(Path dir) {
        return files(dir).stream().map(f -> f.getFileName().toString().replaceFirst("\\.ya?ml$", "")).toList();
    }

    private static List<Path> files(Path dir) {
        if (!Files.isDirectory(dir)) {
            return List.of();
        }
        try (Stream<Path> files = Files.list(dir)) {
            return files.filter(p -> p.getFileName().toString().matches(FILE_NAME + "\\.ya?ml")).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** One profile, reading only its own file, so that a broken profile elsewhere does not stop it. */
    public static java.util.Optional<ModelProfile> load(Path dir, String name) {
        if (!name.matches(FILE_NAME)) {
            return java.util.Optional.empty();
        }
        for (String extension : List.of(".yaml", ".yml")) {
            Path file = dir.resolve(name + extension);
            if (Files.isRegularFile(file)) {
                try {
                    return java.util.Optional.of(parse(name, Files.readString(file, StandardCharsets.UTF_8), "models/" + file.getFileName()));
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            }
        }
        return java.util.Optional.empty();
    }

    public static ModelProfile parse(String name, String yaml, String origin) {
        List<String> lines = List.of(yaml.split("\n", -1));
        RawProfile raw;
        try {
            raw = YAML.readValue(yaml, RawProfile.class);
        } catch (UnrecognizedPropertyException e) {
            throw error(origin, lineOf(lines, e.getPropertyName()), "unknown field '" + e.getPropertyName() + "' (known fields: "
                    + String.join(", ", FIELDS) + ")");
        } catch (JsonMappingException e) {
            if (e.getPath().isEmpty()) {
                throw error(origin, 1, "a profile must be a mapping of fields such as 'provider: openai' and 'model: gpt-4o-mini'");
            }
            String field = e.getPath().get(0).getFieldName();
            int line = e.getLocation() != null ? e.getLocation().getLineNr() : lineOf(lines, field);
            throw error(origin, line, (field.isEmpty() ? "" : "field '" + field + "': ") + e.getOriginalMessage().replaceAll("\\s*at \\[Source.*", ""));
        } catch (JsonProcessingException e) {
            throw error(origin, e.getLocation() == null ? 1 : e.getLocation().getLineNr(), "invalid YAML: " + e.getOriginalMessage());
        }
        if (raw == null) {
            throw error(origin, 1, "the profile is empty; it needs at least 'provider' and 'model'");
        }
        if (raw.provider() == null || !Providers.ALL.contains(raw.provider())) {
            throw error(origin, lineOf(lines, "provider"), "field 'provider' must be one of " + String.join(", ", Providers.ALL)
                    + (raw.provider() == null ? "" : ", got '" + raw.provider() + "'"));
        }
        if (raw.apiKey() != null && !Secrets.isReference(raw.apiKey())) {
            // Never echo the value: it may be a real key pasted by mistake.
            throw error(origin, lineOf(lines, "apiKey"), "field 'apiKey' must be a reference such as ${OPENAI_API_KEY};"
                    + " keys never go in profile files");
        }
        boolean llama = raw.provider().equals(Providers.LLAMA_CPP);
        if (llama && raw.path() == null && raw.url() == null) {
            throw error(origin, lineOf(lines, "provider"), "a llama-cpp profile needs 'path' (a GGUF file) or 'url' and 'sha256'");
        }
        if (llama && raw.url() != null && raw.sha256() == null) {
            throw error(origin, lineOf(lines, "url"), "field 'sha256' is required with 'url', so the download can be verified");
        }
        if (!llama && raw.model() == null) {
            throw error(origin, 1, "field 'model' is required for provider " + raw.provider());
        }
        Map<String, Object> params = raw.params() == null ? Map.of() : raw.params();
        ParamsCheck.check(params, (key, problem) -> error(origin, lineOf(lines, key), problem));
        int concurrency = raw.concurrency() == null ? ModelProfile.defaultConcurrency(raw.provider()) : raw.concurrency();
        if (concurrency < 1) {
            throw error(origin, lineOf(lines, "concurrency"), "field 'concurrency' must be 1 or more");
        }
        int maxRetries = raw.maxRetries() == null ? 3 : raw.maxRetries();
        if (maxRetries < 0) {
            throw error(origin, lineOf(lines, "maxRetries"), "field 'maxRetries' must be 0 (no retries) or more");
        }
        Duration timeout = raw.timeout() == null ? ModelProfile.defaultTimeout(raw.provider())
                : duration(raw.timeout(), origin, lineOf(lines, "timeout"));
        Pricing pricing = Pricing.FREE;
        if (raw.pricing() != null) {
            double in = raw.pricing().input() == null ? 0 : raw.pricing().input();
            double out = raw.pricing().output() == null ? 0 : raw.pricing().output();
            if (in < 0 || out < 0) {
                throw error(origin, lineOf(lines, "pricing"), "field 'pricing' takes USD per 1M tokens, 0 or more");
            }
            pricing = new Pricing(in, out);
        }
        String model = raw.model() != null ? raw.model() : modelFromFile(raw);
        return new ModelProfile(name, raw.provider(), model, raw.baseUrl(), raw.apiKey(), params, concurrency, timeout, maxRetries,
                pricing, raw.path(), raw.url(), raw.sha256(), raw.contextSize(), origin);
    }

    private static String modelFromFile(RawProfile raw) {
        String source = raw.path() != null ? raw.path() : raw.url();
        return source.substring(source.lastIndexOf('/') + 1);
    }

    /** {@code 90}, {@code 90s}, {@code 500ms}, {@code 5m}, {@code 1h} or ISO-8601 {@code PT90S}. */
    static Duration duration(Object value, String origin, int line) {
        String text = String.valueOf(value).strip();
        Matcher m = DURATION.matcher(text);
        if (m.matches()) {
            long n = Long.parseLong(m.group(1));
            String unit = m.group(2) == null ? "s" : m.group(2);
            Duration d = switch (unit) {
                case "ms" -> Duration.ofMillis(n);
                case "m" -> Duration.ofMinutes(n);
                case "h" -> Duration.ofHours(n);
                default -> Duration.ofSeconds(n);
            };
            if (!d.isZero()) {
                return d;
            }
        } else {
            try {
                return Duration.parse(text);
            } catch (DateTimeParseException ignored) {
                // fall through to the error
            }
        }
        throw error(origin, line, "field 'timeout' must be a duration above zero such as 90s, 500ms or 5m, got '" + text + "'");
    }

    private static int lineOf(List<String> lines, String key) {
        Pattern p = Pattern.compile("^\\s*['\"]?" + Pattern.quote(key == null ? "" : key) + "['\"]?\\s*:");
        for (int i = 0; i < lines.size(); i++) {
            if (p.matcher(lines.get(i)).find()) {
                return i + 1;
            }
        }
        return 1;
    }

    private static OroException error(String origin, int line, String detail) {
        return new OroException(OroException.Kind.INVALID, "invalid-profile", origin + " line " + line + ": " + detail,
                Map.of("file", origin, "line", line));
    }
}
