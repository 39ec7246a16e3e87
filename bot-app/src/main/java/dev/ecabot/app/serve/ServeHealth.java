package dev.ecabot.app.serve;

import dev.ecabot.app.http.Readiness;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.Optional;
import java.util.function.BooleanSupplier;

/**
 * What {@code serve} reports about itself: the {@code /readyz} checks (database reachable and migrated, reminder
 * scheduler running, chat platforms registered) and the gauges read from the database at each scrape (open reveal
 * offers, approvals pending, reminders scheduled and overdue).
 */
final class ServeHealth {

    private ServeHealth() {
    }

    static void readiness(Readiness readiness, DataSource db, BooleanSupplier schedulerRunning, PlatformPorts ports,
                          String... platforms) {
        readiness.check("database", () -> {
            try (Connection c = db.getConnection()) {
                if (!c.isValid(2)) return Optional.of("unreachable (the connection is not valid)");
                // Migrations done: the newest table of this version exists and answers.
                try (PreparedStatement ps = c.prepareStatement("SELECT COUNT(*) FROM audit_chain_head");
                     ResultSet rs = ps.executeQuery()) {
                    rs.next();
                }
                return Optional.empty();
            } catch (SQLException e) {
                return Optional.of("unreachable or not migrated (" + e.getClass().getSimpleName() + ")");
            }
        });
        readiness.check("scheduler", () -> schedulerRunning.getAsBoolean() ? Optional.empty()
                : Optional.of("the reminder scheduler is not running"));
        readiness.check("platforms", () -> {
            for (String p : platforms) {
                if (!ports.serves(p)) return Optional.of(p + " is not registered yet");
            }
            return Optional.empty();
        });
    }

    static void gauges(DataSource db) {
        gauge(db, "ecabot.reveal.offers.open", "Secrets waiting to be revealed",
                "SELECT COUNT(*) FROM reveal_offers WHERE state = 'OPEN'");
        gauge(db, "ecabot.approvals.pending", "Approval requests nobody decided yet",
                "SELECT COUNT(*) FROM approval_requests WHERE state = 'PENDING'");
        gauge(db, "ecabot.reminders.scheduled", "Reminders waiting for their time",
                "SELECT COUNT(*) FROM reminders WHERE state = 'SCHEDULED'");
        gauge(db, "ecabot.reminders.due", "Reminders whose time has come but which were not delivered yet",
                "SELECT COUNT(*) FROM reminders WHERE state = 'SCHEDULED' AND due_at <= CURRENT_TIMESTAMP");
    }

    private static void gauge(DataSource db, String name, String description, String sql) {
        Gauge.builder(name, db, d -> count(d, sql)).description(description).strongReference(true)
                .register(Metrics.globalRegistry);
    }

    private static double count(DataSource db, String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            return rs.next() ? rs.getLong(1) : Double.NaN;
        } catch (SQLException | RuntimeException e) {
            return Double.NaN; // database unreachable or closed: /readyz says so
        }
    }
}
