package dev.ecabot.usage;

import dev.ecabot.inventory.AppOwners;
import dev.ecabot.store.SqlTime;
import dev.ecabot.store.SqlWork;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The last usage read per app (table {@code app_usage_snapshot}, migration V86): what the export and the JSON
 * endpoint show without calling Salesforce. Each read replaces the app's row. Thread-safe.
 */
public final class UsageSnapshots {

    /** One app's usage as last read. {@code lastUsedAt} is null when nobody used it. */
    public record Snapshot(int users, int tokens, Instant lastUsedAt, boolean unused, Instant readAt) { }

    private final DataSource db;

    public UsageSnapshots(DataSource db) {
        this.db = db;
    }

    public void save(List<AppUsage> usage, Instant readAt) {
        SqlWork.inTransaction(db, "store the usage read from the org", c -> {
            for (AppUsage u : usage) {
                try (PreparedStatement del = c.prepareStatement("DELETE FROM app_usage_snapshot WHERE org_name = ? AND api_name = ?")) {
                    del.setString(1, u.app().org());
                    del.setString(2, u.app().apiName());
                    del.executeUpdate();
                }
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_usage_snapshot (org_name, api_name, users,"
                        + " tokens, last_used_at, unused, read_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, u.app().org());
                    ps.setString(2, u.app().apiName());
                    ps.setInt(3, (int) u.users());
                    ps.setInt(4, u.tokens().size());
                    SqlTime.set(ps, 5, u.lastUsed());
                    ps.setBoolean(6, u.unused());
                    SqlTime.set(ps, 7, readAt);
                    ps.executeUpdate();
                }
            }
            return null;
        });
    }

    /** Every stored snapshot, keyed by {@link AppOwners#key}. */
    public Map<String, Snapshot> all() {
        return SqlWork.inTransaction(db, "read usage snapshots", c -> {
            Map<String, Snapshot> out = new HashMap<>();
            try (PreparedStatement ps = c.prepareStatement("SELECT org_name, api_name, users, tokens, last_used_at, unused,"
                    + " read_at FROM app_usage_snapshot"); ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.put(AppOwners.key(rs.getString(1), rs.getString(2)), new Snapshot(rs.getInt(3), rs.getInt(4),
                            SqlTime.get(rs, "last_used_at"), rs.getBoolean(6), SqlTime.get(rs, "read_at")));
                }
            }
            return out;
        });
    }
}
