package dev.ecabot.reminders;

import dev.ecabot.store.SqlTime;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The reminders table: what is scheduled, delivered or cancelled. Every method works in the caller's transaction. */
final class ReminderStore {

    enum State { SCHEDULED, DELIVERED, CANCELLED }

    private static final String COLUMNS =
            "reminder_id, kind, recipient_type, recipient, org, api_name, reference, due_at, message, state";

    /** Inserts the reminder; false if one with this id already exists. */
    boolean insert(Connection c, Reminder r) throws SQLException {
        try (PreparedStatement check = c.prepareStatement("SELECT 1 FROM reminders WHERE reminder_id = ?")) {
            check.setString(1, r.id());
            try (ResultSet rs = check.executeQuery()) {
                if (rs.next()) return false;
            }
        }
        try (PreparedStatement ps = c.prepareStatement("INSERT INTO reminders (" + COLUMNS + ") "
                + "VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'SCHEDULED')")) {
            ps.setString(1, r.id());
            ps.setString(2, r.kind().name());
            ps.setString(3, r.recipient().type().name());
            ps.setString(4, r.recipient().address());
            ps.setString(5, r.org());
            ps.setString(6, r.apiName());
            ps.setString(7, r.reference());
            SqlTime.set(ps, 8, r.dueAt());
            ps.setString(9, r.text());
            ps.executeUpdate();
        }
        return true;
    }

    /** The reminder and its state, row-locked until the transaction ends. */
    Optional<Stored> lock(Connection c, String id) throws SQLException {
        List<Stored> found = query(c, "SELECT " + COLUMNS + " FROM reminders WHERE reminder_id = ? FOR UPDATE", id);
        return found.stream().findFirst();
    }

    void markDelivered(Connection c, String id, Instant at, boolean late) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reminders SET state = 'DELIVERED', delivered_at = ?, "
                + "delivered_late = ? WHERE reminder_id = ?")) {
            SqlTime.set(ps, 1, at);
            ps.setBoolean(2, late);
            ps.setString(3, id);
            ps.executeUpdate();
        }
    }

    /**
     * Addresses the app's scheduled {@link Recipient.Type#OWNER} reminders to {@code owner} (an owner change);
     * returns how many. Delivery still asks who owns the app when each fires: this keeps listings per person right.
     */
    int readdressOwner(Connection c, String org, String apiName, String owner) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("UPDATE reminders SET recipient = ? WHERE state = 'SCHEDULED' "
                + "AND recipient_type = 'OWNER' AND org = ? AND api_name = ?")) {
            ps.setString(1, owner);
            ps.setString(2, org);
            ps.setString(3, apiName);
            return ps.executeUpdate();
        }
    }

    /** Cancels the scheduled reminders matching {@code where} (a condition on org/api_name/reminder_id); returns their ids. */
    List<String> cancel(Connection c, String where, String... params) throws SQLException {
        List<String> ids = new ArrayList<>();
        for (Stored s : query(c, "SELECT " + COLUMNS + " FROM reminders WHERE state = 'SCHEDULED' AND " + where
                + " FOR UPDATE", params)) {
            ids.add(s.reminder().id());
        }
        for (String id : ids) {
            try (PreparedStatement ps = c.prepareStatement("UPDATE reminders SET state = 'CANCELLED' WHERE reminder_id = ?")) {
                ps.setString(1, id);
                ps.executeUpdate();
            }
        }
        return ids;
    }

    /** Scheduled (not yet delivered or cancelled) reminders matching {@code where}, soonest first. */
    List<Reminder> scheduled(Connection c, String where, String... params) throws SQLException {
        return query(c, "SELECT " + COLUMNS + " FROM reminders WHERE state = 'SCHEDULED' AND " + where
                + " ORDER BY due_at, reminder_id", params).stream().map(Stored::reminder).toList();
    }

    record Stored(Reminder reminder, State state) {
    }

    private static List<Stored> query(Connection c, String sql, String... params) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement(sql)) {
            for (int i = 0; i < params.length; i++) ps.setString(i + 1, params[i]);
            List<Stored> out = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Reminder r = new Reminder(rs.getString("reminder_id"), ReminderKind.valueOf(rs.getString("kind")),
                            new Recipient(Recipient.Type.valueOf(rs.getString("recipient_type")), rs.getString("recipient")),
                            rs.getString("org"), rs.getString("api_name"), rs.getString("reference"),
                            SqlTime.get(rs, "due_at"), rs.getString("message"));
                    out.add(new Stored(r, State.valueOf(rs.getString("state"))));
                }
            }
            return out;
        }
    }
}
