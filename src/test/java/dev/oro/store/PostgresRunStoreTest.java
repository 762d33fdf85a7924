package dev.oro.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.OroException;
import java.nio.file.Path;
import java.util.Map;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The store on a real PostgreSQL server, each test on a fresh schema migrated by the same Flyway scripts. */
class PostgresRunStoreTest extends RunStoreContract {

    @Override
    DataSource openEmpty() throws Exception {
        return TestPostgres.open("oro_store_test");
    }

    @Test
    void should_name_an_unreachable_server_without_its_password() {
        Map<String, String> env = Map.of("ORO_DB_URL", "jdbc:postgresql://127.0.0.1:1/oro?password=s3cret&connectTimeout=2",
                "ORO_DB_USER", "oro", "ORO_DB_PASSWORD", "hunter2");
        assertThatThrownBy(() -> Database.open(Path.of("unused"), env)).isInstanceOf(OroException.class)
                .hasMessageStartingWith("cannot use the PostgreSQL database at jdbc:postgresql://127.0.0.1:1/oro?password=***&connectTimeout=2 as oro: ")
                .hasMessageContaining("check that the server runs").hasMessageNotContainingAny("s3cret", "hunter2")
                .satisfies(e -> assertThat(((OroException) e).kind()).isEqualTo(OroException.Kind.UNAVAILABLE));
    }

    @Test
    void should_refuse_a_url_of_another_database() {
        assertThatThrownBy(() -> Database.open(Path.of("data"), Map.of("ORO_DB_URL", "jdbc:mysql://db/oro")))
                .hasMessageStartingWith("ORO_DB_URL must be a PostgreSQL URL");
    }
}
