package dev.ecabot.inventory;

import dev.ecabot.access.ChatUserRef;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The manual steps of each app, numbered from 1 in the playbook's order: stored once when the app is made (a
 * resumed creation stores nothing twice), listed by {@code show}, ticked off with {@code done}. Thread-safe.
 */
public final class Checklist {

    /** One step, done when {@code doneAt} is set. */
    public record Step(int number, String text, String doneBy, Instant doneAt) {
        public boolean done() {
            return doneAt != null;
        }
    }

    private final DataSource db;

    public Checklist(DataSource db) {
        this.db = db;
    }

    /** Stores the app's steps unless it has some already. */
    public void record(String org, String apiName, List<String> steps) {
        if (steps.isEmpty() || !steps(org, apiName).isEmpty()) return;
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "INSERT INTO app_checklist (org_name, api_name, step_no, step_text) VALUES (?, ?, ?, ?)")) {
            for (int i = 0; i < steps.size(); i++) {
                ps.setString(1, org);
                ps.setString(2, apiName);
                ps.setInt(3, i + 1);
                ps.setString(4, steps.get(i).length() > 4000 ? steps.get(i).substring(0, 4000) : steps.get(i));
                ps.addBatch();
            }
            ps.executeBatch();
        } catch (SQLException e) {
            if (!steps(org, apiName).isEmpty()) return; // another instance stored them at the same moment
            throw new IllegalStateException("could not store the manual steps of " + apiName + ": " + e.getMessage(), e);
        }
    }

    public List<Step> steps(String org, String apiName) {
        List<Step> out = new ArrayList<>();
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "SELECT step_no, step_text, done_by, done_at FROM app_checklist WHERE org_name = ? AND api_name = ?"
                        + " ORDER BY step_no")) {
            ps.setString(1, org);
            ps.setString(2, apiName);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    Timestamp at = rs.getTimestamp(4);
                    out.add(new Step(rs.getInt(1), rs.getString(2), rs.getString(3), at == null ? null : at.toInstant()));
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException("could not read the manual steps of " + apiName + ": " + e.getMessage(), e);
        }
        return out;
    }

    /** Marks step {@code number} done; empty when the app has no such step. A step done already stays as it was. */
    public Optional<Step> tick(String org, String apiName, int number, ChatUserRef by, Instant at) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(
                "UPDATE app_checklist SET done_by = ?, done_at = ? WHERE org_name = ? AND api_name = ? AND step_no = ?"
                        + " AND done_at IS NULL")) {
            ps.setString(1, by.toString());
            ps.setTimestamp(2, Timestamp.from(at));
            ps.setString(3, org);
            ps.setString(4, apiName);
            ps.setInt(5, number);
            ps.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("could not tick step " + number + " of " + apiName + ": " + e.getMessage(), e);
        }
        return steps(org, apiName).stream().filter(s -> s.number() == number).findFirst();
    }
}
