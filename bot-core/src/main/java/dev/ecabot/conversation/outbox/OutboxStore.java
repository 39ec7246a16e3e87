package dev.ecabot.conversation.outbox;

import dev.ecabot.conversation.ChatAddress;
import dev.ecabot.conversation.message.ChatMessage;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The outbox table (chat_outbox, migration V70): one row per send, its state (PENDING, SENT, DEAD, SUPERSEDED),
 * attempts, the next try and the platform's id once sent. Claims (claimed_by / claimed_until) let several
 * instances share the table: a row is sent by the one that claimed it; a claim not renewed in time is taken over.
 * Thread-safe.
 */
final class OutboxStore {

    /** A message posted, a message edited, a person's home surface shown again (nothing stored but who). */
    enum Kind { POST, EDIT, HOME }

    enum Status { PENDING, SENT, DEAD, SUPERSEDED }

    record Row(long id, String destination, Kind kind, ChatAddress address, ChatMessage message, Long targetId,
               String targetRef, boolean notice, Status status, int attempts, Instant nextAttemptAt,
               Instant deadAfter, Instant createdAt, String platformRef, String lastError) { }

    private static final String COLUMNS = "id, destination, kind, address_json, message_json, target_id, target_ref, "
            + "notice, status, attempts, next_attempt_at, dead_after, created_at, platform_ref, last_error";
    private static final String O_COLUMNS = COLUMNS.replaceAll("(^|, )", "$1o.");

    private final DataSource dataSource;
    private final OutboxCodec codec = new OutboxCodec();

