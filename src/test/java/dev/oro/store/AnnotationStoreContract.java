package dev.oro.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.oro.OroException;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What every database behind {@link AnnotationStore} must do, as {@link RunStoreContract} does for runs. */
abstract class AnnotationStoreContract {

    DataSource dataSource;
    AnnotationStore store;

    abstract DataSource openEmpty() throws Exception;

    @BeforeEach
    void open() throws Exception {
        dataSource = openEmpty();
        store = new AnnotationStore(dataSource);
    }

    @AfterEach
    void close() throws Exception {
        TestPostgres.close(dataSource);
    }

    @Test
    void should_keep_one_current_annotation_per_item_and_merge_changes() {
        assertThat(store.annotation("run:r1", "k1").decision()).isNull();
        store.save(store.annotation("run:r1", "k1").withDecision(Annotation.REJECTED));
        store.save(store.annotation("run:r1", "k1").withNote("wrong <b>unit</b>"));
        Annotation a = store.annotation("run:r1", "k1");
        assertThat(a.decision()).isEqualTo("rejected");
        assertThat(a.note()).isEqualTo("wrong <b>unit</b>");
        assertThat(a.annotatedAt()).isNotNull();

        store.save(a.withIdeal("42 km"));
        Annotation edited = store.annotation("run:r1", "k1");
        assertThat(edited.accepted()).isTrue();
        assertThat(edited.ideal()).isEqualTo("42 km");
        assertThat(edited.note()).isEqualTo("wrong <b>unit</b>");
        store.save(Annotation.none("run:r2", "k1").withDecision(Annotation.ACCEPTED));
        assertThat(store.annotations("run:r1")).containsOnlyKeys("k1");
        assertThat(store.annotations("run:r2").get("k1").ideal()).isNull();
    }

    @Test
    void should_freeze_a_queue_and_remember_its_position() {
        AnnotationQueue q = store.createQueue("run:r1", "failures", List.of("b", "a", "c"));
        assertThat(store.requireQueue(q.id()).items()).containsExactly("b", "a", "c");
        assertThat(store.requireQueue(q.id()).position()).isZero();
        store.move(q.id(), 2);
        assertThat(store.requireQueue(q.id()).position()).isEqualTo(2);
        store.move(q.id(), 99);
        assertThat(store.requireQueue(q.id()).position()).isEqualTo(2);
        store.move(q.id(), -1);
        assertThat(store.requireQueue(q.id()).position()).isZero();
        AnnotationQueue newer = store.createQueue("drafts:evals/data/x.yaml", "drafts", List.of("x.yaml:1"));
        assertThat(store.queues(10)).extracting(AnnotationQueue::id).contains(q.id(), newer.id());
        assertThatThrownBy(() -> store.requireQueue("nope")).isInstanceOf(OroException.class)
                .hasMessage("no annotation queue with id 'nope'");
    }
}
