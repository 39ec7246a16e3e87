package dev.ecabot.inventory;

import dev.ecabot.access.ChatUserRef;
import dev.ecabot.store.SqlTime;
import dev.ecabot.store.SqlWork;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.Optional;

/** Keeps {@link Rotation}s in the {@code credential_rotation} table (migration V23). Thread-safe. */
public final class RotationStore {

    private static final String COLUMNS = "rotation_id, org_name, api_name, app_id, consumer_id, old_staged_id, "
            + "old_consumer_key, new_consumer_key, rotated_by, rotated_at, old_expires_at, revoked_at, revoked_by";

    private final DataSource db;

    public RotationStore(DataSource db) {
        this.db = db;
    }

    public void insert(Rotation r) {
        SqlWork.inTransaction(db, "record a credential rotation", c -> {
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO credential_rotation (" + COLUMNS
                    + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, NULL, NULL)")) {
                ps.setString(1, r.id());
                ps.setString(2, r.org());
                ps.setString(3, r.apiName());
                ps.setString(4, r.appId());
                ps.setString(5, r.consumerId());
                ps.setString(6, r.oldStagedId());
                ps.setString(7, r.oldConsumerKey());
                ps.setString(8, r.newConsumerKey());
                ps.setString(9, r.rotatedBy().toString());
                SqlTime.set(ps, 10, r.rotatedAt());
                SqlTime.set(ps, 11, r.oldExpiresAt());
                return ps.executeUpdate();
            }
        });
    }

    /** The app's latest rotation whose old pair is neither revoked nor expired at {@code now}. */
    public Optional<Rotation> oldPairStillValid(String org, String apiName, Instant now) {
        return SqlWork.inTransaction(db, "find a credential rotation", c -> {
            try (PreparedStatement ps = c.prepareStatement("SELECT " + COLUMNS + " FROM credential_rotation"
                    + " WHERE org_name = ? AND api_name = ? AND revoked_at IS NULL AND old_expires_at > ?"
                    + " ORDER BY rotated_at DESC")) {
                ps.setString(1, org);
                ps.setString(2, apiName);
                SqlTime.set(ps, 3, now);
                try (ResultSet rs = ps.executeQuery()) {
                    return rs.next() ? Optional.of(read(rs)) : Optional.empty();
                }
            }
        });
    }

    /** Marks the rotation's old pair revoked; false if it already was. */
    public boolean markRevoked(String rotationId, ChatUserRef by, Instant at) {
        return SqlWork.inTransaction(db, "mark an old credential pair revoked", c -> {
            try (PreparedStatement ps = c.prepareStatement("UPDATE credential_rotation SET revoked_at = ?, revoked_by = ?"
                    + " WHERE rotation_id = ? AND revoked_at IS NULL")) {
                SqlTime.set(ps, 1, at);
                ps.setString(2, by.toString());
                ps.setString(3, rotationId);
                return ps.executeUpdate() == 1;
            }
        });
    }

    private static Rotation read(ResultSet rs) throws SQLException {
        String revokedBy = rs.getString("revoked_by");
        return new Rotation(rs.getString("rotation_id"), rs.getString("org_name"), rs.getString("api_name"),
                rs.getString("app_id"), rs.getString("consumer_id"), rs.getString("old_staged_id"),
                rs.getString("old_consumer_key"), rs.getString("new_consumer_key"),
                ChatUserRef.parse(rs.getString("rotated_by")), SqlTime.get(rs, "rotated_at"),
                SqlTime.get(rs, "old_expires_at"), SqlTime.get(rs, "revoked_at"),
                revokedBy == null ? null : ChatUserRef.parse(revokedBy));
    }
}
