package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.WHERE;
import static dev.oro.eval.assertion.Check.entry;
import static dev.oro.eval.assertion.Check.problem;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.oro.OroException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AssertionSpecTest {

    @Test
    void should_read_the_not_prefix_as_a_flag_on_the_plain_type() {
        AssertionSpec spec = AssertionSpec.parse(Map.of("type", "not-contains", "value", "sorry"), WHERE);

        assertThat(spec.type()).isEqualTo("contains");
        assertThat(spec.negated()).isTrue();
        assertThat(spec.label()).isEqualTo("not-contains");
        assertThat(spec.weight()).isEqualTo(1);
        assertThat(spec.threshold()).isNull();
        assertThat(spec.metric()).isNull();
    }

    @Test
    void should_keep_weight_threshold_and_metric() {
        AssertionSpec spec = AssertionSpec.parse(Map.of("type", "bleu", "value", "a b c", "weight", 2, "threshold", 0.3,
                "metric", "fluency"), WHERE);

        assertThat(spec.weight()).isEqualTo(2.0);
        assertThat(spec.threshold()).isEqualTo(0.3);
        assertThat(spec.metric()).isEqualTo("fluency");
    }

    @Test
    void should_refuse_with_a_problem_type_and_the_place_the_caller_named() {
        OroException e = catchThrowableOfType(OroException.class, () -> AssertionSpec.parse(Map.of("type", "contains"), WHERE));

        assertThat(e.kind()).isEqualTo(OroException.Kind.INVALID);
        assertThat(e.type()).isEqualTo("invalid-assertion");
        assertThat(e.detail()).isEqualTo(WHERE + ": contains needs a string as value (value is missing)");
    }

    @Test
    void should_list_the_known_types_for_an_unknown_one() {
        assertThat(problem("not-contain", "x")).isEqualTo(WHERE + ": unknown assertion type 'not-contain'; known types: "
                + String.join(", ", Assertions.TYPES) + " (each also as not-<type>)");
    }

    @Test
    void should_name_the_field_that_is_wrong() {
        assertThat(problem(Map.of("value", "x"))).endsWith(": type is missing");
        assertThat(problem(Map.of("type", 3))).endsWith(": type must be a string");
        assertThat(problem(Map.of("type", "not-"))).endsWith(": type 'not-' names no assertion");
        assertThat(problem(Map.of("type", "contains", "value", "x", "treshold", 1)))
                .endsWith(": unknown field 'treshold' (allowed: type, value, weight, threshold, metric)");
        assertThat(problem(Map.of("type", "contains", "value", "x", "weight", -1))).endsWith(": weight must be a number of 0 or more, got '-1'");
        assertThat(problem(Map.of("type", "contains", "value", "x", "weight", "heavy"))).contains("weight must be a number");
        assertThat(problem(Map.of("type", "contains", "value", "x", "weight", Double.NaN))).contains("weight must be a number");
        assertThat(problem(Map.of("type", "bleu", "value", "x", "threshold", "high"))).endsWith(": threshold must be a number, got 'high'");
        assertThat(problem(Map.of("type", "contains", "value", "x", "metric", List.of()))).endsWith(": metric must be a string, got '[]'");
    }

    @Test
    void should_name_the_value_type_an_assertion_needs() {
        assertThat(problem("contains-any", "Paris")).isEqualTo(WHERE + ": contains-any needs a list of strings as value, got 'Paris'");
        assertThat(problem("contains-all", List.of())).endsWith("contains-all needs a list of strings as value, got '[]'");
        assertThat(problem("equals", Map.of("a", 1))).endsWith("equals needs a string as value, got '{a=1}'");
        assertThat(problem("bleu", 3)).endsWith("bleu needs a reference string or a list of them as value, got '3'");
        assertThat(problem("word-count", Map.of("min", 5, "max", 2))).contains("word-count needs a whole number, or {min, max}");
    }

    @Test
    void should_refuse_a_threshold_where_it_would_be_ignored() {
        Map<String, Object> raw = new HashMap<>(entry("contains", "x"));
        raw.put("threshold", 0.5);

        assertThat(problem(raw)).endsWith(": threshold has no meaning for contains (only for answer-relevance, bleu, cost, g-eval, latency, levenshtein, llm-rubric, rouge-n, similar)");
    }

    @Test
    void should_refuse_a_score_threshold_outside_zero_to_one() {
        Map<String, Object> raw = new HashMap<>(entry("rouge-n", "the cat"));
        raw.put("threshold", 75);

        assertThat(problem(raw)).endsWith(": rouge-n's threshold is a score between 0 and 1, got 75.0");
    }

    @Test
    void should_copy_the_value_so_a_later_change_to_the_yaml_map_does_not_reach_it() {
        List<Object> refs = new java.util.ArrayList<>(List.of("a"));
        AssertionSpec spec = AssertionSpec.of("contains-any", refs);
        refs.add("b");

        assertThat(spec.value()).isEqualTo(List.of("a"));
    }

    @Test
    void should_know_a_creator_for_every_type_it_lists() {
        AssertionContext models = new AssertionContext(messages -> "{}", text -> new float[] {1});
        for (String type : Assertions.TYPES) {
            assertThat(Assertions.create(AssertionSpec.of(type, sampleValue(type)), models)).as(type).isNotNull();
            assertThat(Assertions.create(AssertionSpec.of("not-" + type, sampleValue(type)), models)).as(type).isInstanceOf(Negated.class);
        }
    }

    private static Object sampleValue(String type) {
        return switch (type) {
            case "contains-any", "contains-all" -> List.of("a");
            case "json-path" -> Map.of("path", "$.a", "exists", true);
            case "json-schema" -> Map.of("type", "object");
            case "is-json", "contains-json", "answer-relevance" -> null;
            case "latency", "cost", "word-count", "length" -> 10;
            default -> "a";
        };
    }
}
