package dev.oro.eval.assertion;

import static dev.oro.eval.assertion.Check.WHERE;
import static dev.oro.eval.assertion.Check.entry;
import static dev.oro.model.FakeJudge.verdict;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.Oro;
import dev.oro.OroException;
import dev.oro.model.FakeJudge;
import dev.oro.model.GenerationParams;
import dev.oro.model.ModelRegistry;
import dev.oro.model.ModelRequest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Model-graded assertions against a judge on loopback, through the real OpenAI provider and ResilientModel. */
class ModelGradedTest {

    @TempDir
    Path dir;

    FakeJudge fake;
    ExecutorService executor;
    ModelRegistry models;
    AssertionContext context;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeJudge();
        Files.writeString(Files.createDirectories(dir.resolve("models")).resolve("judge.yaml"), fake.profile());
        executor = Oro.modelExecutor();
        models = Oro.models(dir.resolve("models"), executor);
        GenerationParams strict = new GenerationParams(0.0, null, null, null, null, true, Map.of());
        Judge judge = messages -> models.model("judge").call(new ModelRequest(messages, strict), null).text();
        context = new AssertionContext(judge, null);
    }

    @AfterEach
    void tearDown() {
        models.close();
        executor.shutdownNow();
        fake.close();
    }

    AssertionResult grade(String type, Object value, String output) {
        return grade(entry(type, value), new Output(output, Map.of(), null, null, null));
    }

    AssertionResult grade(Map<String, Object> raw, Output output) {
        return Assertions.create(AssertionSpec.parse(raw, WHERE), context).evaluate(output);
    }

    @Test
    void should_pass_or_fail_an_output_as_the_judge_says_with_its_reason() {
        fake.when("Paris", verdict(true, 0.9, "names the capital")).otherwise(verdict(false, 0.1, "no capital named"));

        AssertionResult pass = grade("llm-rubric", "names the capital of France", "It is Paris.");
        AssertionResult fail = grade("llm-rubric", "names the capital of France", "It is Lyon.");

        assertThat(pass.pass()).isTrue();
        assertThat(pass.score()).isEqualTo(0.9);
        assertThat(pass.reason()).isEqualTo("names the capital");
        assertThat(pass.type()).isEqualTo("llm-rubric");
        assertThat(fail.pass()).isFalse();
        assertThat(fail.reason()).isEqualTo("no capital named");
        String prompt = fake.requests().get(0).path("messages").toString();
        assertThat(prompt).contains("It is Paris.", "names the capital of France", "JSON");
    }

    @Test
    void should_read_a_verdict_in_fences_and_clamp_its_score() {
        fake.otherwise("Here is my verdict:\n```json\n{\"pass\": true, \"score\": 1.7, \"reason\": \"fine\"}\n```");

        AssertionResult r = grade("llm-rubric", "is polite", "Thank you.");

        assertThat(r.pass()).isTrue();
        assertThat(r.score()).isEqualTo(1.0);
    }

    @Test
    void should_fail_below_the_threshold_even_when_the_judge_passes_it() {
        fake.otherwise(verdict(true, 0.6, "mostly"));

        AssertionResult r = grade(Map.of("type", "llm-rubric", "value", "is polite", "threshold", 0.8), Output.text("Thanks."));

        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).contains("mostly", "below 0.8");
    }

    @Test
    void should_fail_with_the_raw_answer_when_the_judge_answers_no_verdict() {
        fake.otherwise("I would rather not say. ".repeat(20));

        AssertionResult r = grade("llm-rubric", "is polite", "Thanks.");

        assertThat(r.pass()).isFalse();
        assertThat(r.score()).isZero();
        assertThat(r.reason()).startsWith("the judge's answer is not a verdict: I would rather not say.").endsWith("...")
                .hasSizeLessThan(260);
    }

    @Test
    void should_fail_with_the_reason_when_the_judge_fails() {
        fake.failWithServerErrors(1);

        AssertionResult r = grade("llm-rubric", "is polite", "Thanks.");

        assertThat(r.pass()).isFalse();
        assertThat(r.reason()).startsWith("the judge failed: ").contains("500");
    }

    @Test
    void should_flip_a_negated_verdict() {
        fake.otherwise(verdict(true, 0.9, "it apologizes"));

        AssertionResult r = grade("not-llm-rubric", "apologizes", "Sorry!");

        assertThat(r.pass()).isFalse();
        assertThat(r.score()).isCloseTo(0.1, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(r.reason()).isEqualTo("not: it apologizes");
    }

    @Test
    void should_grade_factuality_by_category_against_the_expected_answer_and_question() {
        fake.when("<Submission>\nIn 1889.", "{\"category\": \"A\", \"reason\": \"consistent\"}")
                .otherwise("{\"category\": \"(D)\", \"reason\": \"wrong year\"}");
        Map<String, Object> vars = Map.of("question", "When was the Eiffel Tower finished?");

        AssertionResult right = grade(entry("factuality", "It was finished in 1889."), new Output("In 1889.", vars, null, null, null));
        AssertionResult wrong = grade(entry("factuality", "It was finished in 1889."), new Output("In 1920.", vars, null, null, null));

        assertThat(right.pass()).isTrue();
        assertThat(right.reason()).isEqualTo("(A) consistent");
        assertThat(wrong.pass()).isFalse();
        assertThat(wrong.reason()).isEqualTo("(D) wrong year");
        assertThat(fake.requests().get(0).path("messages").toString()).contains("When was the Eiffel Tower finished?");
    }

    @Test
    void should_ask_whether_the_output_answers_the_question_var() {
        fake.when("How do I reset my password?", verdict(true, 0.8, "answers it"));

        AssertionResult byDefault = grade(entry("answer-relevance", null),
                new Output("Click 'forgot password'.", Map.of("query", "How do I reset my password?"), null, null, null));
        AssertionResult named = grade(entry("answer-relevance", "ask"),
                new Output("Click 'forgot password'.", Map.of("ask", "How do I reset my password?"), null, null, null));
        AssertionResult missing = grade(entry("answer-relevance", null), Output.text("Click."));

        assertThat(byDefault.pass()).isTrue();
        assertThat(named.pass()).isTrue();
        assertThat(missing.pass()).isFalse();
        assertThat(missing.reason()).contains("'question' or 'query'");
        assertThat(fake.requests()).hasSize(2);
    }

    @Test
    void should_normalize_a_g_eval_score_out_of_ten_and_send_the_steps() {
        fake.when("concise", "{\"score\": 7, \"reason\": \"clear enough\"}");
        Map<String, Object> value = Map.of("criteria", "The answer is concise.", "steps", List.of("Count the sentences", "Spot filler"));

        AssertionResult r = grade("g-eval", value, "Yes.");

        assertThat(r.pass()).isTrue();
        assertThat(r.score()).isEqualTo(0.7);
        assertThat(r.reason()).isEqualTo("score 7/10: clear enough");
        assertThat(fake.requests().get(0).path("messages").toString()).contains("1. Count the sentences", "2. Spot filler");
        fake.otherwise("{\"score\": 3, \"reason\": \"rambles\"}");
        assertThat(grade("g-eval", "Stays on topic.", "Yes.").pass()).isFalse();
    }

    @Test
    void should_refuse_a_model_graded_type_without_a_judge_and_a_bad_value_at_parse() {
        AssertionSpec spec = AssertionSpec.parse(entry("llm-rubric", "is polite"), WHERE);

        assertThatThrownBy(() -> Assertions.create(spec)).isInstanceOf(OroException.class)
                .hasMessage("llm-rubric needs a judge: add `judge: PROFILE` to the suite");
        assertThat(Check.problem("llm-rubric", null)).contains(WHERE, "llm-rubric needs a string");
        assertThat(Check.problem("g-eval", Map.of("criteria", "x", "steps", "one"))).contains("g-eval's steps must be a list of strings");
        assertThat(Check.problem(Map.of("type", "g-eval", "value", "x", "threshold", 2))).contains("between 0 and 1");
        assertThat(Check.problem(Map.of("type", "factuality", "value", "x", "threshold", 0.5))).contains("threshold has no meaning");
    }
}
