package dev.oro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.StarterLibrary;
import dev.oro.library.Hashing;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The CLI run in-process, as {@code ./oro} runs it, against a copy of the starter library. */
class CliTest {

    @TempDir
    Path tmp;

    Path prompts;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void copyLibrary() {
        prompts = StarterLibrary.copy(tmp.resolve("prompts"));
    }

    Run oro(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new ArrayList<>(List.of(args));
        if (args.length > 0) {
            all.add(1, "--prompts=" + prompts);
        }
        int code = OroCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void should_list_prompts_with_their_labels() {
        Run r = oro("list");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("PROMPT").contains("summarize").contains("production=2").contains("qa-with-context");
        assertThat(r.out().lines().count()).isEqualTo(10);
    }

    @Test
    void should_render_with_vars_and_print_messages() {
        Run r = oro("render", "literary-analysis@production");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("system:\nYou are a literature professor").contains("\n\nuser:\n");
        assertThat(r.err()).isEmpty();

        Run summary = oro("render", "summarize@production", "--var", "text=Oro ships {today}.");
        assertThat(summary.out()).isEqualTo("""
                user:
                Summarize the text below as a bullet point list of the most important points.

                Text: \"\"\"
                Oro ships {today}.
                \"\"\"
                """);
    }

    @Test
    void should_render_json_like_the_api() throws Exception {
        Files.writeString(tmp.resolve("vars.yaml"), "question: What is Oro?\ncontext: |\n  Oro is a prompt tool.\n");
        Run r = oro("render", "qa-with-context@production", "--vars-file", tmp.resolve("vars.yaml").toString(), "--json");
        assertThat(r.code()).isZero();
        String hash = Hashing.sha256(Files.readString(prompts.resolve("qa-with-context/2.prompt")));
        assertThat(r.out()).contains("\"prompt\" : \"qa-with-context\"", "\"version\" : 2", "\"hash\" : \"" + hash + "\"",
                "\"role\" : \"user\"", "What is Oro?", "\\\"No answer\\\"");
    }

    @Test
    void should_read_a_variable_from_a_file() throws Exception {
        Files.writeString(tmp.resolve("article.txt"), "Line one.\nLine two.\n");
        Run r = oro("render", "summarize@production", "--var", "text=@" + tmp.resolve("article.txt"));
        assertThat(r.out()).contains("Text: \"\"\"\nLine one.\nLine two.\n\"\"\"");
    }

    @Test
    void should_fail_with_every_missing_variable_on_stderr_and_exit_1() {
        Run r = oro("render", "qa-with-context@production", "--var", "questoin=x");
        assertThat(r.code()).isEqualTo(ExitCode.ERROR);
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).isEqualTo("oro: missing variables question, context for prompts/qa-with-context/2.prompt"
                + " (passed but not used: questoin)\n");
    }

    @Test
    void should_exit_2_on_a_wrong_command_line() {
        assertThat(oro("render").code()).isEqualTo(ExitCode.USAGE);
        assertThat(oro("frobnicate").code()).isEqualTo(ExitCode.USAGE);
        Run badOption = oro("list", "--colour");
        assertThat(badOption.code()).isEqualTo(ExitCode.USAGE);
        assertThat(badOption.err()).contains("Unknown option: '--colour'");
        assertThat(oro("serve", "--help").code()).isZero();
    }

    @Test
    void should_report_bad_vars_files_with_their_line() throws Exception {
        Files.writeString(tmp.resolve("bad.json"), "{\n  \"text\": \"a\",\n  oops\n}");
        Run r = oro("render", "summarize", "--vars-file", tmp.resolve("bad.json").toString());
        assertThat(r.code()).isEqualTo(1);
        assertThat(r.err()).startsWith("oro: " + tmp.resolve("bad.json") + " line 3:").doesNotContain("\tat ");
        Run missing = oro("render", "summarize", "--vars-file", tmp.resolve("nope.yaml").toString());
        assertThat(missing.err()).contains("does not exist");
    }

    @Test
    void should_show_a_version_with_its_hash() {
        Run r = oro("show", "summarize@production");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("# summarize@2  (production)\n# sha256:").contains("{#include context label=\"Text\" text=text /}");
        Run json = oro("show", "summarize@1", "--json");
        assertThat(json.out()).contains("\"version\" : 1", "\"role\" : \"user\"", "\"editedByHand\" : false", "\"required\" : true");
    }

    @Test
    void should_create_versions_label_and_diff_them() throws Exception {
        Path file = tmp.resolve("better.prompt");
        Files.writeString(file, "---\ndescription: shorter\nparams:\n  temperature: 0\n---\nSummarize in 3 bullets:\n\"\"\"\n{text}\n\"\"\"\n");
        Run created = oro("new", "summarize", "--from", file.toString(), "--base", "2");
        assertThat(created.code()).isZero();
        assertThat(created.out()).isEqualTo("summarize@3\n");
        Run stale = oro("new", "summarize", "--from", file.toString(), "--base", "2");
        assertThat(stale.code()).isEqualTo(1);
        assertThat(stale.err()).contains("is at version 3 but this edit was based on version 2; nothing was written");
        assertThat(prompts.resolve("summarize/4.prompt")).doesNotExist();

        assertThat(oro("label", "summarize", "staging", "3").out()).isEqualTo("summarize@staging -> 3\n");
        assertThat(oro("render", "summarize@staging", "--var", "text=x").out()).contains("Summarize in 3 bullets:");

        Run diff = oro("diff", "summarize@production", "summarize@staging");
        assertThat(diff.code()).isZero();
        assertThat(diff.out()).contains("~ params.temperature: 0.2 -> 0", "--- prompts/summarize/2.prompt", "+++ prompts/summarize/3.prompt",
                "+Summarize in 3 bullets:");
    }

