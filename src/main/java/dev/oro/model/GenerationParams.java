package dev.oro.model;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The knobs of one call. Null means "not set here", so that layers merge: a prompt version's
 * defaults &lt; the profile's &lt; a suite's or a call's overrides. {@code extra} carries
 * provider options Oro does not interpret (Ollama's num_ctx, keep_alive, ...).
 */
public record GenerationParams(Double temperature, Double topP, Integer maxTokens, Integer seed, List<String> stop,
        Boolean json, Map<String, Object> extra) {

    public static final GenerationParams NONE = new GenerationParams(null, null, null, null, null, null, Map.of());

    /** How a judge is asked (the eval's graders, lint --judge): temperature 0 and JSON, the steadiest answer a model gives. */
    public static final GenerationParams JUDGING = new GenerationParams(0.0, null, null, null, null, true, Map.of());

    public GenerationParams {
        stop = stop == null ? null : List.copyOf(stop);
        extra = extra == null ? Map.of() : Map.copyOf(extra);
    }

    /** Reads the {@code params} map of a prompt, profile or request (already checked by ParamsCheck). */
    public static GenerationParams from(Map<String, Object> params) {
        if (params == null || params.isEmpty()) {
            return NONE;
        }
        Map<String, Object> extra = new LinkedHashMap<>(params);
        Double temperature = number(extra.remove("temperature"));
        Double topP = number(extra.remove("topP"));
        Integer maxTokens = integer(extra.remove("maxTokens"));
        Integer seed = integer(extra.remove("seed"));
        Object stop = extra.remove("stop");
        Object json = extra.remove("json");
        List<String> stops = stop == null ? null : stop instanceof List<?> l ? l.stream().map(String::valueOf).toList() : List.of(String.valueOf(stop));
        return new GenerationParams(temperature, topP, maxTokens, seed, stops, json instanceof Boolean b ? b : null, extra);
    }

    /** These params with every value {@code over} sets replacing ours. */
    public GenerationParams overriddenBy(GenerationParams over) {
        Map<String, Object> mergedExtra = new LinkedHashMap<>(extra);
        mergedExtra.putAll(over.extra);
        return new GenerationParams(
                over.temperature != null ? over.temperature : temperature,
                over.topP != null ? over.topP : topP,
                over.maxTokens != null ? over.maxTokens : maxTokens,
                over.seed != null ? over.seed : seed,
                over.stop != null ? over.stop : stop,
                over.json != null ? over.json : json,
                mergedExtra);
    }

    public boolean jsonMode() {
        return Boolean.TRUE.equals(json);
    }

    private static Double number(Object o) {
        return o instanceof Number n ? n.doubleValue() : null;
    }

    private static Integer integer(Object o) {
        return o instanceof Number n ? n.intValue() : null;
    }
}
