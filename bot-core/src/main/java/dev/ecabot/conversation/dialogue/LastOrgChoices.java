package dev.ecabot.conversation.dialogue;

import dev.ecabot.conversation.ChatUser;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * The org each person's last request went to (table last_org_choice, V128), so "new" offers it as the default org.
 * Best effort: a database error loses the suggestion, never the request. Thread-safe.
 */
public final class LastOrgChoices {

    private static final org.slf4j.Logger LOG = org.slf4j.LoggerFactory.getLogger(LastOrgChoices.class);
    private final DataSource dataSource;

    public LastOrgChoices(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Keeps {@code org} as {@code user}'s latest choice. */
    public void remember(ChatUser user, String org, Instant at) {
        try (Connection c = dataSource.getConnection()) {
            int updated;
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE last_org_choice SET org = ?, chosen_at = ? WHERE user_key = ?")) {
                update.setString(1, org);
                update.setTimestamp(2, Timestamp.from(at));
                update.setString(3, user.key());
                updated = update.executeUpdate();
            }
            if (updated == 0) {
                try (PreparedStatement insert = c.prepareStatement(
                        "INSERT INTO last_org_choice (user_key, org, chosen_at) VALUES (?, ?, ?)")) {
                    insert.setString(1, user.key());
                    insert.setString(2, org);
                    insert.setTimestamp(3, Timestamp.from(at));
                    insert.executeUpdate();
                }
            }
        } catch (SQLException e) {
            // two turns of one person at once: the other one's choice is as recent
            LOG.debug("Could not keep {}'s org choice: {}", user.key(), e.getMessage());
        }
    }

    /** {@code user}'s latest org, if any. */
    public Optional<String> of(ChatUser user) {
        try (Connection c = dataSource.getConnection();
             PreparedStatement select = c.prepareStatement("SELECT org FROM last_org_choice WHERE user_key = ?")) {
            select.setString(1, user.key());
            try (ResultSet rs = select.executeQuery()) {
                return rs.next() ? Optional.of(rs.getString(1)) : Optional.empty();
            }
        } catch (SQLException e) {
            LOG.warn("Could not read {}'s last org choice: {}", user.key(), e.getMessage());
            return Optional.empty();
        }
    }
}
