package dev.oro.eval;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.Oro;
import dev.oro.OroException;
import dev.oro.library.PromptLibrary;
import dev.oro.model.FakeOpenAi;
import dev.oro.model.ModelRegistry;
import dev.oro.render.Renderer;
import dev.oro.store.CaseResult;
import dev.oro.store.Database;
import dev.oro.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The runner against a fake OpenAI server on loopback (its model counts to ten) and a real H2 file. */
class RunnerTest {

    @TempDir
    Path dir;

    FakeOpenAi fake;
    ExecutorService executor;
    ModelRegistry models;
    DataSource db;
    RunStore store;
    Runner runner;

    /** Three tests on two maxTokens values of the prompt {@code count}, which takes {@code n}. */
    static final String SUITE = suite();

    private static String suite() {
        try (var in = RunnerTest.class.getResourceAsStream("/evals/count.yaml")) {
            return new String(in.readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeOpenAi();
        Path modelsDir = Files.createDirectories(dir.resolve("models"));
        Files.writeString(modelsDir.resolve("fake.yaml"), fake.profile() + "concurrency: 4\npricing: {input: 1, output: 2}\n");
        executor = Oro.modelExecutor();
        models = Oro.models(modelsDir, executor);
        db = openDatabase();
        store = new RunStore(db);
        runner = countingRunner(dir, models, store, executor);
    }

    /** A runner over a library in {@code dir} that holds one prompt, {@code count}. */
    static Runner countingRunner(Path dir, ModelRegistry models, RunStore store, ExecutorService executor) {
        Path prompts = dir.resolve("prompts");
        Renderer renderer = Oro.renderer(prompts);
        PromptLibrary library = Oro.library(prompts, renderer);
        library.create("count", "Count from one to {n}.", null);
        return new Runner(library, renderer, models, store, executor);
    }

    /** A real H2 file here; {@link PostgresRunnerTest} runs every test again on PostgreSQL. */
    DataSource openDatabase() throws Exception {
        return Database.openH2(dir.resolve("data"));
    }

    @AfterEach
    void tearDown() throws Exception {
        models.close();
        executor.shutdownNow();
        fake.close();
        if (db instanceof AutoCloseable pool) {
            pool.close();
        }
    }

    RunSummary run(RunOptions options) {
        return runner.run(SuiteLoader.parse(SUITE, "evals/count.yaml", dir), options, RunListener.NONE);
    }

    @Test
    void should_score_every_case_and_store_it() {
        RunSummary summary = run(RunOptions.DEFAULTS);
        assertThat(summary.cases()).isEqualTo(6);
        assertThat(summary.passed()).isEqualTo(3);
        assertThat(summary.failed()).isEqualTo(3);
        assertThat(summary.errors()).isZero();
        assertThat(fake.chatCount()).isEqualTo(6);
        List<CaseResult> results = store.results(summary.runId());
        Map<String, Long> passesByVariant = results.stream().collect(Collectors.groupingBy(CaseResult::variant,
                Collectors.filtering(CaseResult::passed, Collectors.counting())));
        assertThat(passesByVariant).containsEntry("count@1 · fake · maxTokens=20", 2L).containsEntry("count@1 · fake · maxTokens=3", 1L);
        CaseResult cut = results.stream().filter(r -> r.testId().equals("t1") && r.variant().endsWith("maxTokens=3")).findFirst().orElseThrow();
        assertThat(cut.output()).isEqualTo("one two three");
        assertThat(cut.finishReason()).isEqualTo("length");
        assertThat(cut.passed()).isFalse();
        assertThat(cut.assertions()).singleElement().satisfies(a -> assertThat(a.reason()).contains("ten"));
        assertThat(cut.promptHash()).startsWith("sha256:");
        assertThat(cut.outputTokens()).isEqualTo(3);
        assertThat(cut.cost()).isPositive();
        assertThat(store.require(summary.runId()).status()).isEqualTo("completed");
    }

    @Test
    void should_answer_an_identical_second_run_from_the_cache() {
        RunSummary first = run(RunOptions.DEFAULTS);
        int calls = fake.chatCount();
        RunSummary second = run(RunOptions.DEFAULTS);
        assertThat(fake.chatCount()).isEqualTo(calls);
        assertThat(second.passed()).isEqualTo(first.passed());
        assertThat(store.results(second.runId())).allMatch(CaseResult::cached).allMatch(r -> r.cost() == 0.0);
        run(new RunOptions(List.of(), null, null, true, null));
        assertThat(fake.chatCount()).isEqualTo(calls * 2);
    }

    @Test
    void should_record_errors_with_their_reason_and_never_cache_them() {
        fake.failWithServerErrors(100);
        RunSummary failing = run(RunOptions.DEFAULTS);
        assertThat(failing.errors()).isEqualTo(6);
        assertThat(store.results(failing.runId())).allSatisfy(r -> {
            assertThat(r.passed()).isFalse();
            assertThat(r.error()).contains("openai answered 500");
        });
        fake.reset();
        RunSummary healthy = run(RunOptions.DEFAULTS);
        assertThat(healthy.errors()).isZero();
        assertThat(store.results(healthy.runId())).noneMatch(CaseResult::cached);
    }

    @Test
    void should_resume_a_run_and_hold_every_case_exactly_once() throws Exception {
        RunSummary first = run(new RunOptions(List.of(), null, null, true, null));
        try (Connection c = db.getConnection(); Statement s = c.createStatement()) {
            // as if the process died after half of the cases
            s.executeUpdate("DELETE FROM results WHERE run_id = '" + first.runId() + "' AND test_id IN ('t2', 't3')");
        }
        fake.reset();
        RunSummary resumed = run(new RunOptions(List.of(), null, null, true, first.runId()));
        assertThat(resumed.runId()).isEqualTo(first.runId());
        assertThat(fake.chatCount()).isEqualTo(4);
        List<CaseResult> all = store.results(first.runId());
        assertThat(all).hasSize(6);
        assertThat(all.stream().map(CaseResult::caseKey).distinct()).hasSize(6);
        assertThat(resumed.passed()).isEqualTo(3);
    }

    @Test
    void should_refuse_unknown_profiles_prompts_and_assertions_before_calling_anything() {
        assertThatThrownBy(() -> run(new RunOptions(List.of("nope"), null, null, false, null)))
                .isInstanceOf(OroException.class).hasMessageStartingWith("no model profile named 'nope'");
        assertThatThrownBy(() -> runner.run(SuiteLoader.parse(SUITE.replace("[count]", "[count@7]"), "evals/count.yaml", dir),
                RunOptions.DEFAULTS, RunListener.NONE)).hasMessageStartingWith("evals/count.yaml: prompt 'count@7': prompt 'count' has no version 7");
        assertThatThrownBy(() -> runner.run(SuiteLoader.parse(SUITE.replace("type: icontains", "type: icontain"), "evals/count.yaml", dir),
                RunOptions.DEFAULTS, RunListener.NONE)).hasMessageStartingWith("evals/count.yaml line 17 (tests[2].assert[0]): unknown assertion type 'icontain'");
        assertThatThrownBy(() -> store.require("missing-run")).hasMessage("no run with id 'missing-run'");
        assertThat(fake.chatCount()).isZero();
    }

    @Test
    void should_write_json_csv_and_junit_reports() throws Exception {
        RunSummary summary = run(RunOptions.DEFAULTS);
        Reports reports = new Reports(store);
        reports.write(summary.runId(), dir.resolve("out/r.json"));
        reports.write(summary.runId(), dir.resolve("out/r.csv"));
        reports.write(summary.runId(), dir.resolve("out/r.xml"));
        reports.write(summary.runId(), dir.resolve("out/r.html"));
        assertThat(Files.readString(dir.resolve("out/r.html"))).contains("<svg", "Pass rate by variant", "one two three", "class=\"fail\"")
                .doesNotContain("<script");
        String json = Files.readString(dir.resolve("out/r.json"));
        assertThat(json).contains("\"summary\" : {", "\"cases\" : 6", "\"passed\" : 3", "\"failed\" : 3", "\"errors\" : 0",
                "\"variant\" : \"count@1 · fake · maxTokens=3\"");
        assertThat(Files.readAllLines(dir.resolve("out/r.csv"))).hasSize(7).first().asString().startsWith("test,variant,repeat");
        String xml = Files.readString(dir.resolve("out/r.xml"));
        assertThat(xml).contains("<testsuite name=\"count@1 · fake · maxTokens=3\" tests=\"3\" failures=\"2\" errors=\"0\">",
                "<failure message=");
        assertThat(reports.table(summary.runId())).contains("VARIANT", "count@1 · fake · maxTokens=20", "66.7% [", "PASS RATE (95% CI)")
                .contains("no significant difference");
        assertThatThrownBy(() -> reports.write(summary.runId(), dir.resolve("r.pdf"))).hasMessageContaining("use a .json, .csv, .xml (JUnit) or .html");
    }
}
