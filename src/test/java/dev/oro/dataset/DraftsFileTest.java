package dev.oro.dataset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.OroException;
import dev.oro.eval.SuiteLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DraftsFileTest {

    @TempDir
    Path dir;

    final List<Draft> drafts = List.of(new Draft("one", Map.of("q", "Who? \"quoted\"\nline two: yes"), "Ana", null),
            new Draft(null, Map.of("q", "When?"), "2019", "Names a year"));

    @Test
    void should_flip_one_status_and_leave_every_other_byte_alone() throws Exception {
        Path file = dir.resolve("data/qa-drafts.yaml");
        DraftsFile.create(file, drafts, "qa@1", "drafted for a test");
        String before = Files.readString(file);
        DraftsFile.decide(file, 1, "accepted", "In 2019.");
        String after = Files.readString(file);
        assertThat(after).isEqualTo(before.replace("""
                  status: "draft"
                  draftedFor: "qa@1"
                  vars:
                    "q": "When?"
                  assert:
                    - type: similar
                      value: "2019"\
                """, """
                  status: "accepted"
                  draftedFor: "qa@1"
                  vars:
                    "q": "When?"
                  assert:
                    - type: similar
                      value: "In 2019."\
                """));
        assertThat(after).isNotEqualTo(before);
        DraftsFile.decide(file, 0, "rejected", null);
        Files.writeString(dir.resolve("s.yaml"), "prompts: [qa@1]\ntests: [data/qa-drafts.yaml]\n");
        var tests = SuiteLoader.load(dir.resolve("s.yaml")).tests();
        assertThat(tests).singleElement().satisfies(t -> {
            assertThat(t.vars()).containsEntry("q", "When?");
            assertThat(Examples.expected(t)).isEqualTo("In 2019.");
        });
        try (var files = Files.list(file.getParent())) {
            assertThat(files).as("no temporary file left").containsExactly(file);
        }
        assertThatThrownBy(() -> DraftsFile.decide(file, 5, "accepted", null)).isInstanceOf(OroException.class)
                .hasMessage(file + " has no entry 6");
    }

    @Test
    void should_flip_the_right_bytes_after_an_emoji() throws Exception {
        // An emoji is one code point to the YAML parser and two chars to Java: a later edit must not shift.
        Path file = dir.resolve("data/emoji-drafts.yaml");
        DraftsFile.create(file, List.of(new Draft(null, Map.of("q", "Rain? \uD83C\uDF27\uD83C\uDF27"), "wet", null), drafts.get(1)), "qa@1", "t");
        String before = Files.readString(file);
        DraftsFile.decide(file, 1, "accepted", null);
        String after = Files.readString(file);
        assertThat(after).isEqualTo(before.substring(0, before.lastIndexOf("status: \"draft\"")) + "status: \"accepted\""
                + before.substring(before.lastIndexOf("status: \"draft\"") + "status: \"draft\"".length()));
    }

    @Test
    void should_keep_every_decision_made_at_once() throws Exception {
        Path file = dir.resolve("data/many-drafts.yaml");
        List<Draft> many = java.util.stream.IntStream.range(0, 16).mapToObj(i -> new Draft(null, Map.of("q", "Q" + i), "A" + i, null)).toList();
        DraftsFile.create(file, many, "qa@1", "t");
        var pool = java.util.concurrent.Executors.newFixedThreadPool(8);
        try {
            var done = new java.util.ArrayList<java.util.concurrent.Future<?>>();
            for (int i = 0; i < 16; i++) {
                int index = i;
                done.add(pool.submit(() -> DraftsFile.decide(file, index, "accepted", null)));
            }
            for (var f : done) {
                f.get();
            }
        } finally {
            pool.shutdown();
        }
        assertThat(DraftsFile.entries(file)).extracting(e -> e.get("status")).containsOnly("accepted").hasSize(16);
    }

    @Test
    void should_flip_a_jsonl_draft_on_its_own_line() throws Exception {
        Path file = dir.resolve("qa-drafts.jsonl");
        DraftsFile.create(file, drafts, "qa@1", "ignored in JSONL");
        List<String> before = Files.readAllLines(file);
        DraftsFile.decide(file, 0, "accepted", null);
        List<String> after = Files.readAllLines(file);
        assertThat(after.get(1)).isEqualTo(before.get(1));
        assertThat(after.get(0)).isEqualTo(before.get(0).replace("\"status\":\"draft\"", "\"status\":\"accepted\""));
    }
}
