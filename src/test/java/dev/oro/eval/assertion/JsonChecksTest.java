package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.problem;
import static dev.oro.eval.assertion.Check.run;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class JsonChecksTest {

    /** As a suite's YAML gives it: an ordered map, so the violations come out in a stable order. */
    private static final Map<String, Object> PERSON = ordered("""
            {"type": "object", "required": ["name", "age"],
             "properties": {"name": {"type": "string"}, "age": {"type": "integer", "minimum": 0}}}
            """);

    @Test
    void should_pass_is_json_for_a_whole_json_output() {
        assertThat(run("is-json", null, " {\"a\": [1, 2]}\n").pass()).isTrue();
        assertThat(run("is-json", null, "[1, 2]").reason()).isEqualTo("output is JSON");
    }

    @Test
    void should_fail_is_json_for_prose_or_json_with_a_tail() {
        AssertionResult prose = run("is-json", null, "Sure! {\"a\": 1}");
        AssertionResult tail = run("is-json", null, "{\"a\": 1} hope this helps");

        assertThat(prose.pass()).isFalse();
        assertThat(prose.reason()).startsWith("output is not JSON: Unrecognized token 'Sure'").contains("line 1, column");
        assertThat(tail.pass()).isFalse();
        assertThat(run("is-json", null, "").reason()).isEqualTo("output is not JSON: output is empty");
    }

    @Test
    void should_check_is_json_against_a_schema_given_as_value() {
        assertThat(run("is-json", PERSON, "{\"name\": \"Ada\", \"age\": 36}").pass()).isTrue();
        assertThat(run("is-json", PERSON, "{\"name\": \"Ada\"}").pass()).isFalse();
    }

    @Test
    void should_find_json_inside_a_fenced_block_for_contains_json() {
        String fenced = "Here you go:\n```json\n{\"city\": \"Paris\", \"tags\": [\"a\"]}\n```\nAnything else?";

        assertThat(run("contains-json", null, fenced).pass()).isTrue();
        assertThat(run("contains-json", Map.of("type", "object", "required", List.of("city")), fenced).pass()).isTrue();
        assertThat(run("contains-json", Map.of("type", "object", "required", List.of("country")), fenced).pass()).isFalse();
    }

    @Test
    void should_skip_brackets_that_start_no_json() {
        assertThat(run("contains-json", null, "[see above] then {\"ok\": true}").pass()).isTrue();
        AssertionResult none = run("contains-json", null, "no {braces that close");

        assertThat(none.pass()).isFalse();
        assertThat(none.reason()).isEqualTo("output contains no JSON object or array");
    }

    @Test
    void should_name_the_schema_violations() {
        AssertionResult r = run("json-schema", PERSON, "{\"name\": 7, \"age\": -1}");

        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).isEqualTo("output's JSON does not match the schema: /name: integer found, string expected;"
                + " /age: must have a minimum value of 0");
        assertThat(run("json-schema", PERSON, "{}").reason()).isEqualTo("output's JSON does not match the schema:"
                + " /: required property 'name' not found; /: required property 'age' not found");
    }

    @Test
    void should_refuse_a_schema_that_needs_the_network() {
        assertThat(problem("json-schema", Map.of("$ref", "https://example.com/person.json")))
                .contains(": json-schema value is not a usable JSON schema (it must be self-contained: remote $refs are not fetched)");
    }

    @Test
    void should_read_a_schema_written_as_yaml_text() {
        String schema = """
                type: object
                required: [answer]
                properties:
                  answer: {type: number}
                """;

        assertThat(run("json-schema", schema, "{\"answer\": 4}").pass()).isTrue();
        assertThat(run("json-schema", schema, "{\"answer\": \"four\"}").pass()).isFalse();
    }

    @Test
    void should_refuse_json_schema_without_a_schema() {
        assertThat(problem("json-schema", null)).endsWith(": json-schema needs a JSON schema (a map, or JSON or YAML text) as value (value is missing)");
        assertThat(problem("json-schema", "type: [unclosed")).contains("json-schema value is not a usable JSON schema");
    }

    @Test
    void should_compare_a_json_path_value_with_numbers_by_value() {
        String json = "{\"a\": {\"b\": 1.0, \"c\": \"x\", \"d\": null, \"list\": [1, 2]}}";

        assertThat(run("json-path", Map.of("path", "$.a.b", "equals", 1), json).pass()).isTrue();
        assertThat(run("json-path", Map.of("path", "$.a.c", "equals", "x"), json).pass()).isTrue();
        assertThat(run("json-path", Map.of("path", "$.a.list", "equals", List.of(1, 2)), json).pass()).isTrue();
        AssertionResult wrong = run("json-path", Map.of("path", "$.a.c", "equals", "y"), json);
        assertThat(wrong.pass()).isFalse();
        assertThat(wrong.reason()).isEqualTo("output's $.a.c is \"x\", expected \"y\"");
    }

    @Test
    void should_tell_a_json_null_from_a_missing_path() {
        String json = "{\"a\": {\"d\": null}}";
        Map<String, Object> equalsNull = new HashMap<>();
        equalsNull.put("path", "$.a.d");
        equalsNull.put("equals", null);

        assertThat(run("json-path", equalsNull, json).pass()).isTrue();
        assertThat(run("json-path", Map.of("path", "$.a.d", "exists", true), json).pass()).isTrue();
        assertThat(run("json-path", Map.of("path", "$.a.zz", "exists", true), json).reason()).isEqualTo("output's $.a.zz does not exist");
        assertThat(run("json-path", Map.of("path", "$.a.zz", "exists", false), json).pass()).isTrue();
        assertThat(run("json-path", Map.of("path", "$.a.zz", "equals", 1), json).reason()).isEqualTo("output's $.a.zz does not exist; expected 1");
    }

    @Test
    void should_count_a_wildcard_path_as_existing_only_when_it_finds_something() {
        String json = "{\"items\": [{\"id\": 1}, {\"id\": 2}]}";

        assertThat(run("json-path", Map.of("path", "$.items[*].id", "equals", List.of(1, 2)), json).pass()).isTrue();
        assertThat(run("json-path", Map.of("path", "$.items[*].name", "exists", true), json).pass()).isFalse();
    }

    @Test
    void should_fail_json_path_on_an_output_that_is_not_json() {
        assertThat(run("json-path", Map.of("path", "$.a", "exists", true), "nope").reason()).startsWith("output is not JSON: ");
    }

    @Test
    void should_refuse_a_json_path_value_of_the_wrong_shape() {
        assertThat(problem("json-path", "$.a")).contains("json-path needs {path: \"$.a.b\", equals: X} or {path: \"$.a.b\", exists: true|false} as value");
        assertThat(problem("json-path", Map.of("path", "$.a"))).contains("json-path needs {path");
        assertThat(problem("json-path", Map.of("path", "$.a", "exists", "yes"))).contains("json-path needs {path");
        assertThat(problem("json-path", Map.of("path", "$['a", "exists", true)))
                .endsWith(": json-path '$['a' is not a valid JSONPath: Property has not been closed - missing closing '");
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> ordered(String json) {
        try {
            return new ObjectMapper().readValue(json, LinkedHashMap.class);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException(e);
        }
    }
}
