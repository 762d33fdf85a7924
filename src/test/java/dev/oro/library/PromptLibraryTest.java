package dev.oro.library;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.Oro;
import dev.oro.OroException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PromptLibraryTest {

    @TempDir
    Path root;

    PromptLibrary library() {
        return Oro.library(root, Oro.renderer(root));
    }

    @Test
    void should_number_versions_and_never_rewrite_one() throws Exception {
        PromptLibrary lib = library();
        assertThat(lib.create("qa", "v1 {q}", null)).isEqualTo(1);
        String before = Files.readString(root.resolve("qa/1.prompt"));
        assertThat(lib.create("qa", "v2 {q}", null)).isEqualTo(2);
        assertThat(Files.readString(root.resolve("qa/1.prompt"))).isEqualTo(before).isEqualTo("v1 {q}");
        assertThat(lib.resolve(PromptRef.parse("qa")).version()).isEqualTo(2);
        assertThat(lib.resolve(PromptRef.parse("qa@1")).text()).isEqualTo("v1 {q}");
        assertThat(lib.info("qa").versions()).extracting(VersionInfo::version).containsExactly(1, 2);
        // nothing but versions and metadata in the folder: no temporary files left behind
        try (var files = Files.list(root.resolve("qa"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("1.prompt", "2.prompt", "hashes.lock", ".lock");
        }
    }

    @Test
    void should_refuse_an_invalid_prompt_without_writing_anything() {
        PromptLibrary lib = library();
        assertThatThrownBy(() -> lib.create("qa", "---\nvariables: [\n---\nx", null)).isInstanceOf(OroException.class)
                .hasMessageStartingWith("new version of 'qa' line 2:");
        assertThatThrownBy(() -> lib.create("qa", "hi {config:quarkus.datasource.password}", null))
                .hasMessageContaining("namespace 'config:'");
        assertThat(root.resolve("qa/1.prompt")).doesNotExist();
    }

    @Test
    void should_move_labels_and_resolve_them() {
        PromptLibrary lib = library();
        lib.create("qa", "one", null);
        lib.create("qa", "two", null);
        lib.moveLabel("qa", "production", 1);
        assertThat(lib.resolve(PromptRef.parse("qa@production")).text()).isEqualTo("one");
        lib.moveLabel("qa", "production", 2);
        lib.moveLabel("qa", "staging", 1);
        assertThat(lib.resolve(PromptRef.parse("qa@production")).text()).isEqualTo("two");
        assertThat(lib.info("qa").labels()).containsEntry("production", 2).containsEntry("staging", 1);
        lib.removeLabel("qa", "staging");
        assertThatThrownBy(() -> lib.resolve(PromptRef.parse("qa@staging")))
                .hasMessage("prompt 'qa' has no label 'staging' (labels: production)");
        assertThatThrownBy(() -> lib.moveLabel("qa", "production", 9))
                .hasMessage("prompt 'qa' has no version 9 (versions: [1, 2])");
    }

    @Test
    void should_refuse_a_stale_base_version_and_keep_both_edits_safe() {
        PromptLibrary lib = library();
        assertThat(lib.create("qa", "one", 0)).isEqualTo(1);
        assertThat(lib.create("qa", "two", 1)).isEqualTo(2);
        assertThatThrownBy(() -> lib.create("qa", "my edit of one", 1))
                .isInstanceOf(OroException.class)
                .satisfies(e -> assertThat(((OroException) e).kind()).isEqualTo(OroException.Kind.CONFLICT))
                .hasMessageContaining("is at version 2 but this edit was based on version 1; nothing was written");
        assertThatThrownBy(() -> lib.create("brand-new", "x", 3)).hasMessageContaining("does not exist yet");
        assertThat(lib.resolve(PromptRef.parse("qa")).text()).isEqualTo("two");
        assertThat(lib.info("qa").versions()).hasSize(2);
    }

    @Test
    void should_give_concurrent_creators_distinct_versions_and_lose_none() throws Exception {
        PromptLibrary lib = library();
        int writers = 16;
        ExecutorService pool = Executors.newFixedThreadPool(writers);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Integer>> results = new ArrayList<>();
        for (int i = 0; i < writers; i++) {
            String text = "writer " + i;
            // a fresh library object per writer, as separate requests or processes would have
            Callable<Integer> task = () -> {
                start.await();
                return library().create("race", text, null);
            };
            results.add(pool.submit(task));
        }
        start.countDown();
        Set<Integer> versions = new HashSet<>();
        for (Future<Integer> f : results) {
            versions.add(f.get());
        }
        pool.shutdown();
        assertThat(versions).containsExactlyInAnyOrderElementsOf(IntStream.rangeClosed(1, writers).boxed().toList());
        Set<String> texts = new HashSet<>();
        for (int v = 1; v <= writers; v++) {
            texts.add(lib.version("race", v).text());
        }
        assertThat(texts).hasSize(writers);
    }

    @Test
    void should_let_only_one_of_several_editors_of_the_same_base_win() throws Exception {
        PromptLibrary lib = library();
        lib.create("race", "base", null);
        int editors = 8;
        ExecutorService pool = Executors.newFixedThreadPool(editors);
        CountDownLatch start = new CountDownLatch(1);
        List<Future<Object>> results = new ArrayList<>();
        for (int i = 0; i < editors; i++) {
            String text = "edit " + i;
            results.add(pool.submit(() -> {
                start.await();
                try {
                    return library().create("race", text, 1);
                } catch (OroException e) {
                    return e.kind();
                }
            }));
        }
        start.countDown();
        List<Object> outcomes = Collections.synchronizedList(new ArrayList<>());
        for (Future<Object> f : results) {
            outcomes.add(f.get());
        }
        pool.shutdown();
        assertThat(outcomes).containsOnlyOnce(2);
        assertThat(outcomes.stream().filter(OroException.Kind.CONFLICT::equals)).hasSize(editors - 1);
        assertThat(lib.info("race").versions()).hasSize(2);
    }

    @Test
    void should_warn_when_a_version_file_was_edited_by_hand() throws Exception {
        PromptLibrary lib = library();
        lib.create("qa", "original", null);
        PromptVersion clean = lib.version("qa", 1);
        assertThat(clean.editedByHand()).isFalse();
        assertThat(clean.hash()).isEqualTo(Hashing.sha256("original")).startsWith("sha256:").hasSize(71);
        Files.writeString(root.resolve("qa/1.prompt"), "tampered");
        PromptVersion edited = lib.version("qa", 1);
        assertThat(edited.editedByHand()).isTrue();
        // parsed afresh, not served from the parse cache of the first read
        assertThat(edited.source().messages()).extracting(MessageTemplate::template).containsExactly("tampered");
        assertThat(edited.handEditWarning()).contains("prompts/qa/1.prompt was edited by hand").contains(clean.hash());
        assertThat(lib.info("qa").versions().get(0).editedByHand()).isTrue();
    }

    @Test
    void should_record_a_version_added_by_git_the_first_time_it_is_seen() throws Exception {
        Files.createDirectories(root.resolve("pulled"));
        Files.writeString(root.resolve("pulled/1.prompt"), "from git");
        PromptLibrary lib = library();
        assertThat(lib.version("pulled", 1).editedByHand()).isFalse();
        assertThat(Files.readString(root.resolve("pulled/hashes.lock"))).contains("1 " + Hashing.sha256("from git"));
        Files.writeString(root.resolve("pulled/1.prompt"), "changed later");
        assertThat(lib.version("pulled", 1).editedByHand()).isTrue();
    }

    @Test
    void should_diff_front_matter_fields_and_body() {
        PromptLibrary lib = library();
        lib.create("qa", "---\nparams:\n  temperature: 0.7\ntags: [a]\n---\nAnswer {q}\n", null);
        lib.create("qa", "---\nparams:\n  temperature: 0\ntags: [a]\n---\nAnswer \"{q}\" briefly\n", null);
        VersionDiff diff = lib.diff("qa", 1, 2);
        assertThat(diff.frontMatter()).containsExactly(new VersionDiff.FieldChange("params.temperature", 0.7, 0));
        assertThat(diff.unified()).contains("--- prompts/qa/1.prompt", "+++ prompts/qa/2.prompt",
                "-  temperature: 0.7", "+  temperature: 0", "-Answer {q}", "+Answer \"{q}\" briefly");
        assertThat(diff.rows()).extracting(VersionDiff.Row::tag).contains("equal", "change");
        // Rows hold the text as written (not HTML-escaped): the web page escapes it exactly once.
        assertThat(diff.rows()).contains(new VersionDiff.Row("change", "Answer {q}", "Answer \"{q}\" briefly"));
    }

    @Test
    void should_list_only_prompt_folders() throws Exception {
        PromptLibrary lib = library();
        lib.create("b", "x", null);
        lib.create("a", "x", null);
        Files.createDirectories(root.resolve("_patterns"));
        Files.createDirectories(root.resolve("empty"));
        assertThat(lib.list()).extracting(PromptInfo::name).containsExactly("a", "b");
        assertThatThrownBy(() -> lib.info("empty")).hasMessageStartingWith("no prompt named 'empty'");
    }
}
