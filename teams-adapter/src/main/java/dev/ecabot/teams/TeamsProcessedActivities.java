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
 * question the first one asked. The primary key decides: the first insert wins. An activity that becomes a turn is
 * recorded by the engine inside the turn's own unit of work ({@link #delivery}), so the row commits with the turn's
 * state and replies or not at all; the endpoint only asks {@link #seen} to drop a retry early. Ids are kept a day.
 * {@code dataSource} must be the bot's joining one ({@code Database.dataSource()}). Thread-safe.
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

    /** Records the activity now, on its own; true only for the first delivery ever of that id in that conversation. */
    public boolean firstDelivery(String conversationId, String activityId) {
        purgeIfDue(clock.instant());
        return record(conversationId, activityId);
    }

    /** Whether the activity was processed (committed) before: a retry to drop at once. Records nothing. */
    public boolean seen(String conversationId, String activityId) {
        purgeIfDue(clock.instant());
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT 1 FROM teams_processed_activity WHERE activity_id = ?")) {
            select.setString(1, key(conversationId, activityId));
            try (java.sql.ResultSet rs = select.executeQuery()) {
                return rs.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not look up Teams activity " + activityId + ": " + e.getMessage(), e);
        }
    }

    /** The delivery of the activity, for the engine to record inside the turn it becomes (untracked without an id). */
    public dev.ecabot.conversation.InboundDelivery delivery(String conversationId, String activityId) {
        return activityId == null ? dev.ecabot.conversation.InboundDelivery.UNTRACKED
                : () -> record(conversationId, activityId);
    }

    private static String key(String conversationId, String activityId) {
        String key = (conversationId == null ? "" : conversationId) + "|" + activityId;
        return key.length() > 300 ? key.substring(key.length() - 300) : key;
    }

    /** Inserts the activity (inside the unit of work open on this thread, if any); false when it is there already. */
    private boolean record(String conversationId, String activityId) {
        Instant now = clock.instant();
        String key = key(conversationId, activityId);
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
