package dev.oro.eval;

import dev.oro.OroException;
import dev.oro.library.ParamsCheck;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The deck's two knobs tried over a range: {@code --sweep temperature=0,0.5,1} on {@code eval}
 * and {@code ablate}, {@code "sweep": {"temperature": [0, 0.5, 1]}} over REST. Each axis replaces
 * (or adds) that parameter's values in the suite's params grid, so every value becomes its own
 * variant and gets its own statistics, pass^k included when cases repeat.
 */
public final class Sweep {

    private Sweep() {
    }

    /** {@code temperature → "0,0.5,1"} as typed values: {@code [0, 0.5, 1]}. */
    public static Map<String, List<Object>> parse(Map<String, String> raw) {
        Map<String, List<Object>> axes = new LinkedHashMap<>();
        raw.forEach((key, values) -> axes.put(key, Arrays.stream(values.split(",")).map(String::strip).map(Sweep::typed).toList()));
        return axes;
    }

    /** A command-line value as the number, boolean or text it spells. */
    public static Object typed(String v) {
        if (v.matches("-?\\d+")) {
            // Too big for an int is still a number: the parameter check then says what range it takes.
            // (An if, not ?:, which would widen every int to a double.)
            if (v.length() <= 9) {
                return Integer.parseInt(v);
            }
            return Double.parseDouble(v);
        }
        if (v.matches("-?\\d*\\.\\d+")) {
            return Double.parseDouble(v);
        }
        if (v.equals("true") || v.equals("false")) {
            return Boolean.parseBoolean(v);
        }
        return v;
    }

    /**
     * The suite with each axis in place of that parameter's values.
     *
     * @param field how the user wrote the sweep, for errors: {@code --sweep} or {@code 'sweep'}
     */
    public static Suite apply(Suite suite, Map<String, List<Object>> axes, String field) {
        if (axes == null || axes.isEmpty()) {
            return suite;
        }
        Map<String, List<Object>> grid = new LinkedHashMap<>(suite.params());
        axes.forEach((key, axis) -> {
            if (axis == null || axis.isEmpty()) {
                throw OroException.invalid("bad-sweep", field + " " + key + ": give at least one value");
            }
            for (Object value : axis) {
                String problem = ParamsCheck.problem(key, value);
                if (problem != null) {
                    throw OroException.invalid("bad-sweep", field + " " + key + "=" + String.join(",", axis.stream().map(String::valueOf)
                            .toList()) + ": '" + key + "' " + problem);
                }
            }
            grid.put(key, List.copyOf(axis));
        });
        return new Suite(suite.file(), suite.description(), suite.prompts(), suite.models(), grid, suite.repeat(), suite.tests(),
                suite.defaultAsserts(), suite.judge());
    }
}
