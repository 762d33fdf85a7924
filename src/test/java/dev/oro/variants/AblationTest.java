package dev.oro.variants;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.Oro;
import dev.oro.eval.Reports;
import dev.oro.eval.RunListener;
import dev.oro.eval.RunOptions;
import dev.oro.eval.Runner;
import dev.oro.eval.Suite;
import dev.oro.eval.SuiteLoader;
import dev.oro.library.PromptLibrary;
import dev.oro.model.FakeJudge;
import dev.oro.model.ModelRegistry;
import dev.oro.render.Renderer;
import dev.oro.store.Database;
import dev.oro.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** An ablation against a fake model that answers correctly only when the context is delimited with triple quotes. */
class AblationTest {

    @TempDir
    Path dir;

    FakeJudge fake;
    ExecutorService executor;
    ModelRegistry models;
    DataSource db;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeJudge();
        fake.when("\"\"\"", "CORRECT").otherwise("WRONG");
        Path modelsDir = Files.createDirectories(dir.resolve("models"));
        Files.writeString(modelsDir.resolve("fake.yaml"), fake.profile() + "concurrency: 4\n");
        executor = Oro.modelExecutor();
        models = Oro.models(modelsDir, executor);
        db = Database.openH2(dir.resolve("data"));
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

    @Test
    void should_name_the_rule_that_helped_and_the_one_that_made_no_difference() throws Exception {
        Path prompts = dir.resolve("prompts");
        Renderer renderer = Oro.renderer(prompts);
        PromptLibrary library = Oro.library(prompts, renderer);
        library.create("summarize", "Summarize the text below.\n\n{text}", null);
        RunStore store = new RunStore(db);
        Runner runner = new Runner(library, renderer, models, store, executor);
        StringBuilder yaml = new StringBuilder("description: ablation\nprompts: [summarize]\nmodels: [fake]\ntests:\n");
        for (int i = 1; i <= 20; i++) {
            yaml.append("  - vars: {text: 'Document number ").append(i).append(".'}\n")
                    .append("    assert:\n      - type: contains\n        value: CORRECT\n");
        }
        Suite suite = SuiteLoader.parse(yaml.toString(), "evals/x.yaml", dir);

        Ablation.Report report = Ablation.run(library, runner, new Reports(store), "summarize", suite, RunOptions.DEFAULTS,
                Variants.select(List.of("GR3", "GR9")), RunListener.NONE);

        assertThat(report.base()).isEqualTo("summarize@1");
        assertThat(report.rows()).hasSize(2);
        Ablation.Row gr3 = report.rows().stream().filter(r -> r.rule().equals("GR3")).findFirst().orElseThrow();
        assertThat(gr3.model()).isEqualTo("fake");
        assertThat(gr3.verdict()).isEqualTo(Ablation.Verdict.HELPED);
        assertThat(gr3.pValue()).isLessThan(0.05);
        assertThat(gr3.basePassRate()).isZero();
        assertThat(gr3.variantPassRate()).isEqualTo(1.0);
        assertThat(gr3.scoreDifference()).isPositive();
        Ablation.Row gr9 = report.rows().stream().filter(r -> r.rule().equals("GR9")).findFirst().orElseThrow();
        assertThat(gr9.verdict()).isEqualTo(Ablation.Verdict.NO_MEASURABLE_DIFFERENCE);
        assertThat(report.summary()).contains("GR3 (fake) helped").contains("GR9 (fake) made no measurable difference");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().writeValueAsString(report)).contains("\"verdict\":\"HELPED\"");
    }

    @Test
    void should_report_the_ablation_from_the_command_line() throws Exception {
        Cli r = ablate(12, "summarize@1", "-m", "fake", "--rules", "GR3", "-o", dir.resolve("ablation.json").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("GR3\\s+fake\\s+summarize@2\\s+0%\\s+100%").contains("HELPED")
                .contains("On summarize@1: GR3 (fake) helped");
        assertThat(Files.readString(dir.resolve("ablation.json"))).contains("\"rule\"", "GR3", "HELPED");
    }

    @Test
    void should_show_each_rule_at_each_swept_temperature_with_consistency_in_the_html_report() throws Exception {
        Cli r = ablate(8, "summarize", "-m", "fake", "--rules", "GR3", "--sweep", "temperature=0,1", "--repeat", "2", "-o",
                dir.resolve("ablation.html").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).containsPattern("GR3\\s+fake · temperature=0\\s+summarize@2\\s+0%\\s+100%.*0→100%\\s+HELPED")
                .containsPattern("GR3\\s+fake · temperature=1\\s+summarize@2")
                .contains("summarize@1 · fake · temperature=0: pass rate 0%, mean score 0.000, pass^2 0%")
                .contains("GR3 (fake · temperature=0, fake · temperature=1) helped");
        String html = Files.readString(dir.resolve("ablation.html"));
        assertThat(html).startsWith("<!DOCTYPE html>").contains("<svg", "GR3 · fake · temperature=0", "class=\"helped\"",
                "GR3 (fake · temperature=0, fake · temperature=1) helped", "pass^2 0%").doesNotContain("<script");
    }

    @Test
    void should_refuse_a_sweep_value_the_model_cannot_take() throws Exception {
        Cli r = ablate(1, "summarize", "--sweep", "temperature=0,9");
        assertThat(r.code()).isNotZero();
        assertThat(r.err()).contains("--sweep temperature=0,9: 'temperature' must be a number from 0 to 2, got 9").doesNotContain("Exception");

        Cli huge = ablate(1, "summarize", "--sweep", "maxTokens=99999999999");
        assertThat(huge.code()).isNotZero();
        assertThat(huge.err()).contains("--sweep maxTokens=").contains("'maxTokens' must be a whole number above 0").doesNotContain("Exception");
    }

    private record Cli(int code, String out, String err) {
    }

    /** {@code oro ablate} on a new prompt {@code summarize} (context not delimited) and a suite of {@code tests} tests. */
    private Cli ablate(int tests, String ref, String... options) throws Exception {
        Path prompts = dir.resolve("prompts");
        Oro.library(prompts, Oro.renderer(prompts)).create("summarize", "Summarize the text below.\n\n{text}", null);
        StringBuilder yaml = new StringBuilder("prompts: [summarize]\nmodels: [fake]\ntests:\n");
        for (int i = 1; i <= tests; i++) {
            yaml.append("  - vars: {text: 'Note ").append(i).append(".'}\n    assert: [{type: contains, value: CORRECT}]\n");
        }
        Files.writeString(dir.resolve("suite.yaml"), yaml.toString());
        List<String> args = new java.util.ArrayList<>(List.of("ablate", ref, "--prompts=" + prompts, "--models=" + dir.resolve("models"),
                "--data-dir=" + dir.resolve("cli-data"), "--suite", dir.resolve("suite.yaml").toString()));
        args.addAll(List.of(options));
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.oro.cli.OroCommand.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), args.toArray(String[]::new));
        return new Cli(code, out.toString(), err.toString());
    }
}
