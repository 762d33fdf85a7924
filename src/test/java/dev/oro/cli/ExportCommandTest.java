package dev.oro.cli;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.Oro;
import dev.oro.StarterLibrary;
import dev.oro.dataset.ExportFormats;
import dev.oro.store.Annotation;
import dev.oro.store.AnnotationStore;
import dev.oro.store.CaseResult;
import dev.oro.store.Database;
import dev.oro.store.RunStore;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code oro export} in-process, on a run stored in the data folder it reads. */
class ExportCommandTest {

    @TempDir
    Path tmp;

    Path prompts;
    Path data;

    record Run(int code, String out, String err) {
    }

    @BeforeEach
    void storeARun() {
        prompts = StarterLibrary.copy(tmp.resolve("prompts"));
        data = tmp.resolve("data");
        String hash = Oro.library(prompts, Oro.renderer(prompts)).version("summarize", 2).hash();
        DataSource db = Database.open(data, Map.of());
        RunStore runs = new RunStore(db);
        runs.createRun("r1", "evals/summarize.yaml", null, "{}");
        runs.record("r1", new CaseResult("k1", "t1", "summarize@2 · fake", 0, "summarize@2", hash, "fake", "gpt-fake", Map.of("text",
                "Oro ships."), "- Oro ships", true, 1, null, "stop", 5L, 1, 1, 0.0, false, List.of()));
        new AnnotationStore(db).save(Annotation.none("run:r1", "k1").withIdeal("- Oro ships today"));
    }

    Run oro(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        List<String> all = new java.util.ArrayList<>(List.of(args));
        all.add(1, "--prompts=" + prompts);
        all.add(2, "--data-dir=" + data);
        int code = OroCommand.run(new PrintWriter(out, true), new PrintWriter(err, true), all.toArray(String[]::new));
        return new Run(code, out.toString(), err.toString());
    }

    @Test
    void should_print_a_run_as_openai_chat_with_the_edited_answer() {
        Run r = oro("export", "r1", "--format", "openai-chat", "--only", "accepted");
        assertThat(r.code()).isZero();
        assertThat(ExportFormats.openAiChat(r.out())).singleElement()
                .satisfies(l -> assertThat(l.at("/messages/1/content").asText()).isEqualTo("- Oro ships today"));
        assertThat(r.err()).isEqualTo("exported 1 examples as openai-chat\n");
    }

    @Test
    void should_write_a_new_file_and_never_overwrite_one() throws Exception {
        Path file = tmp.resolve("out.csv");
        assertThat(oro("export", "r1", "-f", "csv", "-o", file.toString()).code()).isZero();
        assertThat(ExportFormats.csv(Files.readString(file))).hasSize(1);
        Files.writeString(file, "precious");
        Run again = oro("export", "r1", "-f", "hf", "-o", file.toString());
        assertThat(again.code()).isEqualTo(ExitCode.ERROR);
        assertThat(again.err()).isEqualTo("oro: " + file + " already exists; nothing was written (choose another file name)\n");
        assertThat(Files.readString(file)).isEqualTo("precious");
    }

    @Test
    void should_name_what_is_wrong_without_a_stack_trace() {
        assertThat(oro("export", "r1", "-f", "xml").err()).isEqualTo(
                "oro: unknown export format 'xml' (formats: openai-chat, argilla, hf, csv)\n");
        assertThat(oro("export", "nope", "-f", "hf").err()).isEqualTo("oro: no run with id 'nope'\n");
        assertThat(oro("export", "r1", "-f", "hf", "--only", "rejected").err()).isEqualTo("oro: --only takes 'accepted', not 'rejected'\n");
    }
}
