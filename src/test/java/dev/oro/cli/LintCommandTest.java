package dev.oro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.StarterLibrary;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LintCommandTest {

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
        String[] all = new String[args.length + 2];
        all[0] = "lint";
        all[1] = "--prompts=" + prompts;
        System.arraycopy(args, 0, all, 2, args.length);
        int code = OroCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all);
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void should_print_file_line_column_rule_and_suggestion() {
        Run run = oro("product-description@1");
        assertThat(run.code()).isEqualTo(ExitCode.OK);
        assertThat(run.out()).contains(prompts.resolve("product-description/1.prompt") + ":12:44 GR2 warning vague wording: \"fairly short\"")
                .contains("  suggestion: state a precise constraint, e.g. \"Use a 3 to 5 sentence paragraph\"");
    }

    @Test
    void should_lint_a_file_path_as_json() throws Exception {
        Path file = Files.writeString(tmp.resolve("mine.prompt"), "Eres un poeta.\nEscribe un poema un poco largo.\n");
        Run run = oro("--format", "json", file.toString());
        JsonNode reports = new ObjectMapper().readTree(run.out());
        assertThat(reports).hasSize(1);
        assertThat(reports.get(0).get("file").asText()).isEqualTo(file.toString());
        JsonNode finding = reports.get(0).get("findings").get(0);
        assertThat(finding.get("rule").asText()).isEqualTo("GR2");
        assertThat(finding.get("severity").asText()).isEqualTo("warning");
        assertThat(finding.get("span").get("line").asInt()).isEqualTo(2);
        assertThat(finding.get("suggestion").asText()).contains("Usa un párrafo de 3 a 5 frases");
    }

    @Test
    void should_lint_every_latest_version_without_arguments() throws Exception {
        Run run = oro("--format", "json");
        assertThat(new ObjectMapper().readTree(run.out())).hasSize(9);
        assertThat(run.code()).isEqualTo(ExitCode.OK);
    }
}
