package dev.oro.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import dev.oro.eval.assertion.AssertionResult;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import javax.sql.DataSource;

/**
 * Runs, results and the response cache in plain JDBC, so the same code serves H2 (the
 * default) and PostgreSQL. A result is written as its case completes; nothing is kept in
 * memory, so a run of 100,000 cases costs the same memory as one of ten.
 */
public final class RunStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource dataSource;

    public RunStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** The database this store writes to, for stores of other tables on the same database. */
    public DataSource dataSource() {
        return dataSource;
    }

    /** Who runs which run, so that two processes never run the same one. */
    public RunLeases leases() {
        return new RunLeases(dataSource);
    }

    public void createRun(String id, String suite, String description, String config) {
        update("INSERT INTO runs (id, suite, description, status, created_at, config) VALUES (?, ?, ?, 'running', ?, ?)",
                id, suite, description, Timestamp.from(Instant.now()), config);
    }

    public void finish(String id, String status) {
        update("UPDATE runs SET status = ?, finished_at = ? WHERE id = ?", status, Timestamp.from(Instant.now()), id);
    }

    /** Marks a run as running again when it is resumed. */
    public void reopen(String id) {
        update("UPDATE runs SET status = 'running', finished_at = NULL WHERE id = ?", id);
    }

    public Optional<RunInfo> run(String id) {
        List<RunInfo> found = runs("SELECT id, suite, description, status, created_at, finished_at FROM runs WHERE id = ?", id);
        return found.stream().findFirst();
    }

    public RunInfo require(String id) {
        return run(id).orElseThrow(() -> OroException.notFound("run-not-found", "no run with id '" + id + "'"));
    }

    public String config(String id) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT config FROM runs WHERE id = ?")) {
            s.setString(1, id);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? rs.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** The newest runs first. */
    public List<RunInfo> runs(int limit) {
        return runs("SELECT id, suite, description, status, created_at, finished_at FROM runs ORDER BY created_at DESC LIMIT " + limit);
    }

    /** A page of runs, newest first, for the runs list. */
    public List<RunInfo> runs(long offset, int limit) {
        return runs("SELECT id, suite, description, status, created_at, finished_at FROM runs ORDER BY created_at DESC, id LIMIT " + limit
                + " OFFSET " + offset);
    }

    public long runCount() {
        return count("SELECT COUNT(*) FROM runs");
    }

    /** The summaries of several runs in one query, so a list page costs one round trip, not one per run. */
    public Map<String, dev.oro.eval.RunSummary> summaries(List<RunInfo> runs) {
        Map<String, dev.oro.eval.RunSummary> out = new java.util.LinkedHashMap<>();
        if (runs.isEmpty()) {
            return out;
        }
        Map<String, String> status = new java.util.HashMap<>();
        runs.forEach(r -> status.put(r.id(), r.status()));
        String marks = String.join(", ", java.util.Collections.nCopies(runs.size(), "?"));
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT run_id, COUNT(*),"
                + " SUM(CASE WHEN passed THEN 1 ELSE 0 END), SUM(CASE WHEN error IS NOT NULL THEN 1 ELSE 0 END) FROM results"
                + " WHERE run_id IN (" + marks + ") GROUP BY run_id")) {
            bind(s, runs.stream().map(RunInfo::id).toArray());
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    long cases = rs.getLong(2);
                    long passed = rs.getLong(3);
                    long errors = rs.getLong(4);
                    out.put(rs.getString(1), new dev.oro.eval.RunSummary(rs.getString(1), status.get(rs.getString(1)), cases, passed,
                            cases - passed - errors, errors));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        runs.forEach(r -> out.putIfAbsent(r.id(), new dev.oro.eval.RunSummary(r.id(), r.status(), 0, 0, 0, 0)));
        return out;
    }

    private static final String INSERT_RESULT = "INSERT INTO results (run_id, case_key, test_id, variant, repeat_index, prompt,"
            + " prompt_hash, model, model_identity, vars, output, passed, score, error, finish_reason, latency_ms, input_tokens,"
            + " output_tokens, cost, cached, assertions, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_CACHE = "INSERT INTO response_cache (cache_key, response, created_at) VALUES (?, ?, ?)";

    /**
     * Writes one result. Writing the same case twice keeps the first: a resumed run, or two
     * workers that raced, can never duplicate a case.
     */
    public boolean record(String runId, CaseResult r) {
        return recordAll(runId, List.of(r), Map.of()).get(0);
    }

    /**
     * Writes results and cached responses in one transaction: one commit, where each write on
     * its own made the database write a chunk to disk. As {@link #record}, a case already
     * stored is kept (its entry in the answer is false) and so is a response already cached.
     */
    public List<Boolean> recordAll(String runId, List<CaseResult> results, Map<String, String> responses) {
        List<Boolean> inserted = new ArrayList<>();
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement cache = c.prepareStatement(INSERT_CACHE); PreparedStatement result = c.prepareStatement(INSERT_RESULT)) {
                Timestamp now = Timestamp.from(Instant.now());
                for (Map.Entry<String, String> e : responses.entrySet()) {
                    bind(cache, new Object[] {e.getKey(), e.getValue(), now});
                    insertUnlessPresent(c, cache);
                }
                for (CaseResult r : results) {
                    bind(result, new Object[] {runId, r.caseKey(), r.testId(), r.variant(), r.repeat(), r.prompt(), r.promptHash(),
                        r.model(), r.modelIdentity(), json(r.vars()), r.output(), r.passed(), r.score(), r.error(), r.finishReason(),
                        r.latencyMs(), r.inputTokens(), r.outputTokens(), r.cost(), r.cached(), json(r.assertions()), now});
                    inserted.add(insertUnlessPresent(c, result));
                }
                c.commit();
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return inserted;
    }

    /** A duplicate key rolls back to a savepoint: PostgreSQL would otherwise abort the whole transaction. */
    private static boolean insertUnlessPresent(Connection c, PreparedStatement insert) throws SQLException {
        java.sql.Savepoint before = c.setSavepoint();
        try {
            insert.executeUpdate();
            c.releaseSavepoint(before);
            return true;
        } catch (SQLException e) {
            if (isDuplicate(e)) {
                c.rollback(before);
                return false;
            }
            throw e;
        }
    }

    /** Counts straight from the stored results, so a resumed run's summary covers all of it. */
    public dev.oro.eval.RunSummary summary(String runId) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT COUNT(*),"
                + " SUM(CASE WHEN passed THEN 1 ELSE 0 END), SUM(CASE WHEN error IS NOT NULL THEN 1 ELSE 0 END) FROM results WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                long cases = rs.getLong(1);
                long passed = rs.getLong(2);
                long errors = rs.getLong(3);
                return new dev.oro.eval.RunSummary(runId, require(runId).status(), cases, passed, cases - passed - errors, errors);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public Optional<CaseResult> result(String runId, String caseKey) {
        List<CaseResult> found = new ArrayList<>();
        results("SELECT " + RESULT_COLUMNS + " FROM results WHERE run_id = ? AND case_key = ?", found::add, runId, caseKey);
        return found.stream().findFirst();
    }

    /** Replaces a result's verdict, as a comparative assertion (select-best) does after the fact. */
    public void rescore(String runId, String caseKey, boolean passed, double score, List<AssertionResult> assertions) {
        update("UPDATE results SET passed = ?, score = ?, assertions = ? WHERE run_id = ? AND case_key = ?", passed, score,
                json(assertions), runId, caseKey);
    }

    public Set<String> completedKeys(String runId) {
        Set<String> keys = new HashSet<>();
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT case_key FROM results WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    keys.add(rs.getString(1));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return keys;
    }

    private static final String RESULT_COLUMNS = "case_key, test_id, variant, repeat_index, prompt, prompt_hash, model,"
            + " model_identity, vars, output, passed, score, error, finish_reason, latency_ms, input_tokens, output_tokens, cost,"
            + " cached, assertions";

    /** Streams a run's results in a stable order (test, variant, repeat) without holding them all. */
    public void results(String runId, Consumer<CaseResult> each) {
        results("SELECT " + RESULT_COLUMNS + " FROM results WHERE run_id = ? ORDER BY test_id, variant, repeat_index", each, runId);
    }

    /** Which of a run's results to page through: one variant or all (null), failures only or all. */
    public record ResultFilter(String variant, boolean failuresOnly) {

        String where() {
            return (variant == null ? "" : " AND variant = ?") + (failuresOnly ? " AND passed = FALSE" : "");
        }

        Object[] params(String runId) {
            return variant == null ? new Object[] {runId} : new Object[] {runId, variant};
        }
    }

    /** One page of a run's results in the same order, limited in SQL. */
    public void results(String runId, ResultFilter filter, long offset, int limit, Consumer<CaseResult> each) {
        results("SELECT " + RESULT_COLUMNS + " FROM results WHERE run_id = ?" + filter.where()
                + " ORDER BY test_id, variant, repeat_index LIMIT " + limit + " OFFSET " + offset, each, filter.params(runId));
    }

    public long count(String runId, ResultFilter filter) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT COUNT(*) FROM results WHERE run_id = ?" + filter.where())) {
            bind(s, filter.params(runId));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** A prompt's pass rate in the newest completed run that used it (any of its versions). */
    public record PromptScore(String prompt, String runId, Instant finishedAt, long passed, long total) {

        public double passRate() {
            return total == 0 ? 0 : (double) passed / total;
        }
    }

    /**
     * The latest score of every prompt, by prompt name. One grouped query for the whole library,
     * so the library page costs one round trip however many prompts it lists.
     */
    public Map<String, PromptScore> latestScores() {
        Map<String, PromptScore> out = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT x.prompt, r.id,"
                + " r.finished_at, COUNT(*), SUM(CASE WHEN x.passed THEN 1 ELSE 0 END) FROM results x JOIN runs r ON r.id = x.run_id"
                + " WHERE r.status = 'completed' AND r.finished_at IS NOT NULL GROUP BY x.prompt, r.id, r.finished_at")) {
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    String ref = rs.getString(1);
                    String name = ref.contains("@") ? ref.substring(0, ref.indexOf('@')) : ref;
                    PromptScore row = new PromptScore(name, rs.getString(2), rs.getTimestamp(3).toInstant(), rs.getLong(5), rs.getLong(4));
                    out.merge(name, row, RunStore::newerOrSum);
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return out;
    }

    /** Two versions of a prompt in the same run add up; otherwise the newer run wins. */
    private static PromptScore newerOrSum(PromptScore a, PromptScore b) {
        if (a.runId().equals(b.runId())) {
            return new PromptScore(a.prompt(), a.runId(), a.finishedAt(), a.passed() + b.passed(), a.total() + b.total());
        }
        return a.finishedAt().isAfter(b.finishedAt()) ? a : b;
    }

    /** How two runs' results of one variant each fare when paired by test and repeat. */
    public record Pairs(long bothPass, long onlyA, long onlyB, long neither) {
    }

    public Pairs pairs(String runA, String variantA, String runB, String variantB) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement("SELECT"
                + " SUM(CASE WHEN a.passed AND b.passed THEN 1 ELSE 0 END), SUM(CASE WHEN a.passed AND NOT b.passed THEN 1 ELSE 0 END),"
                + " SUM(CASE WHEN NOT a.passed AND b.passed THEN 1 ELSE 0 END), SUM(CASE WHEN NOT a.passed AND NOT b.passed THEN 1 ELSE 0 END)"
                + " FROM results a JOIN results b ON a.test_id = b.test_id AND a.repeat_index = b.repeat_index"
                + " WHERE a.run_id = ? AND a.variant = ? AND b.run_id = ? AND b.variant = ?")) {
            bind(s, new Object[] {runA, variantA, runB, variantB});
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return new Pairs(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4));
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    /** One row of the results matrix: a test and a repeat, over all variants. */
    public record RowKey(String testId, int repeat) {
    }

    /** Which matrix rows to show: all, those with a failing variant, or those where variants disagree. */
    public enum RowFilter {
        ALL(""),
        FAILURES(" HAVING SUM(CASE WHEN passed THEN 0 ELSE 1 END) > 0"),
        DISAGREE(" HAVING SUM(CASE WHEN passed THEN 0 ELSE 1 END) > 0 AND SUM(CASE WHEN passed THEN 1 ELSE 0 END) > 0");

        private final String having;

        RowFilter(String having) {
            this.having = having;
        }
    }

    /**
     * One page of matrix rows, grouped and limited in SQL so a run of 100,000 results never leaves
     * the database whole. Tests sort by length first so that t2 comes before t10.
     */
    public List<RowKey> rows(String runId, RowFilter filter, long offset, int limit) {
        return list(dataSource, "SELECT test_id, repeat_index FROM results WHERE run_id = ? GROUP BY test_id, repeat_index" + filter.having
                + " ORDER BY LENGTH(test_id), test_id, repeat_index LIMIT " + limit + " OFFSET " + offset,
                rs -> new RowKey(rs.getString(1), rs.getInt(2)), runId);
    }

    public long rowCount(String runId, RowFilter filter) {
        return count("SELECT COUNT(*) FROM (SELECT test_id FROM results WHERE run_id = ? GROUP BY test_id, repeat_index" + filter.having
                + ") r", runId);
    }

    /** Every variant's result for the given rows. */
    public void results(String runId, List<RowKey> rows, Consumer<CaseResult> each) {
        if (rows.isEmpty()) {
            return;
        }
        List<Object> params = new ArrayList<>(List.of(runId));
        StringBuilder where = new StringBuilder();
        for (RowKey row : rows) {
            where.append(where.isEmpty() ? "" : " OR ").append("(test_id = ? AND repeat_index = ?)");
            params.add(row.testId());
            params.add(row.repeat());
        }
        results("SELECT " + RESULT_COLUMNS + " FROM results WHERE run_id = ? AND (" + where + ") ORDER BY test_id, variant, repeat_index",
                each, params.toArray());
    }

    /** A case whose verdict differs between two runs (one variant of each), paired by test and repeat. */
    public record Flip(String testId, int repeat, String caseKeyA, String caseKeyB, boolean passedA, String outputA, String outputB) {
    }

    /** Up to {@code limit} flipped cases, in test order; {@link #pairs} counts them all. */
    public List<Flip> flips(String runA, String variantA, String runB, String variantB, int limit) {
        return list(dataSource, "SELECT a.test_id, a.repeat_index, a.case_key, b.case_key, a.passed, a.output, b.output FROM results a"
                + " JOIN results b ON a.test_id = b.test_id AND a.repeat_index = b.repeat_index WHERE a.run_id = ? AND a.variant = ?"
                + " AND b.run_id = ? AND b.variant = ? AND a.passed <> b.passed ORDER BY LENGTH(a.test_id), a.test_id, a.repeat_index"
                + " LIMIT " + limit,
                rs -> new Flip(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getBoolean(5), rs.getString(6),
                        rs.getString(7)),
                runA, variantA, runB, variantB);
    }

    /** A human rating next to the automated verdict of the output it rates. */
    public record RatedResult(String suite, String runId, String caseKey, int rating, boolean passed, List<AssertionResult> assertions) {

        public RatedResult {
            assertions = assertions == null ? List.of() : List.copyOf(assertions);
        }
    }

    /** Every rated output of a suite's runs (all suites when null); ratings are made by hand, so they are few. */
    public List<RatedResult> ratedResults(String suite) {
        return list(dataSource, "SELECT r.suite, t.run_id, t.case_key, t.rating, x.passed, x.assertions FROM ratings t"
                + " JOIN results x ON x.run_id = t.run_id AND x.case_key = t.case_key JOIN runs r ON r.id = t.run_id"
                + (suite == null ? "" : " WHERE r.suite = ?") + " ORDER BY r.suite, t.rated_at",
                rs -> new RatedResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getBoolean(5),
                        read(rs.getString(6), new TypeReference<List<AssertionResult>>() {
                        })),
                suite == null ? new Object[0] : new Object[] {suite});
    }

    private long count(String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    private void results(String sql, Consumer<CaseResult> each, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.setFetchSize(500);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    each.accept(new CaseResult(rs.getString(1), rs.getString(2), rs.getString(3), rs.getInt(4), rs.getString(5),
                            rs.getString(6), rs.getString(7), rs.getString(8), read(rs.getString(9), new TypeReference<Map<String, Object>>() {
                            }), rs.getString(10), rs.getBoolean(11), rs.getDouble(12), rs.getString(13), rs.getString(14),
                            (Long) rs.getObject(15, Long.class), (Integer) rs.getObject(16, Integer.class),
                            (Integer) rs.getObject(17, Integer.class), (Double) rs.getObject(18, Double.class), rs.getBoolean(19),
                            read(rs.getString(20), new TypeReference<List<AssertionResult>>() {
                            })));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public List<CaseResult> results(String runId) {
        List<CaseResult> out = new ArrayList<>();
        results(runId, out::add);
        return out;
    }

    /** A person's verdict on one output: +1 (thumbs up) or -1 (thumbs down), with an optional comment. */
    public record Rating(String caseKey, int rating, String comment, String ratedBy, Instant ratedAt) {

        public Rating {
            if (rating != 1 && rating != -1) {
                throw new IllegalArgumentException("a rating is +1 or -1");
            }
        }
    }

    /** Rates a result, replacing an earlier rating of it; an unknown result is a clear error. */
    public void rate(String runId, String caseKey, int rating, String comment, String ratedBy) {
        if (result(runId, caseKey).isEmpty()) {
            throw OroException.notFound("result-not-found", "run '" + runId + "' has no result '" + caseKey + "'");
        }
        if (rating != 1 && rating != -1) {
            throw OroException.invalid("bad-rating", "field 'rating' must be 1 (thumbs up) or -1 (thumbs down), got " + rating);
        }
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM ratings WHERE run_id = ? AND case_key = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO ratings (run_id, case_key, rating, comment, rated_by,"
                            + " rated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                bind(delete, new Object[] {runId, caseKey});
                delete.executeUpdate();
                bind(insert, new Object[] {runId, caseKey, rating, comment, ratedBy, now});
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public List<Rating> ratings(String runId) {
        return list(dataSource, "SELECT case_key, rating, comment, rated_by, rated_at FROM ratings WHERE run_id = ? ORDER BY case_key",
                rs -> new Rating(rs.getString(1), rs.getInt(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant()), runId);
    }

    public Optional<String> cached(String key) {
        try (Connection c = dataSource.getConnection();
                PreparedStatement s = c.prepareStatement("SELECT response FROM response_cache WHERE cache_key = ?")) {
            s.setString(1, key);
            try (ResultSet rs = s.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    public void cache(String key, String response) {
        try {
            update("INSERT INTO response_cache (cache_key, response, created_at) VALUES (?, ?, ?)", key, response,
                    Timestamp.from(Instant.now()));
        } catch (OroException e) {
            if (!(e.getCause() instanceof SQLException s && isDuplicate(s))) {
                throw e;
            }
        }
    }

    private List<RunInfo> runs(String sql, Object... params) {
        return list(dataSource, sql, rs -> {
            Timestamp finished = rs.getTimestamp(6);
            return new RunInfo(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getTimestamp(5).toInstant(),
                    finished == null ? null : finished.toInstant());
        }, params);
    }

    /** Reads one value from a result set's current row. */
    @FunctionalInterface
    interface Row<T> {
        T read(ResultSet rs) throws SQLException;
    }

    /** Every row of a query, each read into a value; the store's one loop over a result set. */
    static <T> List<T> list(DataSource dataSource, String sql, Row<T> row, Object... params) {
        List<T> out = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            try (ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    out.add(row.read(rs));
                }
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return out;
    }

    private void update(String sql, Object... params) {
        update(dataSource, sql, params);
    }

    /** One statement on its own connection; the store's tables are written one row or batch at a time. */
    static void update(DataSource dataSource, String sql, Object... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            bind(s, params);
            s.executeUpdate();
        } catch (SQLException e) {
            throw failure(e);
        }
    }

    static void bind(PreparedStatement s, Object[] values) throws SQLException {
        for (int i = 0; i < values.length; i++) {
            if (values[i] == null) {
                s.setNull(i + 1, Types.NULL);
            } else {
                s.setObject(i + 1, values[i]);
            }
        }
    }

    /** 23505 is the SQL standard's unique violation, on H2 and PostgreSQL alike. */
    private static boolean isDuplicate(SQLException e) {
        return "23505".equals(e.getSQLState());
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static <T> T read(String json, TypeReference<T> type) {
        try {
            return json == null ? null : JSON.readValue(json, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored JSON is unreadable", e);
        }
    }

    static OroException failure(SQLException e) {
        return new OroException(OroException.Kind.UNAVAILABLE, "database", "the database failed: " + e.getMessage(), null, e);
    }
}
