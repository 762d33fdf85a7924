package dev.oro.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

/** The store on the default database: an H2 file. */
class H2RunStoreTest extends RunStoreContract {

    @TempDir
    Path dir;

    @Override
    DataSource openEmpty() {
        return Database.open(dir.resolve("data"), java.util.Map.of());
    }
}
