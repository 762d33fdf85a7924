package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Assertions.quote;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.NullNode;
import com.jayway.jsonpath.Configuration;
import com.jayway.jsonpath.InvalidPathException;
import com.jayway.jsonpath.JsonPath;
import com.jayway.jsonpath.PathNotFoundException;
import com.jayway.jsonpath.spi.json.JacksonJsonNodeJsonProvider;
import com.jayway.jsonpath.spi.mapper.JacksonMappingProvider;
import java.util.Map;

/**
 * json-path's value, {@code {path, equals: X}} or {@code {path, exists: true|false}}. A path with
 * wildcards or filters yields a list: it exists when the list is not empty, and equals compares the list.
 */
public record JsonPathCheck(String source, JsonPath path, boolean exists, JsonNode expected) {

    // Jackson on both sides, so the value read and the one expected compare as the same kind of node.
    private static final Configuration JACKSON = Configuration.builder()
            .jsonProvider(new JacksonJsonNodeJsonProvider(JsonText.JSON)).mappingProvider(new JacksonMappingProvider(JsonText.JSON)).build();

    static JsonPathCheck of(AssertionSpec spec) {
        if (!(spec.value() instanceof Map<?, ?> map) || !(map.get("path") instanceof String source) || map.size() != 2
                || map.containsKey("equals") == map.containsKey("exists")
                || map.containsKey("exists") && !(map.get("exists") instanceof Boolean)) {
            throw spec.needs("{path: \"$.a.b\", equals: X} or {path: \"$.a.b\", exists: true|false}");
        }
        try {
            JsonPath path = JsonPath.compile(source);
            return map.containsKey("exists") ? new JsonPathCheck(source, path, (Boolean) map.get("exists"), null)
                    : new JsonPathCheck(source, path, true, node(map.get("equals")));
        } catch (InvalidPathException e) {
            throw AssertionSpec.invalid("json-path " + quote(source) + " is not a valid JSONPath: " + e.getMessage());
        }
    }

    AssertionResult check(AssertionSpec spec, JsonNode json) {
        JsonNode found = read(json);
        if (expected == null) {
            boolean present = found != null && !(found.isArray() && !path.isDefinite() && found.isEmpty());
            return spec.result(present == exists, "output's " + source + (present ? " exists" : " does not exist"));
        }
        if (found == null) {
            return spec.result(false, "output's " + source + " does not exist; expected " + expected);
        }
        return JsonText.same(found, expected) ? spec.result(true, "output's " + source + " equals " + expected)
                : spec.result(false, "output's " + source + " is " + found + ", expected " + expected);
    }

    private JsonNode read(JsonNode json) {
        try {
            return node(JsonPath.using(JACKSON).parse(json).read(path));
        } catch (PathNotFoundException e) {
            return null;
        }
    }

    // valueToTree gives Java null for JSON null, which would read as "no such path".
    private static JsonNode node(Object value) {
        return value == null ? NullNode.getInstance() : JsonText.JSON.valueToTree(value);
    }
}
