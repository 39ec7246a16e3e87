package dev.ecabot.store;

import com.zaxxer.hikari.SQLExceptionOverride;

import java.sql.SQLException;
import java.util.Locale;
import java.util.Optional;

/**
 * Storage faults the bot recovers from without a restart. A full disk makes H2 close its database: every pooled
 * connection then answers "database is closed" forever. This tells the pool to drop such connections, so the next
 * one opens the database again, which works once space is back. {@link #describe} says in words what is wrong.
 */
public final class StorageTrouble implements SQLExceptionOverride {

    /** H2: database closed (90098), closing (90121), file I/O errors (90028, 90031), and general errors (50000). */
    private static final java.util.Set<Integer> H2_FATAL = java.util.Set.of(90098, 90121, 90028, 90031, 50000);

    @java.lang.Override
    public SQLExceptionOverride.Override adjudicate(SQLException e) {
        return H2_FATAL.contains(e.getErrorCode()) || diskFull(e)
                ? SQLExceptionOverride.Override.MUST_EVICT : SQLExceptionOverride.Override.CONTINUE_EVICT;
    }

    /** Whether {@code failure} (or a cause) says the disk is full. */
    public static boolean diskFull(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            String m = t.getMessage();
            if (m == null) continue;
            String lower = m.toLowerCase(Locale.ROOT);
            if (lower.contains("no space left on device") || lower.contains("disk full") || lower.contains("not enough space")
                    || lower.contains("could not extend file") || lower.contains("53100")) {
                return true;
            }
            if (t instanceof SQLException sql && "53100".equals(sql.getSQLState())) return true; // PostgreSQL disk_full
        }
        return false;
    }

    /** What to tell the person whose message could not be handled, when storage is the cause. */
    public static Optional<String> describe(Throwable failure) {
        if (diskFull(failure)) {
            return Optional.of("I cannot save anything right now: the disk of the bot's database is full. Whoever runs "
                    + "the bot has to free some space (the log says where); I carry on by myself once there is room. "
                    + "Send your message again then.");
        }
        return Optional.empty();
    }
}
