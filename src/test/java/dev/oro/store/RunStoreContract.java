package dev.oro.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.OroException;
import dev.oro.eval.RunSummary;
import dev.oro.eval.assertion.AssertionResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database behind {@link RunStore} must do; one subclass per database, each on a fresh, migrated one. */
abstract class RunStoreContract {

    DataSource dataSource;
    RunStore store;

    /** An empty database, migrated. */
    abstract DataSource openEmpty() throws Exception;

    @BeforeEach
    void open() throws Exception {
        dataSource = openEmpty();
        store = new RunStore(dataSource);
    }

    @AfterEach
    void close() throws Exception {
        TestPostgres.close(dataSource);
    }

    static String newRun(RunStore store) {
        String id = UUID.randomUUID().toString();
        store.createRun(id, "evals/qa.yaml", "questions", "{\"repeat\":1}");
        return id;
    }

    static CaseResult result(String key, String testId, String variant, int repeat, boolean passed, String error) {
        return new CaseResult(key, testId, variant, repeat, "qa@2", "sha256:abc", "fake", "fake-1",
                Map.of("question", "Who?", "n", 3), "Austen", passed, passed ? 1.0 : 0.0, error, "stop", 120L, 11, 7, 0.0021,
                false, List.of(new AssertionResult("contains", passed, passed ? 1.0 : 0.0, passed ? null : "no 'Austen'", null, 1.0)));
    }

    @Test
    void should_create_a_run_and_read_it_back() {
        String id = newRun(store);
        RunInfo run = store.require(id);
        assertThat(run.suite()).isEqualTo("evals/qa.yaml");
        assertThat(run.description()).isEqualTo("questions");
        assertThat(run.status()).isEqualTo("running");
        assertThat(run.createdAt()).isNotNull();
        assertThat(run.finishedAt()).isNull();
        assertThat(store.config(id)).isEqualTo("{\"repeat\":1}");
        assertThat(store.run("missing")).isEmpty();
        assertThatThrownBy(() -> store.require("missing")).isInstanceOf(OroException.class).hasMessage("no run with id 'missing'");
    }

    @Test
    void should_score_each_prompt_by_its_newest_completed_run() throws Exception {
        String old = newRun(store);
        store.record(old, result("k1", "t1", "v", 0, false, null));
        store.finish(old, "completed");
        Thread.sleep(20);
        String newer = newRun(store);
        store.record(newer, result("k1", "t1", "v", 0, true, null));
        store.record(newer, result("k2", "t2", "v", 0, false, null));
        store.record(newer, new CaseResult("k3", "t3", "v", 0, "qa@3", "sha256:def", "fake", null, null, "ok", true, 1.0, null,
                null, null, null, null, null, false, null));
        store.finish(newer, "completed");
        String running = newRun(store);
        store.record(running, result("k1", "t1", "v", 0, false, null));

        RunStore.PromptScore qa = store.latestScores().get("qa");
        assertThat(qa.runId()).isEqualTo(newer);
        assertThat(qa.passed()).isEqualTo(2);
        assertThat(qa.total()).isEqualTo(3);
        assertThat(store.latestScores()).containsOnlyKeys("qa");
    }

    @Test
    void should_store_a_result_with_its_assertions_and_its_nulls() {
        String id = newRun(store);
        CaseResult full = result("k1", "t1", "v", 0, true, null);
        CaseResult sparse = new CaseResult("k2", "t2", "v", 0, "qa@2", "sha256:abc", "fake", null, null, null, false, 0.0,
                "openai answered 500", null, null, null, null, null, true, null);
        assertThat(store.record(id, full)).isTrue();
        assertThat(store.record(id, sparse)).isTrue();
        assertThat(store.results(id)).containsExactly(full, sparse);
        assertThat(store.results(id).get(0).assertions()).singleElement()
                .satisfies(a -> assertThat(a.type()).isEqualTo("contains"));
    }

    @Test
    void should_keep_the_first_result_when_a_case_key_is_written_twice() {
        String id = newRun(store);
        assertThat(store.record(id, result("k1", "t1", "v", 0, true, null))).isTrue();
        assertThat(store.record(id, result("k1", "t1", "v", 0, false, "later"))).isFalse();
        assertThat(store.results(id)).singleElement().satisfies(r -> assertThat(r.passed()).isTrue());
        // the same key in another run is another case
        assertThat(store.record(newRun(store), result("k1", "t1", "v", 0, false, null))).isTrue();
    }

