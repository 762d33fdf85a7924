package dev.oro.store;

import static org.assertj.core.api.Assertions.fail;

import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Assumptions;

/**
 * The PostgreSQL server of the tests, named by {@code ORO_TEST_PG_URL}, {@code ORO_TEST_PG_USER}
 * and {@code ORO_TEST_PG_PASSWORD} ({@code .ci/run} starts one). Without them a test is
 * skipped on a developer's machine but fails in CI, so a broken CI cannot skip it silently.
 */
public final class TestPostgres {

    private TestPostgres() {
    }

    /** The {@code ORO_DB_*} environment of an empty schema of its own, so test classes never share tables. */
    public static Map<String, String> freshSchema(String schema) throws Exception {
        String url = System.getenv("ORO_TEST_PG_URL");
        if (url == null || url.isBlank()) {
            String ci = System.getenv("CI");
            if (ci != null && !ci.isBlank() && !ci.equalsIgnoreCase("false")) {
                fail("CI is set but ORO_TEST_PG_URL is not: .ci/run must start PostgreSQL and export ORO_TEST_PG_*");
            }
            Assumptions.abort("no PostgreSQL for the tests: set ORO_TEST_PG_URL, ORO_TEST_PG_USER and ORO_TEST_PG_PASSWORD");
        }
        String user = System.getenv().getOrDefault("ORO_TEST_PG_USER", "");
        String password = System.getenv().getOrDefault("ORO_TEST_PG_PASSWORD", "");
        try (Connection c = DriverManager.getConnection(url, user, password); Statement s = c.createStatement()) {
            s.execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            s.execute("CREATE SCHEMA " + schema);
        }
        String inSchema = url + (url.contains("?") ? "&" : "?") + "currentSchema=" + schema;
        return Map.of("ORO_DB_URL", inSchema, "ORO_DB_USER", user, "ORO_DB_PASSWORD", password);
    }

    /** A migrated, pooled data source on a fresh schema, opened as the CLI opens it. */
    public static DataSource open(String schema) throws Exception {
        return Database.open(Path.of("unused-with-postgres"), freshSchema(schema));
    }

    public static void close(DataSource dataSource) throws Exception {
        if (dataSource instanceof AutoCloseable closeable) {
            closeable.close();
        }
    }
}
