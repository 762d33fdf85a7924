package dev.oro.store;

import dev.oro.OroException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;

/**
 * Opens Oro's database outside the server (the CLI runs without Quarkus): the same H2 file
 * the server uses, migrated by the same Flyway scripts.
 */
public final class Database {

    private Database() {
    }

    public static DataSource openH2(Path dataDir) {
        try {
            Files.createDirectories(dataDir);
        } catch (java.io.IOException e) {
            throw OroException.invalid("bad-data-dir", "cannot create the data folder " + dataDir + ": " + e.getMessage());
        }
        // DB_CLOSE_DELAY=-1 keeps the database open between connections (else every write would
        // reopen the file), and the pool lets the runner's workers write side by side.
        JdbcConnectionPool h2 = JdbcConnectionPool.create("jdbc:h2:file:" + dataDir.toAbsolutePath().resolve("oro")
                + ";DB_CLOSE_ON_EXIT=FALSE;DB_CLOSE_DELAY=-1", "oro", "");
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

    public static void migrate(DataSource dataSource) {
        Flyway.configure(Database.class.getClassLoader()).dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    }
}
