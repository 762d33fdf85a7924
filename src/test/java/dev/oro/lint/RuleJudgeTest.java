package dev.oro.lint;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.cli.OroCommand;
import dev.oro.model.FakeJudge;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oro lint --judge}: a model's opinion per rule, from a judge on loopback, shown apart from the heuristics. */
class RuleJudgeTest {

    @TempDir
    Path dir;

    FakeJudge fake;
    Path prompt;

    @BeforeEach
    void setUp() throws Exception {
        fake = new FakeJudge();
        Files.createDirectories(dir.resolve("models"));
        Files.writeString(dir.resolve("models/judge.yaml"), fake.profile());
        // Follows GR3 by the heuristics (delimited), so they report nothing for it; the judge will disagree.
        prompt = Files.writeString(dir.resolve("reply.prompt"), "---\n---\nYou are a support agent. Answer the question below in one"
                + " sentence for a customer.\n\nQuestion: \"\"\"\n{question}\n\"\"\"\n");
    }

    @AfterEach
    void tearDown() {
        fake.close();
    }

    @Test
    void should_add_the_judges_opinion_per_rule_apart_from_the_findings_without_changing_the_exit_code() throws Exception {
        fake.when("Rule GR3:", "{\"follows\": false, \"reason\": \"The instruction should come after a role line.\"}")
                .when("Rule GR8:", "I cannot judge that")
                .otherwise("{\"follows\": true, \"reason\": \"Fine.\"}");
        Result json = lint("--judge", "judge", "--format", "json");
        assertThat(json.code).as(json.err).isZero();
        JsonNode report = new ObjectMapper().readTree(json.out).get(0);
        assertThat(report.get("findings")).isEmpty();
        JsonNode judge = report.get("judge");
        assertThat(judge).hasSize(9);
        assertThat(judge.findValuesAsText("rule")).containsExactly("GR1", "GR2", "GR3", "GR4", "GR5", "GR6", "GR7", "GR8", "GR9");
        assertThat(judge.findValuesAsText("source")).containsOnly("judge");
        assertThat(judge.get(2).get("follows").asBoolean()).isFalse();
        assertThat(judge.get(2).get("model").asText()).isEqualTo("judge");
        assertThat(judge.get(2).get("reason").asText()).isEqualTo("The instruction should come after a role line.");
        assertThat(judge.get(7).get("follows").isNull()).isTrue();
        assertThat(judge.get(7).get("reason").asText()).isEqualTo("the judge's answer is not an opinion: I cannot judge that");
        assertThat(judge.get(0).get("follows").asBoolean()).isTrue();
        assertThat(fake.requests()).hasSize(9);
        JsonNode asked = fake.requests().get(2);
        assertThat(asked.path("temperature").asDouble(-1)).isZero();
        assertThat(asked.path("messages").get(1).path("content").asText()).startsWith("Rule GR3: Put the instruction first")
                .contains("Prompt:\n\"\"\"\n---\n---\nYou are a support agent.");

        Result text = lint("--judge", "judge");
        assertThat(text.code).isZero();
        assertThat(text.out).contains(prompt + " GR3 judge(judge) breaks: The instruction should come after a role line.")
                .contains(prompt + " GR8 judge(judge) no opinion: ").contains(prompt + " GR9 judge(judge) follows: Fine.");
    }

    @Test
    void should_print_no_judge_member_without_the_option() throws Exception {
        Result json = lint("--format", "json");
        assertThat(json.code).isZero();
        assertThat(new ObjectMapper().readTree(json.out).get(0).has("judge")).isFalse();
        assertThat(fake.requests()).isEmpty();
    }

    @Test
    void should_name_an_unknown_judge_profile_without_a_stack_trace() {
        Result r = lint("--judge", "ghost");
        assertThat(r.code).isNotZero();
        assertThat(r.err).contains("no model profile named 'ghost'").doesNotContain("Exception").doesNotContain("\tat ");
    }

    private record Result(int code, String out, String err) {
    }

    private Result lint(String... options) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        String[] args = new String[options.length + 4];
        args[0] = "lint";
        args[1] = prompt.toString();
        args[2] = "--models=" + dir.resolve("models");
        args[3] = "--prompts=" + dir.resolve("prompts");
        System.arraycopy(options, 0, args, 4, options.length);
        int code = OroCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Result(code, out.toString(), err.toString());
    }
}