    @Test
    void should_write_a_batch_in_one_go_and_keep_what_was_there() {
        String id = newRun(store);
        String key = "sha256:" + UUID.randomUUID();
        store.record(id, result("k1", "t1", "v", 0, true, null));
        store.cache(key, "{\"text\":\"one\"}");
        List<Boolean> inserted = store.recordAll(id, List.of(result("k1", "t1", "v", 0, false, "later"),
                result("k2", "t2", "v", 0, true, null), result("k2", "t2", "v", 0, false, "again")), Map.of(key, "{\"text\":\"two\"}"));
        assertThat(inserted).containsExactly(false, true, false);
        assertThat(store.results(id)).extracting(CaseResult::caseKey, CaseResult::passed).containsExactly(
                org.assertj.core.groups.Tuple.tuple("k1", true), org.assertj.core.groups.Tuple.tuple("k2", true));
        assertThat(store.cached(key)).contains("{\"text\":\"one\"}");
    }

    @Test
    void should_list_the_completed_keys_of_a_run_only() {
        String id = newRun(store);
        String other = newRun(store);
        store.record(id, result("k1", "t1", "v", 0, true, null));
        store.record(id, result("k2", "t2", "v", 0, false, "boom"));
        store.record(other, result("k3", "t3", "v", 0, true, null));
        assertThat(store.completedKeys(id)).containsExactlyInAnyOrder("k1", "k2");
        assertThat(store.completedKeys(newRun(store))).isEmpty();
    }

    @Test
    void should_return_results_by_test_variant_and_repeat() {
        String id = newRun(store);
        store.record(id, result("d", "t2", "a", 0, true, null));
        store.record(id, result("c", "t1", "b", 0, true, null));
        store.record(id, result("b", "t1", "a", 1, true, null));
        store.record(id, result("a", "t1", "a", 0, true, null));
        assertThat(store.results(id)).extracting(CaseResult::caseKey).containsExactly("a", "b", "c", "d");
    }

    @Test
    void should_count_passes_failures_and_errors() {
        String id = newRun(store);
        assertThat(store.summary(id)).isEqualTo(new RunSummary(id, "running", 0, 0, 0, 0));
        store.record(id, result("k1", "t1", "v", 0, true, null));
        store.record(id, result("k2", "t2", "v", 0, true, null));
        store.record(id, result("k3", "t3", "v", 0, false, null));
        store.record(id, result("k4", "t4", "v", 0, false, "timeout"));
        assertThat(store.summary(id)).isEqualTo(new RunSummary(id, "running", 4, 2, 1, 1));
    }

    @Test
    void should_cache_a_response_once() {
        String key = "sha256:" + UUID.randomUUID();
        assertThat(store.cached(key)).isEmpty();
        store.cache(key, "{\"text\":\"one\"}");
        store.cache(key, "{\"text\":\"two\"}");
        assertThat(store.cached(key)).contains("{\"text\":\"one\"}");
    }

