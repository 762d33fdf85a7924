package dev.oro.store;

import javax.sql.DataSource;

/** Annotations on a real PostgreSQL server; skipped without {@code ORO_TEST_PG_URL} outside CI. */
class PostgresAnnotationStoreTest extends AnnotationStoreContract {

    @Override
    DataSource openEmpty() throws Exception {
        return TestPostgres.open("oro_annotation_test");
    }
}
