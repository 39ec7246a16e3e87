package dev.ecabot.app;

import dev.ecabot.vault.MasterKey;
import dev.ecabot.vault.SealedSecret;

import javax.sql.DataSource;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.Optional;

/**
 * Where the built-in demo org keeps its apps between runs: one row in the bot's database, sealed with the master
 * key because it holds the demo apps' consumer secrets. Thread-safe.
 */
final class DemoOrgStateStore {

    private static final String BOUND_TO = "demo-org-state";

    private final DataSource db;
    private final MasterKey key;

    DemoOrgStateStore(DataSource db, MasterKey key) {
        this.db = db;
        this.key = key;
    }

    /** The state saved last, if any. */
    Optional<String> load() {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT sealed FROM demo_org_state WHERE id = 1");
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return Optional.empty();
            byte[] plain = SealedSecret.decode(rs.getString(1)).open(key, BOUND_TO);
            return Optional.of(new String(plain, StandardCharsets.UTF_8));
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the demo org's apps from the database: " + e.getMessage(), e);
        }
    }

    /** Replaces the saved state. */
    void save(String state) {
        String sealed = SealedSecret.seal(key, state.getBytes(StandardCharsets.UTF_8), BOUND_TO).encoded();
        Timestamp now = Timestamp.from(Instant.now());
        try (Connection c = db.getConnection()) {
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE demo_org_state SET sealed = ?, saved_at = ? WHERE id = 1")) {
                update.setString(1, sealed);
                update.setTimestamp(2, now);
                if (update.executeUpdate() == 1) return;
            }
            try (PreparedStatement insert = c.prepareStatement(
                    "INSERT INTO demo_org_state (id, sealed, saved_at) VALUES (1, ?, ?)")) {
                insert.setString(1, sealed);
                insert.setTimestamp(2, now);
                insert.executeUpdate();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not save the demo org's apps in the database: " + e.getMessage(), e);
        }
    }
}
