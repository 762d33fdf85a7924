package dev.oro.store;

import dev.oro.OroException;
import java.net.InetAddress;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.UUID;
import javax.sql.DataSource;

/**
 * One process at a time runs a run. Its lease is a row with an owner ({@code host/pid/token})
 * and a heartbeat in the database's clock, so processes on several machines sharing one
 * PostgreSQL agree on it. A second process is refused while the owner lives; it may take the
 * lease over once the heartbeat is older than the expiry, or at once when the owner was a
 * process of this host that is gone (killed with kill -9).
 */
public final class RunLeases {

    /** A crashed owner on another machine blocks its run this long after its last heartbeat. */
    public static final Duration EXPIRY = Duration.ofSeconds(30);

    private static final String HOST = host();

    private final DataSource dataSource;
    private final Duration expiry;

    public RunLeases(DataSource dataSource) {
        this(dataSource, EXPIRY);
    }

    RunLeases(DataSource dataSource, Duration expiry) {
        this.dataSource = dataSource;
        this.expiry = expiry;
    }

    /** A held lease; {@link #heartbeat(Lease)} renews it and {@link #release(Lease)} gives it up. */
    public record Lease(String runId, String owner) {
    }

    /** Heartbeats this often keep a lease from expiring. */
    public Duration heartbeatEvery() {
        return expiry.dividedBy(3);
    }

    /** Refuses, with who holds it, when another live process runs {@code runId}. */
    public void check(String runId) {
        try (Connection c = dataSource.getConnection()) {
            Holder holder = holder(c, runId);
            if (holder != null && !holder.takeable(expiry)) {
                throw holder.refusal(runId, expiry);
            }
        } catch (SQLException e) {
            throw RunStore.failure(e);
        }
    }

    /** Takes the lease of {@code runId}, or refuses as {@link #check(String)} does. */
    public Lease acquire(String runId) {
        String owner = HOST + "/" + ProcessHandle.current().pid() + "/" + UUID.randomUUID().toString().substring(0, 8);
        try (Connection c = dataSource.getConnection()) {
            for (int attempt = 0; attempt < 3; attempt++) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO run_leases (run_id, owner, heartbeat_at) VALUES (?, ?, CURRENT_TIMESTAMP)")) {
                    insert.setString(1, runId);
                    insert.setString(2, owner);
                    insert.executeUpdate();
                    return new Lease(runId, owner);
                } catch (SQLException e) {
                    if (!"23505".equals(e.getSQLState())) {
                        throw e;
                    }
                }
                Holder holder = holder(c, runId);
                if (holder == null) {
                    continue; // released meanwhile: insert again
                }
                if (!holder.takeable(expiry)) {
                    throw holder.refusal(runId, expiry);
                }
                // Only one of several processes taking over a stale lease matches the old owner.
                try (PreparedStatement takeOver = c.prepareStatement(
                        "UPDATE run_leases SET owner = ?, heartbeat_at = CURRENT_TIMESTAMP WHERE run_id = ? AND owner = ?")) {
                    takeOver.setString(1, owner);
                    takeOver.setString(2, runId);
                    takeOver.setString(3, holder.owner());
                    if (takeOver.executeUpdate() == 1) {
                        return new Lease(runId, owner);
                    }
                }
            }
            Holder holder = holder(c, runId);
            throw holder != null ? holder.refusal(runId, expiry)
                    : OroException.conflict("run-in-progress", "run " + runId + " is being claimed by another process; try again");
        } catch (SQLException e) {
            throw RunStore.failure(e);
        }
    }

    /** Renews the lease; false when another process has taken it over. */
    public boolean heartbeat(Lease lease) {
        return update("UPDATE run_leases SET heartbeat_at = CURRENT_TIMESTAMP WHERE run_id = ? AND owner = ?", lease) == 1;
    }

    public void release(Lease lease) {
        update("DELETE FROM run_leases WHERE run_id = ? AND owner = ?", lease);
    }

    private int update(String sql, Lease lease) {
        try (Connection c = dataSource.getConnection(); PreparedStatement s = c.prepareStatement(sql)) {
            s.setString(1, lease.runId());
            s.setString(2, lease.owner());
            return s.executeUpdate();
        } catch (SQLException e) {
            throw RunStore.failure(e);
        }
    }

    /** The owner of a lease and how old its heartbeat is, by the database's clock. */
    private record Holder(String owner, Duration age) {

        boolean takeable(Duration expiry) {
            return age.compareTo(expiry) > 0 || goneFromThisHost();
        }

        private boolean goneFromThisHost() {
            String[] parts = owner.split("/");
            if (parts.length != 3 || !parts[0].equals(HOST)) {
                return false;
            }
            try {
                return ProcessHandle.of(Long.parseLong(parts[1])).map(p -> !p.isAlive()).orElse(true);
            } catch (NumberFormatException e) {
                return false;
            }
        }

        OroException refusal(String runId, Duration expiry) {
            String[] parts = owner.split("/");
            String who = parts.length == 3 ? "the Oro process " + parts[1] + " on " + parts[0] : "another Oro process";
            return OroException.conflict("run-in-progress", "run " + runId + " is being run by " + who + " (last heartbeat "
                    + Math.max(0, age.toSeconds()) + " s ago); wait for it to finish, or stop it and resume the run; if that process"
                    + " died, the run can be resumed " + expiry.toSeconds() + " s after its last heartbeat");
        }
    }

    private static Holder holder(Connection c, String runId) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT owner, heartbeat_at, CURRENT_TIMESTAMP FROM run_leases WHERE run_id = ?")) {
            s.setString(1, runId);
            try (ResultSet rs = s.executeQuery()) {
                if (!rs.next()) {
                    return null;
                }
                OffsetDateTime beat = rs.getObject(2, OffsetDateTime.class);
                OffsetDateTime now = rs.getObject(3, OffsetDateTime.class);
                return new Holder(rs.getString(1), Duration.between(beat, now));
            }
        }
    }

    private static String host() {
        try {
            return InetAddress.getLocalHost().getHostName().replace("/", "_");
        } catch (java.io.IOException | RuntimeException e) {
            return "unknown-host";
        }
    }
}
