package dev.ecabot.teams;

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
 * The Teams activities this bot has already taken in (table teams_processed_activity, migration V70), by
 * conversation and activity id, so that a delivery Teams retries (it does when the bot answers late or with a 5xx),
 * a restart or another instance never runs one turn twice: a retried "new altify-mcp demo" is not an answer to the
 * question the first one asked. The primary key decides: the first insert wins. Ids are kept a day. Thread-safe.
 */
public final class TeamsProcessedActivities {

    static final Duration RETENTION = Duration.ofDays(1);
    private static final Duration PURGE_INTERVAL = Duration.ofHours(1);

    private final DataSource dataSource;
    private final Clock clock;
    private final AtomicReference<Instant> lastPurge = new AtomicReference<>(Instant.EPOCH);

    public TeamsProcessedActivities(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /** Records the activity; true only for the first delivery ever of that id in that conversation. */
    public boolean firstDelivery(String conversationId, String activityId) {
        Instant now = clock.instant();
        purgeIfDue(now);
        String key = (conversationId == null ? "" : conversationId) + "|" + activityId;
        if (key.length() > 300) key = key.substring(key.length() - 300);
        try (Connection c = dataSource.getConnection();
             PreparedStatement insert = c.prepareStatement(
                     "INSERT INTO teams_processed_activity (activity_id, received_at) VALUES (?, ?)")) {
            insert.setString(1, key);
            insert.setTimestamp(2, Timestamp.from(now));
            insert.executeUpdate();
            return true;
        } catch (SQLException e) {
            if (isDuplicateKey(e)) return false;
            throw new IllegalStateException("could not record Teams activity " + activityId + ": " + e.getMessage(), e);
        }
    }

    private void purgeIfDue(Instant now) {
        Instant last = lastPurge.get();
        if (now.isBefore(last.plus(PURGE_INTERVAL)) || !lastPurge.compareAndSet(last, now)) return;
        try (Connection c = dataSource.getConnection();
             PreparedStatement delete = c.prepareStatement("DELETE FROM teams_processed_activity WHERE received_at < ?")) {
            delete.setTimestamp(1, Timestamp.from(now.minus(RETENTION)));
            delete.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not purge old Teams activity ids: " + e.getMessage(), e);
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
