package dev.oro.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oro.Oro;
import dev.oro.OroException;
import dev.oro.eval.assertion.AssertionResult;
import dev.oro.model.FakeJudge;
import dev.oro.model.FakeOpenAi;
import dev.oro.model.ModelRegistry;
import dev.oro.store.CaseResult;
import dev.oro.store.Database;
import dev.oro.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A suite with a judge: the model under test counts (FakeOpenAi), the judge grades it (FakeJudge). */
class RunnerJudgeTest {

    @TempDir
    Path dir;

    FakeOpenAi model;
    FakeJudge judge;
    ExecutorService executor;
    ModelRegistry models;
    RunStore store;
    Runner runner;

    static final String SUITE = """
            prompts: [count]
            models: [fake]
            judge: judge
            tests:
              - vars: {n: ten}
                assert:
                  - type: llm-rubric
                    value: counts up to ten
              - vars: {n: three}
                assert:
                  - type: contains
                    value: one
                  - type: llm-rubric
                    value: counts up to three
            """;

    @BeforeEach
    void setUp() throws Exception {
        model = new FakeOpenAi();
        judge = new FakeJudge();
        Path modelsDir = Files.createDirectories(dir.resolve("models"));
        Files.writeString(modelsDir.resolve("fake.yaml"), model.profile());
        Files.writeString(modelsDir.resolve("judge.yaml"), judge.profile() + "params: {temperature: 0.9, maxTokens: 300}\n");
        executor = Oro.modelExecutor();
        models = Oro.models(modelsDir, executor);
        store = new RunStore(Database.openH2(dir.resolve("data")));
        runner = RunnerTest.countingRunner(dir, models, store, executor);
    }

    @AfterEach
    void tearDown() {
        models.close();
        executor.shutdownNow();
        model.close();
        judge.close();
    }

    RunSummary run(String suite, RunOptions options) {
        return runner.run(SuiteLoader.parse(suite, "evals/judged.yaml", dir), options, RunListener.NONE);
    }

    @Test
    void should_store_the_judges_verdicts_and_answer_it_from_the_cache_next_time() {
        judge.when("counts up to ten", FakeJudge.verdict(true, 1, "it reaches ten"))
                .when("counts up to three", FakeJudge.verdict(false, 0.2, "it goes past three"));

        RunSummary summary = run(SUITE, RunOptions.DEFAULTS);

        assertThat(summary.passed()).isEqualTo(1);
        assertThat(summary.failed()).isEqualTo(1);
        List<CaseResult> results = store.results(summary.runId());
        assertThat(results).flatMap(CaseResult::assertions).filteredOn(a -> a.type().equals("llm-rubric"))
                .extracting(AssertionResult::reason).containsExactlyInAnyOrder("it reaches ten", "it goes past three");
        assertThat(judge.requests()).hasSize(2).allSatisfy(this::isStrict);

        run(SUITE, RunOptions.DEFAULTS);
        assertThat(judge.requests()).hasSize(2);
    }

    private void isStrict(JsonNode request) {
        assertThat(request.path("temperature").asDouble()).isZero();
        assertThat(request.path("response_format").path("type").asText()).isEqualTo("json_object");
        assertThat(request.path("messages").toString()).contains("one two three");
    }

    @Test
    void should_refuse_a_model_graded_assertion_before_any_call_when_the_suite_has_no_judge() {
        String noJudge = SUITE.replace("judge: judge\n", "");

        assertThatThrownBy(() -> run(noJudge, RunOptions.DEFAULTS)).isInstanceOf(OroException.class)
                .hasMessageMatching("evals/judged\\.yaml line \\d+ \\(tests\\[0]\\.assert\\[0]\\): llm-rubric needs a judge: "
                        + "add `judge: PROFILE` to the suite");
        assertThat(model.chatCount()).isZero();
    }

    @Test
    void should_name_the_suite_when_its_judge_is_no_profile() {
        assertThatThrownBy(() -> run(SUITE.replace("judge: judge", "judge: nobody"), RunOptions.DEFAULTS))
                .hasMessageStartingWith("evals/judged.yaml: judge: no model profile named 'nobody'");
    }

    @Test
    void should_let_the_judge_select_the_best_variant_of_each_test() {
        String suite = """
                prompts: [count]
                models: [fake]
                judge: judge
                params:
                  maxTokens: [20, 3]
                tests:
                  - vars: {n: ten}
                    assert:
                      - type: select-best
                        value: the answer that counts furthest
                """;
        // the two outputs are offered in variant order (maxTokens=20 first); the judge picks the second
        judge.when("counts furthest", "{\"best\": 2, \"reason\": \"answer 2 is shorter\"}");
        RunSummary summary = run(suite, RunOptions.DEFAULTS);
        assertThat(summary.cases()).isEqualTo(2);
        assertThat(summary.passed()).isEqualTo(1);
        List<CaseResult> results = store.results(summary.runId());
        CaseResult chosen = results.stream().filter(CaseResult::passed).findFirst().orElseThrow();
        assertThat(chosen.variant()).endsWith("maxTokens=3");
        assertThat(chosen.assertions()).singleElement().satisfies(a -> {
            assertThat(a.type()).isEqualTo("select-best");
            assertThat(a.reason()).isEqualTo("chosen as best: answer 2 is shorter");
        });
        String offered = judge.requests().get(0).toString();
        assertThat(offered).contains("Answer 1:", "Answer 2:", "one two three");
        // resuming or re-reading never judges the same group twice
        assertThat(judge.requests()).hasSize(1);
    }

    @Test
    void should_refuse_select_best_without_criteria_or_judge() {
        String noJudge = "prompts: [count]\nmodels: [fake]\ntests:\n  - assert:\n      - type: select-best\n        value: best\n";
        assertThatThrownBy(() -> run(noJudge, RunOptions.DEFAULTS))
                .hasMessage("evals/judged.yaml line 5 (tests[0].assert[0]): select-best needs a judge: add `judge: PROFILE` to the suite");
        String noCriteria = "prompts: [count]\nmodels: [fake]\njudge: judge\ntests:\n  - assert:\n      - type: select-best\n";
        assertThatThrownBy(() -> run(noCriteria, RunOptions.DEFAULTS)).hasMessageContaining("select-best needs the criteria");
    }
}
