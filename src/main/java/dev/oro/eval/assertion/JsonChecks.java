package dev.oro.eval.assertion;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.networknt.schema.Error;
import com.networknt.schema.InputFormat;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import dev.oro.eval.assertion.JsonText.NotJson;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * is-json, contains-json, json-schema and json-path. is-json, json-schema and json-path read the
 * whole output as JSON; contains-json takes the first object or array inside it. is-json and
 * contains-json take an optional schema as value; json-schema requires one.
 */
public record JsonChecks(AssertionSpec spec, boolean embedded, Schema schema, JsonPathCheck path) implements Assertion {

    // Remote $refs stay unfetched: assertions do no I/O, and a suite must not depend on the network.
    private static final SchemaRegistry SCHEMAS = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
            registry -> registry.schemaLoader(loader -> loader.fetchRemoteResources(false)));

    static JsonChecks of(AssertionSpec spec) {
        return switch (spec.type()) {
            case "is-json" -> new JsonChecks(spec, false, spec.value() == null ? null : schema(spec), null);
            case "contains-json" -> new JsonChecks(spec, true, spec.value() == null ? null : schema(spec), null);
            case "json-schema" -> new JsonChecks(spec, false, schema(spec), null);
            case "json-path" -> new JsonChecks(spec, false, null, JsonPathCheck.of(spec));
            default -> throw new IllegalStateException("not a JSON check: " + spec.type());
        };
    }

    @Override
    public AssertionResult evaluate(Output output) {
        JsonNode json;
        if (embedded) {
            Optional<JsonNode> found = JsonText.embedded(output.text());
            if (found.isEmpty()) {
                return spec.result(false, "output contains no JSON object or array");
            }
            json = found.get();
        } else {
            try {
                json = JsonText.parse(output.text());
            } catch (NotJson e) {
                return spec.result(false, "output is not JSON: " + e.getMessage());
            }
        }
        if (path != null) {
            return path.check(spec, json);
        }
        return schema == null ? spec.result(true, embedded ? "output contains JSON" : "output is JSON") : matchSchema(json);
    }

    private AssertionResult matchSchema(JsonNode json) {
        List<Error> errors = schema.validate(json.toString(), InputFormat.JSON);
        if (errors.isEmpty()) {
            return spec.result(true, "output's JSON matches the schema");
        }
        List<String> first = errors.stream().limit(3).map(JsonChecks::describe).toList();
        return spec.result(false, "output's JSON does not match the schema: " + String.join("; ", first)
                + (errors.size() > 3 ? " (and " + (errors.size() - 3) + " more)" : ""));
    }

    // The instance location is a JSON pointer, empty for the document itself.
    private static String describe(Error error) {
        String where = error.getInstanceLocation().toString();
        return (where.isEmpty() ? "/" : where) + ": " + error.getMessage();
    }

    private static Schema schema(AssertionSpec spec) {
        if (!(spec.value() instanceof Map) && !(spec.value() instanceof String)) {
            throw spec.needs("a JSON schema (a map, or JSON or YAML text)");
        }
        try {
            Schema schema = spec.value() instanceof String text ? SCHEMAS.getSchema(text, InputFormat.YAML)
                    : SCHEMAS.getSchema(JsonText.JSON.writeValueAsString(spec.value()), InputFormat.JSON);
            schema.initializeValidators();
            return schema;
        } catch (JsonProcessingException | RuntimeException e) {
            throw AssertionSpec.invalid(spec.type() + " value is not a usable JSON schema (it must be self-contained:"
                    + " remote $refs are not fetched): " + e.getMessage());
        }
    }
}
