package dev.ecabot.slack;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The Slack event ids this bot has already processed, kept in the database (table slack_processed_event) so
 * that a retried delivery, a restart or another instance behind the load balancer never handles one twice.
 * The primary key does the deciding: the first insert wins. An event that becomes a turn is recorded by the engine
 * inside the turn's own unit of work ({@link #delivery}), so the row commits with the turn or not at all; the ack path
 * only asks {@link #seen} to drop a retry early. Ids are kept for {@link #RETENTION} (Slack stops retrying after about
 * five minutes). {@code dataSource} must be the bot's joining one ({@code Database.dataSource()}). Thread-safe.
 */
public final class ProcessedEvents {

    static final Duration RETENTION = Duration.ofDays(1);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge;

    public ProcessedEvents(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
        this.lastPurge = new AtomicReference<>(Instant.EPOCH);
    }

    /** Records {@code eventId} now, on its own; true only for the first caller ever to record it. */
    public boolean firstDelivery(String eventId) {
        purgeIfDue(clock.instant());
        return record(eventId);
    }

    /** Whether {@code eventId} was processed (committed) before: a retry the ack path can drop at once. Records nothing. */
    public boolean seen(String eventId) {
        purgeIfDue(clock.instant());
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT 1 FROM slack_processed_event WHERE event_id = ?")) {
            select.setString(1, eventId);
            try (java.sql.ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up Slack event " + eventId + ": " + e.getMessage(), e);
        }
    }

    /** The delivery of {@code eventId}, for the engine to record inside the turn it becomes. */
    public dev.ecabot.conversation.InboundDelivery delivery(String eventId) {
        return eventId == null ? dev.ecabot.conversation.InboundDelivery.UNTRACKED : () -> record(eventId);
    }

    /** Inserts the id (inside the unit of work open on this thread, if any); false when it is there already. */
    private boolean record(String eventId) {
        Instant now = clock.instant();
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO slack_processed_event (event_id, received_at) VALUES (?, ?)")) {
            insert.setString(1, eventId);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) return false;
            throw new IllegalStateException("could not record Slack event " + eventId + ": " + e.getMessage(), e);
        }
    }

    private void purgeIfDue(Instant now) {
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_INTERVAL)) || !lastPurge.compareAndSet(last, now)) return;
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM slack_processed_event WHERE received_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(RETENTION)));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge old Slack event ids: " + e.getMessage(), e);
        }
    }

    /** SQLSTATE 23505 is "unique violation" on both H2 and PostgreSQL. */
    private static boolean isDuplicateKey(SQLException e) {
        for (SQLException x = e; x != null; x = x.getNextException()) {
            if ("23505".equals(x.getSQLState())) return true;
        }
        return false;
    }
}
