package dev.oro.store;

import java.nio.file.Path;
import javax.sql.DataSource;
import org.junit.jupiter.api.io.TempDir;

class H2AnnotationStoreTest extends AnnotationStoreContract {

    @TempDir
    Path dir;

    @Override
    DataSource openEmpty() {
        return Database.open(dir.resolve("data"), java.util.Map.of());
    }
}
