package dev.oro.eval;

import static org.assertj.core.api.Assertions.assertThat;

import dev.oro.Oro;
import dev.oro.model.FaultyOpenAi;
import dev.oro.model.FaultyOpenAi.Fault;
import dev.oro.model.ModelRegistry;
import dev.oro.store.CaseResult;
import dev.oro.store.Database;
import dev.oro.store.RunStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.concurrent.ExecutorService;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fault campaign: a 500-test run through the real runner, HTTP client and H2 store
 * against a server that rate-limits 10% of requests, fails 5%, hangs on 2% and garbles 1%.
 */
class FaultInjectionTest {

    static final int TESTS = 500;

    @TempDir
    Path dir;

    @Test
    void should_complete_a_run_against_a_faulty_server_with_every_case_once_and_few_extra_requests() throws Exception {
        ExecutorService executor = Oro.modelExecutor();
        try (FaultyOpenAi server = new FaultyOpenAi(7)) {
            Path modelsDir = Files.createDirectories(dir.resolve("models"));
            // A hung request is given up after 1 s, and Retry-After: 1 is honoured as it is.
            Files.writeString(modelsDir.resolve("fake.yaml"), server.profile("concurrency: 16\ntimeout: 1s\nmaxRetries: 3\n"));
            DataSource db = Database.openH2(dir.resolve("data"));
            RunStore store = new RunStore(db);
            try (ModelRegistry models = Oro.models(modelsDir, executor)) {
                Runner runner = RunnerTest.countingRunner(dir, models, store, executor);
                RunSummary summary = runner.run(SuiteLoader.parse(suite(), "evals/faults.yaml", dir),
                        new RunOptions(List.of(), null, null, true, null), RunListener.NONE);

                List<CaseResult> results = store.results(summary.runId());
                assertThat(results).hasSize(TESTS);
                assertThat(results).allSatisfy(r -> {
                    if (r.error() == null) {
                        assertThat(r.passed()).as(r.caseKey()).isTrue();
                    } else {
                        assertThat(r.error()).as(r.caseKey()).containsAnyOf("429", "500", "did not answer within", "could not read");
                    }
                });
                assertThat(rows(db, summary.runId())).isEqualTo(TESTS);
                assertThat(results.stream().map(CaseResult::caseKey).distinct()).hasSize(TESTS);
                assertThat(summary.passed() + summary.errors()).isEqualTo(TESTS);
                assertThat(store.require(summary.runId()).status()).isEqualTo("completed");
                int faults = server.requests() - server.served(Fault.NONE);
                assertThat(server.served(Fault.RATE_LIMITED)).isPositive();
                assertThat(server.served(Fault.HUNG)).isPositive();
                assertThat(server.served(Fault.MALFORMED)).isPositive();
                assertThat(server.requests()).isLessThanOrEqualTo((int) (1.15 * TESTS));
                System.out.printf("fault injection: %d cases, %d requests (%.3f x N), %d faults injected (%d 429, %d 500, %d hung, %d malformed),"
                        + " %d scored, %d errors, %d lost%n", TESTS, server.requests(), server.requests() / (double) TESTS, faults,
                        server.served(Fault.RATE_LIMITED), server.served(Fault.SERVER_ERROR), server.served(Fault.HUNG),
                        server.served(Fault.MALFORMED), summary.passed() + summary.failed(), summary.errors(), TESTS - results.size());
            } finally {
                if (db instanceof AutoCloseable pool) {
                    pool.close();
                }
            }
        } finally {
            executor.shutdownNow();
        }
    }

    private static String suite() {
        StringBuilder suite = new StringBuilder("prompts: [count]\nmodels: [fake]\ntests:\n");
        for (int i = 0; i < TESTS; i++) {
            suite.append("  - vars: {n: \"ten, case ").append(i).append("\"}\n    assert: [{type: contains, value: ten}]\n");
        }
        return suite.toString();
    }

    private static long rows(DataSource db, String runId) throws Exception {
        try (Connection c = db.getConnection(); Statement s = c.createStatement();
                ResultSet rs = s.executeQuery("SELECT COUNT(*), COUNT(DISTINCT case_key) FROM results WHERE run_id = '" + runId + "'")) {
            rs.next();
            assertThat(rs.getLong(2)).isEqualTo(rs.getLong(1));
            return rs.getLong(1);
        }
    }
}
