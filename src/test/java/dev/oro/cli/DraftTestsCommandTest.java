package dev.oro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.StarterLibrary;
import dev.oro.eval.Suite;
import dev.oro.eval.SuiteLoader;
import dev.oro.model.FakeOpenAi;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code oro draft-tests} against a fake OpenAI server on loopback whose model drafts nine
 * cases: three good ones, three invalid, an exact duplicate of a draft, one of a seed, and a
 * near-duplicate. Near-duplicates are found lexically here; the MiniLM path is tested in
 * {@code EmbeddingSimilarityTest}, in the native JVM.
 */
class DraftTestsCommandTest {

    static final String DRAFTS = """
            {"cases": [
              {"description": "founder", "vars": {"question": "Who founded Oro?", "context": "Oro was founded by Ana in 2024."}, "expected": "Ana"},
              {"vars": {"question": "When did the shop open?", "context": "The shop opened in 2019 and sells fruit."}, "expected": "2019"},
              {"vars": {"question": "What is the capital?"}, "expected": "No answer"},
              {"vars": {"question": "who founded ORO", "context": "Oro was founded by Ana, in 2024"}, "expected": "Ana"},
              {"vars": {"question": "When did the shop open?", "context": "The shop opened in 2019 and it sells fruit."}, "expected": "2019"},
              {"vars": {"question": "Q?", "context": "C.", "tone": "dry"}, "expected": "x"},
              {"vars": {"question": {"text": "nested"}, "context": "C."}, "expected": "x"},
              {"description": "no answer in context", "vars": {"question": "Who won in 1990?", "context": "The sky is blue."}, "rubric": "Says exactly \\"No answer\\""},
              {"vars": {"question": "What colour is the sky?", "context": "The sky is blue today."}, "expected": "Blue"}
            ]}""";

    @TempDir
    Path tmp;

    FakeOpenAi fake;
    Path prompts;
    Path models;
    Path evals;
    Path seeds;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeOpenAi();
        fake.answerAlways(DRAFTS);
        prompts = StarterLibrary.copy(tmp.resolve("prompts"));
        models = Files.createDirectories(tmp.resolve("models"));
        Files.writeString(models.resolve("drafter.yaml"), fake.profile());
        evals = Files.createDirectories(tmp.resolve("evals"));
        Files.writeString(evals.resolve("qa.yaml"), "prompts: [qa-with-context@2]\nmodels: [drafter]\ntests:\n"
                + "  - vars: {question: Q, context: C}\n  - data/qa-with-context-drafts.yaml\n");
        seeds = tmp.resolve("seeds.yaml");
        Files.writeString(seeds, "- vars: {question: \"What colour is the sky?\", context: \"The sky is blue today.\"}\n"
                + "  assert: [{type: equals, value: Blue}]\n");
    }

    @AfterEach
    void stop() {
        fake.close();
    }

    Run oro(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        all.add(1, "--prompts=" + prompts);
        all.add(2, "--models=" + models);
        all.add("--similarity=lexical");
        int code = OroCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void should_write_valid_deduplicated_drafts_next_to_the_suite_and_count_them() throws Exception {
        Run r = oro("draft-tests", "qa-with-context@2", "--model", "drafter", "--count", "5", "--seed-file", seeds.toString(),
                "--suite", evals.resolve("qa.yaml").toString());
        assertThat(r.code()).as(r.err()).isZero();
        assertThat(r.out()).isEqualTo("asked 5, received 9, invalid 3, duplicates 2, near-duplicates 1, written 3\n");
        assertThat(r.err()).contains(
                "dropped draft 3: missing variable 'context'",
                "dropped draft 4: duplicate of draft 1",
                "dropped draft 5: near-duplicate of draft 2 (similarity 0.92)",
                "dropped draft 6: unknown variable 'tone' (declared: question, context)",
                "dropped draft 7: variable 'question' must be text, a number, true/false or a list, not an object",
                "dropped draft 9: duplicate of seed example 1");
        Path file = evals.resolve("data/qa-with-context-drafts.yaml");
        String text = Files.readString(file);
        assertThat(text).contains("status: \"draft\"").doesNotContain("status: \"accepted\"");
        assertThat(text.split("status: \"draft\"", -1)).hasSize(4);
        assertThat(text).contains("\"question\": \"Who founded Oro?\"", "type: llm-rubric", "value: \"Says exactly \\\"No answer\\\"\"");

        // The drafts are a dataset the suite reads, but none counts until a person accepts it.
        Suite suite = SuiteLoader.load(evals.resolve("qa.yaml"));
        assertThat(suite.tests()).hasSize(1);

        // The model was told about the prompt, its variables and the seeds.
        assertThat(fake.chatCount()).isEqualTo(1);
    }

    @Test
    void should_never_overwrite_an_existing_file() throws Exception {
        Path data = Files.createDirectories(evals.resolve("data"));
        Files.writeString(data.resolve("qa-with-context-drafts.yaml"), "# mine\n");
        Run second = oro("draft-tests", "qa-with-context@2", "-m", "drafter", "-n", "3", "--suite", evals.resolve("qa.yaml").toString());
        assertThat(second.code()).isZero();
        assertThat(second.err()).contains("wrote " + data.resolve("qa-with-context-drafts-2.yaml"));
        assertThat(Files.readString(data.resolve("qa-with-context-drafts.yaml"))).isEqualTo("# mine\n");

        Path mine = data.resolve("qa-with-context-drafts.yaml");
        Run refused = oro("draft-tests", "qa-with-context@2", "-m", "drafter", "-n", "3", "-o", mine.toString());
        assertThat(refused.code()).isEqualTo(ExitCode.ERROR);
        assertThat(refused.err()).isEqualTo("oro: " + mine + " already exists; nothing was written (choose another file name)\n");
        assertThat(Files.readString(mine)).isEqualTo("# mine\n");
        assertThat(fake.chatCount()).as("refused before the model was called").isEqualTo(1);

        Path jsonl = tmp.resolve("drafts.jsonl");
        assertThat(oro("draft-tests", "qa-with-context@2", "-m", "drafter", "-n", "3", "-o", jsonl.toString()).code()).isZero();
        assertThat(Files.readAllLines(jsonl)).hasSize(4).allSatisfy(l -> assertThat(l).contains("\"status\":\"draft\""));
    }

    @Test
    void should_explain_a_model_answer_that_is_not_json() {
        fake.answerAlways("Sure! Here are some test cases: ...");
        Run r = oro("draft-tests", "qa-with-context@2", "-m", "drafter", "-n", "3", "-o", tmp.resolve("x.yaml").toString());
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.err()).startsWith("oro: model 'drafter' did not answer JSON (").contains("it said: Sure! Here are some test cases");
        assertThat(tmp.resolve("x.yaml")).doesNotExist();
    }
}
