package dev.oro.store;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.oro.OroException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * Annotations and annotation queues in plain JDBC, beside {@link RunStore} on the same database
 * (H2 or PostgreSQL). Saving an annotation replaces the item's earlier one in one transaction.
 */
public final class AnnotationStore {

    private static final ObjectMapper JSON = new ObjectMapper();
    private final DataSource dataSource;

    public AnnotationStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public Annotation save(Annotation a) {
        Annotation stamped = new Annotation(a.source(), a.itemKey(), a.decision(), a.ideal(), a.note(), Instant.now());
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try (PreparedStatement delete = c.prepareStatement("DELETE FROM annotations WHERE source = ? AND item_key = ?");
                    PreparedStatement insert = c.prepareStatement("INSERT INTO annotations (source, item_key, decision, ideal, note,"
                            + " annotated_at) VALUES (?, ?, ?, ?, ?, ?)")) {
                bind(delete, a.source(), a.itemKey());
                delete.executeUpdate();
                bind(insert, a.source(), a.itemKey(), a.decision(), a.ideal(), a.note(), Timestamp.from(stamped.annotatedAt()));
                insert.executeUpdate();
                c.commit();
            } catch (SQLException e) {
                c.rollback();
                throw e;
            }
        } catch (SQLException e) {
            throw failure(e);
        }
        return stamped;
    }

    /** The item's annotation, or an empty one. */
    public Annotation annotation(String source, String itemKey) {
        List<Annotation> found = query("SELECT source, item_key, decision, ideal, note, annotated_at FROM annotations"
                + " WHERE source = ? AND item_key = ?", source, itemKey);
        return found.isEmpty() ? Annotation.none(source, itemKey) : found.get(0);
    }

    /** Every annotation of a source by item key. */
    public Map<String, Annotation> annotations(String source) {
        Map<String, Annotation> out = new LinkedHashMap<>();
        for (Annotation a : query("SELECT source, item_key, decision, ideal, note, annotated_at FROM annotations WHERE source = ?"
                + " ORDER BY item_key", source)) {
            out.put(a.itemKey(), a);
        }
        return out;
    }

    public AnnotationQueue createQueue(String source, String filter, List<String> items) {
        AnnotationQueue q = new AnnotationQueue(UUID.randomUUID().toString(), source, filter, items, 0, Instant.now());
        update("INSERT INTO annotation_queues (id, source, filter, items, position, created_at) VALUES (?, ?, ?, ?, ?, ?)",
                q.id(), q.source(), q.filter(), json(q.items()), 0, Timestamp.from(q.createdAt()));
        return q;
    }

    public Optional<AnnotationQueue> queue(String id) {
        return queues("SELECT id, source, filter, items, position, created_at FROM annotation_queues WHERE id = ?", id).stream().findFirst();
    }

    public AnnotationQueue requireQueue(String id) {
        return queue(id).orElseThrow(() -> OroException.notFound("queue-not-found", "no annotation queue with id '" + id + "'"));
    }

    /** The newest queues first. */
    public List<AnnotationQueue> queues(int limit) {
        return queues("SELECT id, source, filter, items, position, created_at FROM annotation_queues ORDER BY created_at DESC LIMIT "
                + Math.max(1, limit));
    }

    /** Remembers where the person is, clamped to the queue, so leaving and coming back resumes there. */
    public void move(String id, int position) {
        AnnotationQueue q = requireQueue(id);
        update("UPDATE annotation_queues SET position = ? WHERE id = ?", Math.max(0, Math.min(position, q.size() - 1)), id);
    }

    private List<Annotation> query(String sql, Object... params) {
        return RunStore.list(dataSource, sql, rs -> new Annotation(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4),
                rs.getString(5), rs.getTimestamp(6).toInstant()), params);
    }

    private List<AnnotationQueue> queues(String sql, Object... params) {
        return RunStore.list(dataSource, sql, rs -> new AnnotationQueue(rs.getString(1), rs.getString(2), rs.getString(3),
                read(rs.getString(4)), rs.getInt(5), rs.getTimestamp(6).toInstant()), params);
    }

    private void update(String sql, Object... params) {
        RunStore.update(dataSource, sql, params);
    }

    private static void bind(PreparedStatement s, Object... values) throws SQLException {
        RunStore.bind(s, values);
    }

    private static String json(List<String> items) {
        try {
            return JSON.writeValueAsString(items);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<String> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<String>>() {
            });
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("stored queue items are unreadable", e);
        }
    }

    private static OroException failure(SQLException e) {
        return RunStore.failure(e);
    }
}