    @Test
    void should_list_the_newest_runs_first() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(newRun(store));
            Thread.sleep(5);
        }
        assertThat(store.runs(10)).extracting(RunInfo::id).containsExactly(ids.get(2), ids.get(1), ids.get(0));
        assertThat(store.runs(2)).extracting(RunInfo::id).containsExactly(ids.get(2), ids.get(1));
    }

    @Test
    void should_finish_and_reopen_a_run() {
        String id = newRun(store);
        store.finish(id, "completed");
        RunInfo finished = store.require(id);
        assertThat(finished.status()).isEqualTo("completed");
        assertThat(finished.finishedAt()).isNotNull().isAfterOrEqualTo(finished.createdAt());
        store.reopen(id);
        assertThat(store.require(id).status()).isEqualTo("running");
        assertThat(store.require(id).finishedAt()).isNull();
        assertThat(store.summary(id).status()).isEqualTo("running");
    }

    @Test
    void should_hold_each_case_once_when_many_threads_race() throws Exception {
        String id = newRun(store);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> writes = new ArrayList<>();
            for (int i = 0; i < 200; i++) {
                int n = i % 100; // every case written twice
                writes.add(pool.submit(() -> store.record(id, result("k" + n, "t" + n, "v", 0, true, null))));
            }
            long inserted = 0;
            for (Future<Boolean> w : writes) {
                inserted += w.get() ? 1 : 0;
            }
            assertThat(inserted).isEqualTo(100);
        } finally {
            pool.shutdownNow();
        }
        assertThat(store.completedKeys(id)).hasSize(100);
        assertThat(store.summary(id).cases()).isEqualTo(100);
    }

    @Test
    void should_keep_one_current_human_rating_per_result() {
        String id = newRun(store);
        store.record(id, result("k1", "t1", "v", 0, true, null));
        store.record(id, result("k2", "t2", "v", 0, false, null));
        store.rate(id, "k1", 1, "clear and right", "ana");
        store.rate(id, "k2", 1, null, "ana");
        store.rate(id, "k2", -1, "misses the date", "luis");
        List<RunStore.Rating> ratings = store.ratings(id);
        assertThat(ratings).extracting(RunStore.Rating::caseKey, RunStore.Rating::rating, RunStore.Rating::comment, RunStore.Rating::ratedBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("k1", 1, "clear and right", "ana"),
                        org.assertj.core.groups.Tuple.tuple("k2", -1, "misses the date", "luis"));
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.rate(id, "nope", 1, null, null))
                .hasMessage("run '" + id + "' has no result 'nope'");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> store.rate(id, "k1", 5, null, null))
                .hasMessageContaining("must be 1 (thumbs up) or -1 (thumbs down)");
    }

    @Test
    void should_page_runs_newest_first_with_their_summaries() throws Exception {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < 3; i++) {
            ids.add(newRun(store));
            Thread.sleep(5);
        }
        store.record(ids.get(0), result("k1", "t1", "v", 0, true, null));
        store.record(ids.get(0), result("k2", "t2", "v", 0, false, "boom"));
        assertThat(store.runCount()).isEqualTo(3);
        List<RunInfo> page = store.runs(1L, 5);
        assertThat(page).extracting(RunInfo::id).containsExactly(ids.get(1), ids.get(0));
        Map<String, RunSummary> summaries = store.summaries(page);
        assertThat(summaries.get(ids.get(0))).isEqualTo(new RunSummary(ids.get(0), "running", 2, 1, 0, 1));
        assertThat(summaries.get(ids.get(1))).isEqualTo(new RunSummary(ids.get(1), "running", 0, 0, 0, 0));
        assertThat(store.summaries(List.of())).isEmpty();
    }

    @Test
    void should_page_matrix_rows_in_test_order_with_row_filters() {
        String id = newRun(store);
        // t1: both pass; t2: they disagree; t10: both fail (t10 sorts after t2)
        store.record(id, result("a1", "t1", "a", 0, true, null));
        store.record(id, result("b1", "t1", "b", 0, true, null));
        store.record(id, result("a2", "t2", "a", 0, true, null));
        store.record(id, result("b2", "t2", "b", 0, false, null));
        store.record(id, result("a10", "t10", "a", 0, false, null));
        store.record(id, result("b10", "t10", "b", 0, false, "timeout"));
        assertThat(store.rows(id, RunStore.RowFilter.ALL, 0, 10)).extracting(RunStore.RowKey::testId).containsExactly("t1", "t2", "t10");
        assertThat(store.rows(id, RunStore.RowFilter.ALL, 1, 1)).containsExactly(new RunStore.RowKey("t2", 0));
        assertThat(store.rows(id, RunStore.RowFilter.FAILURES, 0, 10)).extracting(RunStore.RowKey::testId).containsExactly("t2", "t10");
        assertThat(store.rows(id, RunStore.RowFilter.DISAGREE, 0, 10)).extracting(RunStore.RowKey::testId).containsExactly("t2");
        assertThat(store.rowCount(id, RunStore.RowFilter.ALL)).isEqualTo(3);
        assertThat(store.rowCount(id, RunStore.RowFilter.FAILURES)).isEqualTo(2);
        assertThat(store.rowCount(id, RunStore.RowFilter.DISAGREE)).isEqualTo(1);
        List<CaseResult> page = new ArrayList<>();
        store.results(id, List.of(new RunStore.RowKey("t2", 0), new RunStore.RowKey("t10", 0)), page::add);
        assertThat(page).extracting(CaseResult::caseKey).containsExactlyInAnyOrder("a2", "b2", "a10", "b10");
        store.results(id, List.of(), page::add);
        assertThat(page).hasSize(4);
    }

    @Test
    void should_list_the_cases_that_flipped_between_two_runs() {
        String a = newRun(store);
        String b = newRun(store);
        store.record(a, result("a1", "t1", "v", 0, true, null));
        store.record(a, result("a2", "t2", "v", 0, false, null));
        store.record(a, result("a3", "t3", "v", 0, true, null));
        store.record(b, result("b1", "t1", "v", 0, true, null));
        store.record(b, result("b2", "t2", "v", 0, true, null));
        store.record(b, result("b3", "t3", "v", 0, false, null));
        assertThat(store.flips(a, "v", b, "v", 10)).containsExactly(new RunStore.Flip("t2", 0, "a2", "b2", false, "Austen", "Austen"),
                new RunStore.Flip("t3", 0, "a3", "b3", true, "Austen", "Austen"));
        assertThat(store.flips(a, "v", b, "v", 1)).hasSize(1);
    }

    @Test
    void should_read_rated_results_with_their_verdicts_by_suite() {
        String id = newRun(store);
        store.record(id, result("k1", "t1", "v", 0, true, null));
        store.record(id, result("k2", "t2", "v", 0, false, null));
        store.rate(id, "k2", -1, null, null);
        assertThat(store.ratedResults("evals/qa.yaml")).singleElement().satisfies(r -> {
            assertThat(r.caseKey()).isEqualTo("k2");
            assertThat(r.rating()).isEqualTo(-1);
            assertThat(r.passed()).isFalse();
            assertThat(r.assertions()).extracting(AssertionResult::type).containsExactly("contains");
        });
        assertThat(store.ratedResults(null)).hasSize(1);
        assertThat(store.ratedResults("evals/other.yaml")).isEmpty();
    }

    @Test
    void should_refuse_a_second_process_while_a_run_is_leased_and_let_it_in_after_release() {
        String id = newRun(store);
        RunLeases leases = store.leases();
        RunLeases.Lease lease = leases.acquire(id);
        assertThatThrownBy(() -> leases.acquire(id)).isInstanceOf(OroException.class)
                .hasMessageStartingWith("run " + id + " is being run by the Oro process " + ProcessHandle.current().pid() + " on ")
                .hasMessageContaining("wait for it to finish");
        assertThatThrownBy(() -> leases.check(id)).hasMessageContaining("is being run by");
        assertThat(leases.heartbeat(lease)).isTrue();
        leases.release(lease);
        leases.check(id);
        assertThat(leases.acquire(id).owner()).isNotEqualTo(lease.owner());
    }

    @Test
    void should_let_a_process_take_over_a_lease_whose_owner_stopped_its_heartbeat_on_another_machine() throws Exception {
        String id = newRun(store);
        RunLeases leases = store.leases();
        RunLeases.Lease lease = leases.acquire(id);
        setOwner(id, "other-machine/4242/abcd1234", java.time.OffsetDateTime.now().plusSeconds(5));
        assertThatThrownBy(() -> leases.acquire(id)).hasMessageContaining("the Oro process 4242 on other-machine");
        setOwner(id, "other-machine/4242/abcd1234", java.time.OffsetDateTime.parse("2000-01-01T00:00:00Z"));
        RunLeases.Lease taken = leases.acquire(id);
        assertThat(taken.owner()).isNotEqualTo(lease.owner());
        assertThat(leases.heartbeat(new RunLeases.Lease(id, "other-machine/4242/abcd1234"))).isFalse();
    }

    @Test
    void should_take_over_at_once_the_lease_of_a_killed_process_of_this_host() throws Exception {
        String id = newRun(store);
        RunLeases leases = store.leases();
        String host = leases.acquire(id).owner().split("/")[0];
        Process gone = new ProcessBuilder("true").start();
        gone.waitFor();
        setOwner(id, host + "/" + gone.pid() + "/abcd1234", java.time.OffsetDateTime.now());
        assertThat(leases.acquire(id).owner()).startsWith(host + "/" + ProcessHandle.current().pid() + "/");
    }

    @Test
    void should_give_a_run_to_exactly_one_of_many_racing_processes() throws Exception {
        String id = newRun(store);
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<Boolean>> tries = new ArrayList<>();
            for (int i = 0; i < 8; i++) {
                tries.add(pool.submit(() -> {
                    try {
                        new RunStore(dataSource).leases().acquire(id);
                        return true;
                    } catch (OroException refused) {
                        return false;
                    }
                }));
            }
            int won = 0;
            for (Future<Boolean> t : tries) {
                won += t.get() ? 1 : 0;
            }
            assertThat(won).isEqualTo(1);
        } finally {
            pool.shutdownNow();
        }
    }

    private void setOwner(String runId, String owner, java.time.OffsetDateTime heartbeat) throws Exception {
        try (java.sql.Connection c = dataSource.getConnection();
                java.sql.PreparedStatement s = c.prepareStatement("UPDATE run_leases SET owner = ?, heartbeat_at = ? WHERE run_id = ?")) {
            s.setString(1, owner);
            s.setObject(2, heartbeat);
            s.setString(3, runId);
            assertThat(s.executeUpdate()).isEqualTo(1);
        }
    }
}
