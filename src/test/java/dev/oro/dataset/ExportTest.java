package dev.oro.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.oro.Oro;
import dev.oro.OroException;
import dev.oro.StarterLibrary;
import dev.oro.eval.SuiteLoader;
import dev.oro.eval.assertion.AssertionResult;
import dev.oro.library.PromptLibrary;
import dev.oro.render.Renderer;
import dev.oro.store.Annotation;
import dev.oro.store.AnnotationStore;
import dev.oro.store.CaseResult;
import dev.oro.store.Database;
import dev.oro.store.RunStore;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVRecord;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every export format from a run stored in a real H2 database, rendered from a real library. */
class ExportTest {

    @TempDir
    Path tmp;

    RunStore runs;
    AnnotationStore annotations;
    Examples examples;
    String runId = "run-1";
    String hash;

    @BeforeEach
    void storeARun() {
        Path prompts = StarterLibrary.copy(tmp.resolve("prompts"));
        Renderer renderer = Oro.renderer(prompts);
        PromptLibrary library = Oro.library(prompts, renderer);
        library.create("support", """
                ---
                variables:
                  ticket: {description: The customer's message.}
                ---
                system:
                You are a support agent.
                user:
                Ticket: {ticket}
                """, 0);
        hash = library.version("support", 1).hash();
        DataSource db = Database.open(tmp.resolve("data"), Map.of());
        runs = new RunStore(db);
        annotations = new AnnotationStore(db);
        examples = new Examples(library, renderer);
        runs.createRun(runId, "evals/support.yaml", "support", "{}");
        runs.record(runId, result("k1", "t1", "My invoice is wrong.", "Sorry, I fixed it.", null));
        runs.record(runId, result("k2", "t2", "<script>alert(1)</script>, \"quoted\"\nsecond line", "Two\nlines, \"quoted\"", null));
        runs.record(runId, result("k3", "t3", "Where is my parcel?", null, "openai answered 500"));
        runs.record(runId, result("k4", "t4", "Cancel my plan.", "No.", null));
        annotations.save(Annotation.none("run:" + runId, "k1").withDecision(Annotation.ACCEPTED));
        annotations.save(Annotation.none("run:" + runId, "k2").withIdeal("An edited, better answer.").withNote("tone"));
        annotations.save(Annotation.none("run:" + runId, "k4").withDecision(Annotation.REJECTED));
    }

    CaseResult result(String key, String test, String ticket, String output, String error) {
        return new CaseResult(key, test, "support@1 · fake", 0, "support@1", hash, "fake", "gpt-fake-2025-01-01",
                Map.of("ticket", ticket), output, error == null, error == null ? 1 : 0, error, "stop", 10L, 5, 5, 0.0, false,
                List.of(new AssertionResult("contains", true, 1.0, null, null, 1.0)));
    }

    String export(String format, boolean onlyAccepted) throws IOException {
        StringWriter out = new StringWriter();
        Exporter.named(format).write(examples.fromRun(runs, annotations, runId, onlyAccepted), out);
        return out.toString();
    }

    @Test
    void should_write_openai_chat_lines_with_valid_roles_and_the_edited_answer() throws IOException {
        List<JsonNode> all = ExportFormats.openAiChat(export("openai-chat", false));
        assertThat(all).hasSize(3); // the error has no answer to train on
        JsonNode first = all.get(0);
        assertThat(first.at("/messages/0/role").asText()).isEqualTo("system");
        assertThat(first.at("/messages/1/content").asText()).isEqualTo("Ticket: My invoice is wrong.");
        assertThat(first.at("/messages/2/content").asText()).isEqualTo("Sorry, I fixed it.");
        assertThat(first.at("/metadata/prompt_ref").asText()).isEqualTo("support@1");
        assertThat(first.at("/metadata/prompt_hash").asText()).isEqualTo(hash);
        assertThat(first.at("/metadata/model_identity").asText()).isEqualTo("gpt-fake-2025-01-01");

        List<JsonNode> accepted = ExportFormats.openAiChat(export("openai-chat", true));
        assertThat(accepted).extracting(l -> l.at("/messages/2/content").asText())
                .containsExactly("Sorry, I fixed it.", "An edited, better answer.");
    }

