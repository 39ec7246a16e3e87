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
 * The Slack event ids this bot has already taken in, kept in the database (table slack_processed_event) so
 * that a retried delivery, a restart or another instance behind the load balancer never handles one twice.
 * The primary key does the deciding: the first insert wins. Ids are kept for {@link #RETENTION} (Slack stops
 * retrying after about five minutes). Thread-safe.
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

    /** Records {@code eventId}; true only for the first caller ever to record it. */
    public boolean firstDelivery(String eventId) {
        Instant now = clock.instant();
        purgeIfDue(now);
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