    OutboxStore(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Adds a send; for an edit, pending older edits of the same message that nobody is sending are superseded. */
    long add(String destination, Kind kind, ChatAddress address, ChatMessage message, Long targetId, String targetRef,
             boolean notice, Instant now, Instant deadAfter) {
        String sql = "INSERT INTO chat_outbox (destination, kind, address_json, message_json, target_id, target_ref, "
                + "notice, status, attempts, next_attempt_at, dead_after, created_at) "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, 'PENDING', 0, ?, ?, ?)";
        try (Connection c = dataSource.getConnection()) {
            c.setAutoCommit(false);
            try {
                if (kind == Kind.EDIT) supersedeEdits(c, targetId, targetRef, now);
                if (kind == Kind.HOME) supersedeHomes(c, destination, now);
                long id;
                try (PreparedStatement insert = c.prepareStatement(sql, Statement.RETURN_GENERATED_KEYS)) {
                    insert.setString(1, destination);
                    insert.setString(2, kind.name());
                    insert.setString(3, codec.write(address));
                    insert.setString(4, codec.write(message));
                    if (targetId == null) insert.setNull(5, Types.BIGINT); else insert.setLong(5, targetId);
                    insert.setString(6, targetRef);
                    insert.setBoolean(7, notice);
                    insert.setTimestamp(8, Timestamp.from(now));
                    insert.setTimestamp(9, Timestamp.from(deadAfter));
                    insert.setTimestamp(10, Timestamp.from(now));
                    insert.executeUpdate();
                    try (ResultSet keys = insert.getGeneratedKeys()) {
                        keys.next();
                        id = keys.getLong(1);
                    }
                }
                c.commit();
                return id;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(true);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not queue a message in the outbox: " + e.getMessage(), e);
        }
    }

    /** A home shown again shows everything current: older refreshes of it that nobody is sending are not needed. */
    private static void supersedeHomes(Connection c, String destination, Instant now) throws SQLException {
        try (PreparedStatement update = c.prepareStatement("UPDATE chat_outbox SET status = 'SUPERSEDED' "
                + "WHERE status = 'PENDING' AND kind = 'HOME' AND destination = ?"
                + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
            update.setString(1, destination);
            update.setTimestamp(2, Timestamp.from(now));
            update.executeUpdate();
        }
    }

    private static void supersedeEdits(Connection c, Long targetId, String targetRef, Instant now) throws SQLException {
        String where = targetId != null ? "target_id = ?" : "target_ref = ?";
        try (PreparedStatement update = c.prepareStatement("UPDATE chat_outbox SET status = 'SUPERSEDED' "
                + "WHERE status = 'PENDING' AND kind = 'EDIT' AND " + where
                + " AND (claimed_until IS NULL OR claimed_until < ?)")) {
            if (targetId != null) update.setLong(1, targetId); else update.setString(1, targetRef);
            update.setTimestamp(2, Timestamp.from(now));
            update.executeUpdate();
        }
    }

    /**
     * The oldest pending row of each destination, when it is due and nobody holds it: the only rows that may be sent
     * now (a destination's later rows wait for it, so each conversation sees its messages in order).
     */
    List<Row> headsDue(Instant now, int limit) {
        // The heads come from one grouped pass over the pending index (status, destination, id). A subquery per
        // pending row (MIN(id) of its destination) cost 1.3 s a poll with 10,000 queued on H2, and the sender
        // polls after every send: the outbox moved ~100 messages a second (figure 9 of docs/performance.md).
        String sql = "SELECT " + O_COLUMNS + " FROM chat_outbox o JOIN (SELECT MIN(p.id) AS head_id "
                + "FROM chat_outbox p WHERE p.status = 'PENDING' GROUP BY p.destination) h ON o.id = h.head_id "
                + "WHERE o.next_attempt_at <= ? AND (o.claimed_until IS NULL OR o.claimed_until < ?) ORDER BY o.id";
        try (Connection c = dataSource.getConnection(); PreparedStatement select = c.prepareStatement(sql)) {
            select.setTimestamp(1, Timestamp.from(now));
            select.setTimestamp(2, Timestamp.from(now));
            select.setMaxRows(limit);
            List<Row> rows = new ArrayList<>();
            try (ResultSet rs = select.executeQuery()) {
                while (rs.next()) rows.add(row(rs));
            }
            return rows;
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox: " + e.getMessage(), e);
        }
    }

    /** Takes a row for {@code instance} until {@code until}; false when another instance holds it or it is done. */
    boolean claim(long id, String instance, Instant now, Instant until) {
        return update("UPDATE chat_outbox SET claimed_by = ?, claimed_until = ? WHERE id = ? AND status = 'PENDING' "
                + "AND (claimed_until IS NULL OR claimed_until < ? OR claimed_by = ?)", ps -> {
            ps.setString(1, instance);
            ps.setTimestamp(2, Timestamp.from(until));
            ps.setLong(3, id);
            ps.setTimestamp(4, Timestamp.from(now));
            ps.setString(5, instance);
        }) == 1;
    }

    /** A failed try: counted, with the platform's error code, the next try's time and the claim held until then. */
    void retryLater(long id, String instance, String error, Instant next, Instant claimUntil) {
        update("UPDATE chat_outbox SET attempts = attempts + 1, last_error = ?, next_attempt_at = ?, claimed_until = ? "
                + "WHERE id = ? AND claimed_by = ? AND status = 'PENDING'", ps -> {
            ps.setString(1, abbreviate(error));
            ps.setTimestamp(2, Timestamp.from(next));
            ps.setTimestamp(3, Timestamp.from(claimUntil));
            ps.setLong(4, id);
            ps.setString(5, instance);
        });
    }

    /** Delivered: the platform's id is kept so later edits of this message find it. Only the first marking counts. */
    boolean markSent(long id, String platformRef, Instant now) {
        return update("UPDATE chat_outbox SET status = 'SENT', platform_ref = ?, sent_at = ?, attempts = attempts + 1, "
                + "claimed_until = NULL WHERE id = ? AND status = 'PENDING'", ps -> {
            ps.setString(1, platformRef);
            ps.setTimestamp(2, Timestamp.from(now));
            ps.setLong(3, id);
        }) == 1;
    }

    /** Given up: the row stays, with why, for the admins to see. Only the first marking counts. */
    boolean markDead(long id, String error) {
        return update("UPDATE chat_outbox SET status = 'DEAD', last_error = ?, attempts = attempts + 1, "
                + "claimed_until = NULL WHERE id = ? AND status = 'PENDING'", ps -> {
            ps.setString(1, abbreviate(error));
            ps.setLong(2, id);
        }) == 1;
    }

    /** Lets go of a row without counting a try (this instance stops), so another instance can send it at once. */
    void release(long id, String instance) {
        update("UPDATE chat_outbox SET claimed_until = NULL WHERE id = ? AND claimed_by = ? AND status = 'PENDING'", ps -> {
            ps.setLong(1, id);
            ps.setString(2, instance);
        });
    }

    void releaseAll() {
        update("UPDATE chat_outbox SET claimed_until = NULL, claimed_by = NULL WHERE status = 'PENDING'", ps -> { });
    }

    Optional<Row> find(long id) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT " + COLUMNS + " FROM chat_outbox WHERE id = ?")) {
            select.setLong(1, id);
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(row(rs)) : Optional.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the outbox: " + e.getMessage(), e);
        }
    }

    /** How many rows are in {@code status} (all destinations). */
    int count(Status status) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT COUNT(*) FROM chat_outbox WHERE status = ?")) {
            select.setString(1, status.name());
            try (ResultSet rs = select.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not count the outbox: " + e.getMessage(), e);
        }
    }

    private Row row(ResultSet rs) throws SQLException {
        long target = rs.getLong(6);
        Long targetId = rs.wasNull() ? null : target;
        return new Row(rs.getLong(1), rs.getString(2), Kind.valueOf(rs.getString(3)), codec.readAddress(rs.getString(4)),
                codec.readMessage(rs.getString(5)), targetId, rs.getString(7), rs.getBoolean(8),
                Status.valueOf(rs.getString(9)), rs.getInt(10), rs.getTimestamp(11).toInstant(),
                rs.getTimestamp(12).toInstant(), rs.getTimestamp(13).toInstant(), rs.getString(14), rs.getString(15));
    }

    @FunctionalInterface
    private interface Binder {
        void bind(PreparedStatement ps) throws SQLException;
    }

    private int update(String sql, Binder binder) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            binder.bind(ps);
            return ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not update the outbox: " + e.getMessage(), e);
        }
    }

    private static String abbreviate(String text) {
        if (text == null) return null;
        return text.length() <= 480 ? text : text.substring(0, 477) + "...";
    }
}
