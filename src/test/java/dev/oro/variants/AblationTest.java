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
        Path prompts = dir.resolve("prompts");
        Oro.library(prompts, Oro.renderer(prompts)).create("summarize", "Summarize the text below.\n\n{text}", null);
        StringBuilder yaml = new StringBuilder("prompts: [summarize]\nmodels: [fake]\ntests:\n");
        for (int i = 1; i <= 12; i++) {
            yaml.append("  - vars: {text: 'Note ").append(i).append(".'}\n    assert: [{type: contains, value: CORRECT}]\n");
        }
        Files.writeString(dir.resolve("suite.yaml"), yaml.toString());
        java.io.StringWriter out = new java.io.StringWriter();
        java.io.StringWriter err = new java.io.StringWriter();
        int code = dev.oro.cli.OroCommand.run(new java.io.PrintWriter(out, true), new java.io.PrintWriter(err, true), "ablate",
                "summarize@1", "--prompts=" + prompts, "--models=" + dir.resolve("models"), "--data-dir=" + dir.resolve("cli-data"),
                "--suite", dir.resolve("suite.yaml").toString(), "-m", "fake", "--rules", "GR3", "-o", dir.resolve("ablation.json").toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(out.toString()).containsPattern("GR3\\s+fake\\s+summarize@2\\s+0%\\s+100%").contains("HELPED")
                .contains("On summarize@1: GR3 (fake) helped");
        assertThat(Files.readString(dir.resolve("ablation.json"))).contains("\"rule\"", "GR3", "HELPED");
    }
}
