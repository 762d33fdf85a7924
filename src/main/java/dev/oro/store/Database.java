package dev.oro.store;

import dev.oro.OroException;
import io.agroal.api.AgroalDataSource;
import io.agroal.api.configuration.supplier.AgroalDataSourceConfigurationSupplier;
import io.agroal.api.security.NamePrincipal;
import io.agroal.api.security.SimplePassword;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import java.time.Duration;
import java.util.Map;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Opens Oro's database outside the server (the CLI runs without Quarkus): an H2 file in the
 * data folder by default, or PostgreSQL when {@code ORO_DB_URL} names one; both are migrated
 * by the same Flyway scripts.
 */
public final class Database {

    /** Runs write a result per case from many threads; a few connections serve them. */
    private static final int POOL_SIZE = 8;

    private Database() {
    }

    /** PostgreSQL when {@code ORO_DB_URL} is a {@code jdbc:postgresql:} URL, otherwise H2 in {@code dataDir}. */
    public static DataSource open(Path dataDir) {
        return open(dataDir, System.getenv());
    }

    /** As {@link #open(Path)}, reading {@code ORO_DB_URL}, {@code ORO_DB_USER} and {@code ORO_DB_PASSWORD} from {@code env}. */
    public static DataSource open(Path dataDir, Map<String, String> env) {
        String url = env.get("ORO_DB_URL");
        if (url == null || url.isBlank()) {
            return openH2(dataDir);
        }
        if (!url.startsWith("jdbc:postgresql:")) {
            throw OroException.invalid("database", "ORO_DB_URL must be a PostgreSQL URL (jdbc:postgresql://HOST:PORT/DB), not '"
                    + redact(url, null) + "'; unset it to keep the H2 database in " + dataDir);
        }
        return openPostgres(url, env.get("ORO_DB_USER"), env.get("ORO_DB_PASSWORD"));
    }

    public static DataSource openH2(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw OroException.invalid("bad-data-dir", "cannot create the data folder " + dataDir + ": " + e.getMessage());
        }
        // DB_CLOSE_DELAY=-1 keeps the database open between connections (else every write would
        // reopen the file), WRITE_DELAY=0 makes each commit durable at once (a run killed with kill -9
        // keeps every result it reported), and the pool lets the runner's workers write side by side.
        JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("oro")
                + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1;WRITE_DELAY=0", "oro", "");
        h2.setMaxConnections(64);
        try (var ignored = h2.getConnection()) {
            // opened: nobody else holds the file
        } catch (SQLException e) {
            if (String.valueOf(e.getMessage()).contains("already in use") || e.getErrorCode() == 90020) {
                throw new OroException(OroException.Kind.CONFLICT, "database-in-use", "the database in " + dataDir
                        + " is in use by another Oro process (a running `oro serve`?); stop it, or start the run through its API"
                        + " (POST /api/runs), or give this command its own --data-dir", null);
            }
            throw OroException.invalid("database", "cannot open the database in " + dataDir + ": " + e.getMessage());
        }
        migrate(h2);
        return h2;
    }

    /** A small pool on PostgreSQL; the caller may close it (it is an {@link AutoCloseable}). */
    public static AgroalDataSource openPostgres(String url, String user, String password) {
        AgroalDataSourceConfigurationSupplier config = new AgroalDataSourceConfigurationSupplier()
                .connectionPoolConfiguration(pool -> pool.maxSize(POOL_SIZE).acquisitionTimeout(Duration.ofSeconds(30))
                        .connectionFactoryConfiguration(factory -> factory.connectionProviderClass(org.postgresql.Driver.class)
                                .jdbcUrl(url).principal(user == null ? null : new NamePrincipal(user))
                                .credential(password == null ? null : new SimplePassword(password))));
        AgroalDataSource pool = null;
        try {
            pool = AgroalDataSource.from(config);
            try (var ignored = pool.getConnection()) {
                // reachable, and the credentials work
            }
            migrate(pool);
            return pool;
        } catch (SQLException | RuntimeException e) {
            if (pool != null) {
                pool.close();
            }
            throw new OroException(OroException.Kind.UNAVAILABLE, "database", "cannot use the PostgreSQL database at "
                    + redact(url, password) + " as " + (user == null ? "(no ORO_DB_USER)" : user) + ": "
                    + redact(String.valueOf(e.getMessage()), password).replaceFirst("\\.$", "") + "; check that the server runs and that ORO_DB_URL,"
                    + " ORO_DB_USER and ORO_DB_PASSWORD are right, or unset ORO_DB_URL to use the H2 file in the data folder", null);
        }
    }

    public static void migrate(DataSource dataSource) {
        Flyway.configure(Database.class.getClassLoader()).dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }

    /** Hides a password given in the URL's parameters, and the password itself wherever it shows. */
    static String redact(String text, String password) {
        String out = text.replaceAll("(?i)(password=)[^&;]*", "$1***");
        return password == null || password.isEmpty() ? out : out.replace(password, "***");
    }
}