    @Test
    void should_refuse_bad_names_and_missing_files() {
        Run traversal = oro("new", "../escape", "--from", "whatever");
        assertThat(traversal.code()).isEqualTo(1);
        assertThat(traversal.err()).startsWith("oro: invalid prompt name '../escape'");
        Run badName = oro("show", "../../etc/passwd");
        assertThat(badName.err()).startsWith("oro: invalid prompt name '../../etc/passwd'");
        assertThat(oro("label", "summarize", "latest", "1").err()).contains("'latest' always means the newest version");
        assertThat(tmp.resolve("escape")).doesNotExist();
    }

    @Test
    void should_lint_with_file_line_column_rule_and_suggestion() {
        Run run = oro("lint", "product-description@1");
        assertThat(run.code()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains(prompts.resolve("product-description/1.prompt") + ":12:44 GR2 warning vague wording: \"fairly short\"")
                .contains("  suggestion: state a precise constraint, e.g. \"Use a 3 to 5 sentence paragraph\"");
    }

    @Test
    void should_lint_a_file_path_as_json() throws Exception {
        Path file = Files.writeString(tmp.resolve("mine.prompt"), "Eres un poeta.\nEscribe un poema un poco largo.\n");
        Run run = oro("lint", "--format", "json", file.toString());
        com.fasterxml.jackson.databind.JsonNode reports = new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out());
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("file").asText()).isEqualTo(file.toString());
        com.fasterxml.jackson.databind.JsonNode finding = reports.get(0).get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("GR2");
        assertThat(finding.get("severity").asText()).isEqualTo("warning");
        assertThat(finding.get("span").get("line").asInt()).isEqualTo(2);
        assertThat(finding.get("suggestion").asText()).contains("Usa un párrafo de 3 a 5 frases");
    }

    @Test
    void should_lint_every_latest_version_without_arguments() throws Exception {
        Run run = oro("lint", "--format", "json");
        assertThat(new com.fasterxml.jackson.databind.ObjectMapper().readTree(run.out())).hasSize(9);
        assertThat(run.code()).isEqualTo(ExitCode.OK);
    }

    @Test
    void should_write_variants_that_the_linter_no_longer_flags() {
        Run r = oro("variants", "summarize@1");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("summarize@3  GR3  delimited the context, instruction first\n").contains("summarize@4  GR9");
        assertThat(oro("lint", "summarize@3").out()).doesNotContain(" GR3 ");
        assertThat(oro("show", "summarize@3").out()).contains("variant, GR3, from-v1");
        assertThat(oro("render", "summarize@3", "--var", "text=x").out()).endsWith("Text: \"\"\"\nx\n\"\"\"\n");
    }

    @Test
    void should_write_one_variant_per_rule_from_the_same_base() {
        Run product = oro("variants", "product-description@1");
        assertThat(product.out()).contains("product-description@3  GR2", "product-description@4  GR3");
        assertThat(oro("lint", "product-description@3").out()).doesNotContain(" GR2 ");
        assertThat(oro("variants", "literary-analysis@1").out()).contains("literary-analysis@3  GR9  added a system role");
        assertThat(oro("render", "literary-analysis@3").out()).startsWith("system:\nYou are an expert assistant.");
        assertThat(oro("variants", "math-word-problem@1").out()).contains("math-word-problem@3  GR8");
        assertThat(oro("lint", "math-word-problem@3").out()).doesNotContain(" GR8 ");
    }

    @Test
    void should_limit_variants_to_the_rules_given() {
        Run r = oro("variants", "product-description@1", "--rules", "GR3");
        assertThat(r.out()).isEqualTo("product-description@3  GR3  delimited the context, instruction first\n");
    }

    @Test
    void should_say_so_when_the_prompt_already_follows_the_rule() {
        Run r = oro("variants", "summarize@2", "--rules", "GR3");
        assertThat(r.code()).isZero();
        assertThat(r.out()).isEmpty();
        assertThat(r.err()).contains("no variant created");
        assertThat(prompts.resolve("summarize/3.prompt")).doesNotExist();
    }

    @Test
    void should_fail_clearly_on_a_bad_ref_or_rule() {
        Run missing = oro("variants", "nope@1");
        assertThat(missing.code()).isEqualTo(1);
        assertThat(missing.err()).contains("no prompt named 'nope'");
        assertThat(oro("variants", "summarize@1", "--rules", "GR1").err()).contains("no rewrite for rule 'GR1'");
    }

    @Test
    void should_print_sources_and_write_nothing_on_dry_run() {
        Run r = oro("variants", "summarize@1", "--dry-run");
        assertThat(r.code()).isZero();
        assertThat(r.out()).startsWith("# summarize  GR3").contains("{#include context label=\"Text\" text=text /}");
        assertThat(prompts.resolve("summarize/3.prompt")).doesNotExist();
    }

    @Test
    void should_add_few_shot_examples_only_with_a_dataset() throws Exception {
        Run none = oro("variants", "extract-keywords@1", "--rules", "GR7");
        assertThat(none.out()).isEmpty();
        assertThat(none.err()).contains("GR7: skipped; few-shot examples need --examples FILE");
        Files.writeString(tmp.resolve("ex.jsonl"), "{\"text\": \"Oro versions prompts.\", \"expected\": \"Oro, prompts\"}\n");
        Run r = oro("variants", "extract-keywords@1", "--rules", "GR7", "--examples", tmp.resolve("ex.jsonl").toString());
        assertThat(r.out()).isEqualTo("extract-keywords@3  GR7  added 1 few-shot example\n");
        assertThat(oro("lint", "extract-keywords@3").out()).doesNotContain(" GR7 ");
    }
}
