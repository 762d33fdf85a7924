package dev.oro.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.OroException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SuiteLoaderTest {

    @TempDir
    Path dir;

    Suite parse(String yaml) {
        return SuiteLoader.parse(yaml, "evals/qa.yaml", dir);
    }

    @Test
    void should_read_a_promptfoo_style_suite() {
        Suite s = parse("""
                description: QA from context
                prompts: [qa@1, qa@production]
                providers: [local, ollama]
                params:
                  temperature: [0, 0.7]
                  maxTokens: 64
                repeat: 3
                defaultTest:
                  vars: {lang: en}
                  assert:
                    - type: not-icontains
                      value: as an AI
                tests:
                  - description: capital
                    vars: {question: "Capital of France?"}
                    assert:
                      - type: icontains
                        value: paris
                        weight: 2
                  - vars: {question: "Capital of Spain?", lang: es}
                judge: openai
                """);
        assertThat(s.prompts()).containsExactly("qa@1", "qa@production");
        assertThat(s.models()).containsExactly("local", "ollama");
        assertThat(s.repeat()).isEqualTo(3);
        assertThat(s.judge()).isEqualTo("openai");
        assertThat(s.paramCombinations()).containsExactly(Map.of("temperature", 0, "maxTokens", 64),
                Map.of("temperature", 0.7, "maxTokens", 64));
        assertThat(s.tests()).hasSize(2);
        TestCase first = s.tests().get(0);
        assertThat(first.id()).isEqualTo("t1");
        assertThat(first.vars()).containsEntry("question", "Capital of France?").containsEntry("lang", "en");
        assertThat(first.asserts()).singleElement().satisfies(a -> {
            assertThat(a.raw()).containsEntry("type", "icontains").containsEntry("weight", 2);
            assertThat(a.where()).isEqualTo("evals/qa.yaml line 17 (tests[0].assert[0])");
        });
        assertThat(s.tests().get(1).vars()).containsEntry("lang", "es");
        assertThat(s.defaultAsserts()).singleElement().satisfies(a -> assertThat(a.raw()).containsEntry("type", "not-icontains"));
    }

    @Test
    void should_read_csv_jsonl_and_yaml_datasets() throws Exception {
        Files.writeString(dir.resolve("qa.csv"), "question,context,__expected,__description\n"
                + "\"Who, exactly?\",Ana wrote it,icontains: ana,author\n"
                + "When?,No date given,\"No answer\",\n");
        Files.writeString(dir.resolve("more.jsonl"), "{\"question\": \"q1\"}\n\n{\"vars\": {\"question\": \"q2\"}, "
                + "\"assert\": [{\"type\": \"contains\", \"value\": \"x\"}]}\n");
        Files.writeString(dir.resolve("extra.yaml"), "- question: q3\n- vars: {question: q4}\n  description: fourth\n");
        Suite s = parse("prompts: [qa]\nmodels: [local]\ntests:\n  - file://qa.csv\n  - more.jsonl\n  - extra.yaml\n");
        assertThat(s.tests()).extracting(TestCase::id).containsExactly("qa.csv:1", "qa.csv:2", "more.jsonl:1", "more.jsonl:3",
                "extra.yaml:1", "extra.yaml:2");
        TestCase author = s.tests().get(0);
        assertThat(author.vars()).containsExactly(Map.entry("question", "Who, exactly?"), Map.entry("context", "Ana wrote it"));
        assertThat(author.description()).isEqualTo("author");
        assertThat(author.asserts()).singleElement().satisfies(a -> {
            assertThat(a.raw()).isEqualTo(Map.of("type", "icontains", "value", "ana"));
            assertThat(a.where()).endsWith("qa.csv line 2 (__expected)");
        });
        assertThat(s.tests().get(1).asserts().get(0).raw()).isEqualTo(Map.of("type", "equals", "value", "No answer"));
        assertThat(s.tests().get(3).asserts()).hasSize(1);
        assertThat(s.tests().get(5).description()).isEqualTo("fourth");
    }

    @Test
    void should_name_file_line_and_field_of_mistakes() throws Exception {
        assertThatThrownBy(() -> parse("prompts: [qa]\nmodels: [local]\ntests:\n  - vars: {a: 1}\n    asert: []\n"))
                .isInstanceOf(OroException.class)
                .hasMessage("evals/qa.yaml line 5: field 'tests[0].asert' is not a test field (fields: assert, description, vars)");
        assertThatThrownBy(() -> parse("prompts: [qa]\nmodels: [local]\nrepeat: 0\ntests: [{vars: {}}]\n"))
                .hasMessage("evals/qa.yaml line 3: field 'repeat' must be a whole number of 1 or more");
        assertThatThrownBy(() -> parse("prompts: [../x]\nmodels: [local]\ntests: [{vars: {}}]\n"))
                .hasMessageStartingWith("evals/qa.yaml line 1: field 'prompts[0]' has invalid prompt name '../x'");
        assertThatThrownBy(() -> parse("prompts: [qa]\nproviders: [openai:gpt-4o]\ntests: [{vars: {}}]\n"))
                .hasMessageContaining("create models/gpt-4o.yaml");
        assertThatThrownBy(() -> parse("prompts: [qa]\nmodels: [local]\nparams:\n  temperature: [0, 9]\ntests: [{vars: {}}]\n"))
                .hasMessage("evals/qa.yaml line 4: field 'params.temperature' must be a number from 0 to 2, got 9");
        assertThatThrownBy(() -> parse("prompts: [qa]\nmodels: [local]\ntests:\n  - vars: {a: 1}\n    assert:\n      - value: x\n"))
                .hasMessage("evals/qa.yaml line 6: field 'tests[0].assert[0]' needs a 'type', such as contains or llm-rubric");
        assertThatThrownBy(() -> parse("prompts: [qa]\nmodels: [local]\ntests: [{vars: {a: 1}}\n"))
                .hasMessageStartingWith("evals/qa.yaml line ").hasMessageContaining("invalid YAML");
        assertThatThrownBy(() -> parse("prompts: [qa]\nmodels: [local]\ntests:\n  - missing.csv\n"))
                .hasMessageStartingWith("evals/qa.yaml line 4: dataset ").hasMessageEndingWith("missing.csv does not exist");
        Files.writeString(dir.resolve("bad.csv"), "a,b\n1,2,3\n");
        assertThatThrownBy(() -> parse("prompts: [qa]\nmodels: [local]\ntests: [bad.csv]\n"))
                .hasMessageEndingWith("bad.csv line 2: the row has 3 columns but the header has 2");
        Files.writeString(dir.resolve("bad.jsonl"), "{\"a\": 1}\n{oops\n");
        assertThatThrownBy(() -> parse("prompts: [qa]\nmodels: [local]\ntests: [bad.jsonl]\n"))
                .hasMessageContaining("bad.jsonl line 2: not a JSON object");
        assertThatThrownBy(() -> parse("prompts: [qa]\nmodels: [local]\nwat: 1\ntests: [{vars: {}}]\n"))
                .hasMessageStartingWith("evals/qa.yaml line 3: field 'wat' is not a suite field");
    }

    @Test
    void should_read_promptfoo_expected_shorthand() {
        assertThat(Datasets.expected("not-contains: sorry")).isEqualTo(Map.of("type", "not-contains", "value", "sorry"));
        assertThat(Datasets.expected("Paris")).isEqualTo(Map.of("type", "equals", "value", "Paris"));
        assertThat(Datasets.expected("Note: read this")).isEqualTo(Map.of("type", "equals", "value", "Note: read this"));
        assertThat(Datasets.expected("https://example.org")).isEqualTo(Map.of("type", "equals", "value", "https://example.org"));
        assertThat(List.of()).isEmpty();
    }

    @Test
    void should_load_every_starter_suite_with_valid_assertions() throws Exception {
        try (var files = Files.list(Path.of("evals"))) {
            List<Path> suites = files.filter(f -> f.toString().endsWith(".yaml")).toList();
            assertThat(suites).hasSizeGreaterThanOrEqualTo(3);
            for (Path file : suites) {
                Suite suite = SuiteLoader.load(file);
                assertThat(suite.tests()).as(file.toString()).isNotEmpty();
                suite.tests().forEach(t -> t.asserts().forEach(a -> dev.oro.eval.assertion.Assertions.create(
                        dev.oro.eval.assertion.AssertionSpec.parse(a.raw(), a.where()))));
                suite.defaultAsserts().forEach(a -> dev.oro.eval.assertion.Assertions.create(
                        dev.oro.eval.assertion.AssertionSpec.parse(a.raw(), a.where())));
            }
        }
    }

    @Test
    void should_skip_drafted_tests_until_they_are_accepted() throws Exception {
        Files.writeString(dir.resolve("drafts.yaml"), """
                - vars: {question: "Capital of Peru?"}
                  status: draft
                - vars: {question: "Capital of Chile?"}
                  status: accepted
                - vars: {question: "Capital of Mars?"}
                  status: rejected
                - vars: {question: "Capital of Italy?"}
                """);
        Files.writeString(dir.resolve("drafts.jsonl"), "{\"vars\": {\"question\": \"Q\"}, \"status\": \"draft\"}\n");
        Suite s = parse("prompts: [qa@1]\ntests:\n  - drafts.yaml\n  - drafts.jsonl\n");
        assertThat(s.tests()).extracting(TestCase::id).containsExactly("drafts.yaml:2", "drafts.yaml:4");
        assertThat(s.tests().get(0).status()).isEqualTo("accepted");

        assertThatThrownBy(() -> parse("prompts: [qa@1]\ntests: [drafts.jsonl]\n")).isInstanceOf(OroException.class)
                .hasMessageContaining("its 1 drafted tests count once accepted");
        Files.writeString(dir.resolve("typo.yaml"), "- vars: {question: Q}\n  status: drafted\n");
        assertThatThrownBy(() -> parse("prompts: [qa@1]\ntests: [typo.yaml]\n")).isInstanceOf(OroException.class)
                .hasMessageEndingWith("typo.yaml line 1: field 'status' must be draft, accepted or rejected, not 'drafted'");
    }
}
