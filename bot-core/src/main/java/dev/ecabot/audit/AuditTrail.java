package dev.ecabot.audit;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.store.SqlTime;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;

/**
 * The append-only audit trail in the bot's database: record an event, read an app's history or the latest
 * events. There is deliberately no update or delete; the database refuses them too (migration V22), and each
 * event is chained to the one before by a hash ({@link AuditChain}, checked by {@code ecabot audit verify}).
 * Thread-safe.
 */
public final class AuditTrail {

    private static final String COLUMNS = "occurred_at, kind, actor, org, api_name, reference, detail";

    private final DataSource dataSource;

    public AuditTrail(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    public void record(AuditEvent event) {
        try (Connection c = dataSource.getConnection()) {
            record(c, event);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not write the audit trail: " + e.getMessage(), e);
        }
    }

    /**
     * Records within the caller's transaction, so the event commits (or not) with the change it describes. The
     * event joins the hash chain ({@link AuditChain}); the chain's head stays locked until the transaction ends.
     */
    public void record(Connection c, AuditEvent event) throws SQLException {
        if (!c.getAutoCommit()) {
            AuditChain.append(c, event, COLUMNS);
            return;
        }
        c.setAutoCommit(false);
        try {
            AuditChain.append(c, event, COLUMNS);
            c.commit();
        } catch (SQLException | RuntimeException e) {
            c.rollback();
            throw e;
        } finally {
            c.setAutoCommit(true);
        }
    }

    /** The history of one app, oldest first. */
    public List<AuditEvent> forApp(String org, String apiName) {
        return query("SELECT " + COLUMNS + " FROM audit_events WHERE org = ? AND api_name = ? ORDER BY event_id",
                org, apiName);
    }

    /** When each app last saw an event of {@code kind}, keyed by "org/apiName" (apps without one are absent). */
    public java.util.Map<String, java.time.Instant> latestByApp(AuditKind kind) {
        java.util.Map<String, java.time.Instant> out = new java.util.HashMap<>();
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT org, api_name,"
                + " MAX(occurred_at) AS occurred_at FROM audit_events WHERE kind = ? AND api_name IS NOT NULL GROUP BY org, api_name")) {
            ps.setString(1, kind.name());
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.put(rs.getString(1) + "/" + rs.getString(2), SqlTime.get(rs, "occurred_at"));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail: " + e.getMessage(), e);
        }
    }

    /** The latest {@code n} events, newest first. */
    public List<AuditEvent> recent(int n) {
        return recent(0, n);
    }

    /** Like {@link #recent(int)} after skipping the {@code skip} newest: one page of the trail, newest first. */
    public List<AuditEvent> recent(int skip, int n) {
        if (n <= 0) return List.of();
        return query("SELECT " + COLUMNS + " FROM audit_events ORDER BY event_id DESC OFFSET " + Math.max(0, skip)
                + " ROWS FETCH NEXT " + Math.min(n, 10_000) + " ROWS ONLY");
    }

    /** How many events the trail holds. */
    public int count() {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_events");
             ResultSet rs = ps.executeQuery()) {
            rs.next();
            return rs.getInt(1);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the audit trail: " + e.getMessage(), e);
        }
    }

    private List<AuditEvent> query(String sql, String... params) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            List<AuditEvent> events = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    String actor = rs.getString(3);
                    events.add(new AuditEvent(SqlTime.get(rs, "occurred_at"),
                            AuditKind.valueOf(rs.getString(2)), actor == null ? null : ChatUserRef.parse(actor),
                            rs.getString(4), rs.getString(5), rs.getString(6), rs.getString(7)));
                }
            }
            return events;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the audit trail: " + e.getMessage(), e);
        }
    }
}
