package dev.oro.eval;

import dev.oro.store.TestPostgres;
import javax.sql.DataSource;

/** Every runner test, the resumed run included, on a real PostgreSQL server instead of H2. */
class PostgresRunnerTest extends RunnerTest {

    @Override
    DataSource openDatabase() throws Exception {
        return TestPostgres.open("oro_runner_test");
    }
}