    @Test
    void should_write_argilla_records_with_responses_for_annotated_items() throws IOException {
        List<JsonNode> records = ExportFormats.argilla(export("argilla", false));
        assertThat(records).extracting(r -> r.path("external_id").asText()).containsExactly("k1", "k2", "k4");
        JsonNode edited = records.get(1);
        assertThat(edited.at("/fields/prompt").asText()).startsWith("Ticket: <script>");
        assertThat(edited.at("/fields/response").asText()).isEqualTo("Two\nlines, \"quoted\"");
        assertThat(edited.at("/responses/0/status").asText()).isEqualTo("submitted");
        assertThat(edited.at("/responses/0/values/ideal_response/value").asText()).isEqualTo("An edited, better answer.");
        assertThat(edited.at("/responses/0/values/note/value").asText()).isEqualTo("tone");
        assertThat(records.get(2).at("/responses/0/status").asText()).isEqualTo("discarded");
    }

    @Test
    void should_write_hf_prompt_completion_lines() throws IOException {
        List<JsonNode> lines = ExportFormats.hf(export("hf", true));
        assertThat(lines).hasSize(2);
        assertThat(lines.get(1).at("/completion/0/content").asText()).isEqualTo("An edited, better answer.");
        assertThat(lines.get(1).at("/prompt/0/role").asText()).isEqualTo("system");
    }

    @Test
    void should_write_csv_that_round_trips_quotes_and_newlines() throws IOException {
        List<CSVRecord> rows = ExportFormats.csv(export("csv", false));
        assertThat(rows).hasSize(3);
        assertThat(rows.get(1).get("user")).isEqualTo("Ticket: <script>alert(1)</script>, \"quoted\"\nsecond line");
        assertThat(rows.get(1).get("answer")).isEqualTo("An edited, better answer.");
        assertThat(rows.get(1).get("label")).isEqualTo("accepted");
        assertThat(rows.get(2).get("label")).isEqualTo("rejected");
        assertThat(rows.get(0).get("vars")).isEqualTo("{\"ticket\":\"My invoice is wrong.\"}");
    }

    @Test
    void should_export_a_suite_with_its_expected_answers_and_only_accepted_drafts() throws Exception {
        Path evals = Files.createDirectories(tmp.resolve("evals/data"));
        Files.writeString(evals.resolve("drafts.yaml"), """
                - vars: {ticket: "Refund please"}
                  status: accepted
                  assert: [{type: similar, value: "Your refund is on its way."}]
                - vars: {ticket: "Hello?"}
                  status: draft
                  assert: [{type: similar, value: "Hi! How can I help?"}]
                """);
        Files.writeString(tmp.resolve("evals/support.yaml"), """
                prompts: [support@1]
                tests:
                  - vars: {ticket: "Where is my parcel?"}
                    assert: [{type: equals, value: "It ships today."}]
                  - vars: {ticket: "no expected answer"}
                  - data/drafts.yaml
                """);
        var suite = SuiteLoader.load(tmp.resolve("evals/support.yaml"), "evals/support.yaml");
        StringWriter all = new StringWriter();
        Exporter.named("openai-chat").write(examples.fromSuite(suite, false), all);
        assertThat(ExportFormats.openAiChat(all.toString())).extracting(l -> l.at("/messages/2/content").asText())
                .containsExactly("It ships today.", "Your refund is on its way.");
        StringWriter accepted = new StringWriter();
        Exporter.named("csv").write(examples.fromSuite(suite, true), accepted);
        assertThat(ExportFormats.csv(accepted.toString())).extracting(r -> r.get("answer")).containsExactly("Your refund is on its way.");
    }

    @Test
    void should_name_the_formats_when_one_is_unknown() {
        assertThatThrownBy(() -> Exporter.named("parquet")).isInstanceOf(OroException.class)
                .hasMessage("unknown export format 'parquet' (formats: openai-chat, argilla, hf, csv)");
        assertThatThrownBy(() -> examples.fromRun(runs, annotations, "nope", false)).hasMessage("no run with id 'nope'");
    }
}
