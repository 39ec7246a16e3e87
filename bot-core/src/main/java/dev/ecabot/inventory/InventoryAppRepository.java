package dev.ecabot.inventory;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Consumer;

/** Stores and finds inventory apps in the {@code inventory_app} table (one row per org + API name). Thread-safe. */
public final class InventoryAppRepository {

    private static final String COLUMNS = "id, org_name, api_name, label, salesforce_id, playbook_id, vendor, requester, "
            + "approver, contact_email, consumer_key, created_at, settings_json, status";

    private final DataSource db;

    public InventoryAppRepository(DataSource db) {
        this.db = db;
    }

    /** The database the inventory lives in (for the reports that join it with owners and the audit trail). */
    public DataSource dataSource() {
        return db;
    }

    /** Inserts {@code app}, or replaces the row of the same org + API name; answers it with its id. */
    public InventoryApp save(InventoryApp app) {
        Optional<InventoryApp> existing = find(app.org(), app.apiName());
        try (Connection c = db.getConnection()) {
            if (existing.isPresent()) {
                try (PreparedStatement ps = c.prepareStatement("UPDATE inventory_app SET label=?, salesforce_id=?, playbook_id=?,"
                        + " vendor=?, requester=?, approver=?, contact_email=?, consumer_key=?, created_at=?, settings_json=?, status=?"
                        + " WHERE id=?")) {
                    bindFrom(ps, app, 1);
                    ps.setLong(12, existing.get().id());
                    ps.executeUpdate();
                }
                return app.withId(existing.get().id());
            }
            try (PreparedStatement ps = c.prepareStatement("INSERT INTO inventory_app (org_name, api_name, label, salesforce_id,"
                    + " playbook_id, vendor, requester, approver, contact_email, consumer_key, created_at, settings_json, status)"
                    + " VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?)", Statement.RETURN_GENERATED_KEYS)) {
                ps.setString(1, app.org());
                ps.setString(2, app.apiName());
                bindFrom(ps, app, 3);
                ps.executeUpdate();
                try (ResultSet keys = ps.getGeneratedKeys()) {
                    keys.next();
                    return app.withId(keys.getLong(1));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not store " + app.apiName() + " in the inventory", e);
        }
    }

    /** Binds label..status starting at parameter {@code first}. */
    private static void bindFrom(PreparedStatement ps, InventoryApp app, int first) throws SQLException {
        int i = first;
        ps.setString(i++, app.label());
        ps.setString(i++, app.salesforceId());
        ps.setString(i++, app.playbookId());
        ps.setString(i++, app.vendor());
        ps.setString(i++, app.requester());
        ps.setString(i++, app.approver());
        ps.setString(i++, app.contactEmail());
        ps.setString(i++, app.consumerKey());
        ps.setTimestamp(i++, Timestamp.from(app.createdAt()));
        ps.setString(i++, app.settingsJson());
        ps.setString(i, app.status().name());
    }

    public Optional<InventoryApp> find(String org, String apiName) {
        List<InventoryApp> found = query("SELECT " + COLUMNS + " FROM inventory_app WHERE org_name = ? AND api_name = ?", org, apiName);
        return found.stream().findFirst();
    }

    /** Every app of {@code org}, by API name. */
    public List<InventoryApp> byOrg(String org) {
        return query("SELECT " + COLUMNS + " FROM inventory_app WHERE org_name = ? ORDER BY api_name", org);
    }

    /** The apps called {@code apiName} (ignoring case) in any org, by org: one query, not the whole inventory. */
    public List<InventoryApp> byApiNameIgnoringCase(String apiName) {
        // api_name_lc: the lower-case copy the database keeps, indexed (V130); LOWER(api_name) scanned every row
        return query("SELECT " + COLUMNS + " FROM inventory_app WHERE api_name_lc = ? ORDER BY org_name",
                apiName.toLowerCase(java.util.Locale.ROOT));
    }

    /** Every app, by org then API name. */
    public List<InventoryApp> all() {
        return query("SELECT " + COLUMNS + " FROM inventory_app ORDER BY org_name, api_name");
    }

    /**
     * Every app (of {@code org} when not null), by org then API name, handed to {@code each} one row at a time as
     * the database cursor reads it: an export of 100,000 apps never holds them all.
     */
    public void forEach(String org, Consumer<InventoryApp> each) {
        String sql = "SELECT " + COLUMNS + " FROM inventory_app" + (org == null ? "" : " WHERE org_name = ?")
                + " ORDER BY org_name, api_name";
        try (Connection c = db.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false); // PostgreSQL streams with a fetch size only inside a transaction
            try (PreparedStatement ps = c.prepareStatement(sql)) {
                ps.setFetchSize(500);
                if (org != null) ps.setString(1, org);
                try (ResultSet rs = ps.executeQuery()) {
                    while (rs.next()) each.accept(read(rs));
                }
            } finally {
                c.rollback();
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inventory", e);
        }
    }

    /**
     * The apps matching {@code filter}, by org then API name, at most {@code limit}; the filtering and the limit
     * happen in the database (the list a chat can show, not the whole inventory).
     */
    public List<InventoryApp> first(AppFilter filter, int limit) {
        return page(filter, 0, limit);
    }

    /** Like {@link #first}, after skipping {@code offset} apps: one page of a long list, in the same order. */
    public List<InventoryApp> page(AppFilter filter, int offset, int limit) {
        List<String> params = new ArrayList<>();
        if (filter.vendor() != null && !onPostgres()) {
            // H2: the page's ids from the vendor and playbook indexes, then only those apps (AppFilter.pageKeys)
            List<String> ids = column(filter.pageKeys(Math.max(0, offset), Math.max(1, limit), params), params);
            return ids.isEmpty() ? List.of() : query(AppFilter.byIds(COLUMNS, ids.size()), ids.toArray(String[]::new));
        }
        String sql = filter.page(COLUMNS, Math.max(0, offset), Math.max(1, limit), onPostgres(), params);
        return query(sql, params.toArray(String[]::new));
    }

    private volatile Boolean postgres;

    /** Whether the inventory lives in PostgreSQL (asked once): a vendor's apps are counted and paged differently there. */
    private boolean onPostgres() {
        Boolean known = postgres;
        if (known == null) {
            try (Connection c = db.getConnection()) {
                known = "PostgreSQL".equalsIgnoreCase(c.getMetaData().getDatabaseProductName());
            } catch (SQLException e) {
                throw new IllegalStateException("Could not read the inventory", e);
            }
            postgres = known;
        }
        return known;
    }

    /** How many apps match {@code filter}. */
    public int count(AppFilter filter) {
        List<String> params = new ArrayList<>();
        String sql = filter.vendor() != null && !onPostgres() ? filter.countByRange(params) : filter.count(params);
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
            try (ResultSet rs = ps.executeQuery()) {
                rs.next();
                return rs.getInt(1);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Could not count the inventory", e);
        }
    }

    /** The distinct vendor names in the inventory, sorted. */
    public List<String> vendors() {
        List<String> out = new ArrayList<>();
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("SELECT DISTINCT vendor FROM inventory_app WHERE vendor IS NOT NULL ORDER BY vendor");
             ResultSet rs = ps.executeQuery()) {
            while (rs.next()) out.add(rs.getString(1));
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inventory's vendors", e);
        }
    }

    /** The manual-step checklists of the apps, kept beside the inventory. */
    public Checklist checklist() {
        return new Checklist(db);
    }

    /** Sets the status of one app (sync marking it missing from its org, or found again). */
    public void markStatus(String org, String apiName, AppStatus status) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE inventory_app SET status = ? WHERE org_name = ? AND api_name = ?")) {
            ps.setString(1, status.name());
            ps.setString(2, org);
            ps.setString(3, apiName);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not mark " + apiName + " in org " + org + " as " + status.label()
                    + ": " + e.getMessage(), e);
        }
    }

    /** Marks an app deleted (the row stays, for the record). */
    public void markDeleted(String org, String apiName) {
        try (Connection c = db.getConnection();
             PreparedStatement ps = c.prepareStatement("UPDATE inventory_app SET status = ? WHERE org_name = ? AND api_name = ?")) {
            ps.setString(1, AppStatus.DELETED.name());
            ps.setString(2, org);
            ps.setString(3, apiName);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Could not mark " + apiName + " deleted in the inventory", e);
        }
    }

    /** One row of {@link #COLUMNS}, read by position (by name, each column was a lookup: 100,000 rows in an export). */
    private static InventoryApp read(ResultSet rs) throws SQLException {
        Timestamp created = rs.getTimestamp(12);
        return new InventoryApp(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                rs.getString(6), rs.getString(7), rs.getString(8), rs.getString(9), rs.getString(10), rs.getString(11),
                created == null ? Instant.EPOCH : created.toInstant(), rs.getString(13), AppStatus.valueOf(rs.getString(14)));
    }

    /** The first column of every row of {@code sql}, as text. */
    private List<String> column(String sql, List<String> params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.size(); i++) ps.setString(i + 1, params.get(i));
            List<String> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(rs.getString(1));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inventory", e);
        }
    }

    private List<InventoryApp> query(String sql, String... params) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            List<InventoryApp> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) out.add(read(rs));
            }
            return out;
        } catch (SQLException e) {
            throw new IllegalStateException("Could not read the inventory", e);
        }
    }
}
