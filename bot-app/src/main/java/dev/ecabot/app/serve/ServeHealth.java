package dev.ecabot.app.serve;

import dev.ecabot.app.health.Readiness;
import dev.ecabot.app.health.ReadinessChecks;
import dev.ecabot.store.Database;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.Metrics;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.function.BooleanSupplier;

/**
 * What {@code serve} reports about itself: the {@code /readyz} checks (database reachable and migrated, reminder
 * scheduler running, chat platforms registered) and the gauges read from the database at each scrape (open reveal
 * offers, approvals pending, reminders scheduled and overdue).
 */
final class ServeHealth {

    private ServeHealth() {
    }

    static void readiness(Readiness readiness, Database db, BooleanSupplier schedulerRunning, PlatformPorts ports,
                          String... platforms) {
        readiness.check("database", ReadinessChecks.database(db));
        readiness.check("scheduler", ReadinessChecks.scheduler(schedulerRunning));
        readiness.check("platforms", ReadinessChecks.platforms(ports, platforms));
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

    /** Per platform: messages waiting in the outbox, and how long the oldest of them has waited. */
    static void outboxGauges(DataSource db, String... platforms) {
        for (String platform : platforms) {
            String mine = "FROM chat_outbox WHERE status = 'PENDING' AND destination LIKE '" + platform + "|%'";
            forgetEarlier("ecabot.outbox.depth", platform);
            forgetEarlier("ecabot.outbox.oldest.seconds", platform);
            Gauge.builder("ecabot.outbox.depth", db, d -> count(d, "SELECT COUNT(*) " + mine))
                    .description("Messages waiting in the outbox to be sent").tag("platform", platform)
                    .strongReference(true).register(Metrics.globalRegistry);
            Gauge.builder("ecabot.outbox.oldest.seconds", db, d -> oldestAge(d, "SELECT MIN(created_at) " + mine))
                    .description("How long the oldest message waiting in the outbox has waited (0 when none)")
                    .tag("platform", platform).strongReference(true).register(Metrics.globalRegistry);
        }
    }

    /**
     * Removes a gauge an earlier server of this process registered (tests, an in-process restart): Micrometer keeps
     * the first gauge of a name and tags, which would read that server's closed database and report NaN.
     */
    private static void forgetEarlier(String name, String platform) {
        var search = Metrics.globalRegistry.find(name);
        if (platform != null) search = search.tag("platform", platform);
        search.gauges().forEach(Metrics.globalRegistry::remove);
    }

    private static void gauge(DataSource db, String name, String description, String sql) {
        forgetEarlier(name, null);
        Gauge.builder(name, db, d -> count(d, sql)).description(description).strongReference(true)
                .register(Metrics.globalRegistry);
    }

    private static double oldestAge(DataSource db, String sql) {
        try (Connection c = db.getConnection(); PreparedStatement ps = c.prepareStatement(sql);
             ResultSet rs = ps.executeQuery()) {
            if (!rs.next()) return Double.NaN;
            java.time.OffsetDateTime oldest = rs.getObject(1, java.time.OffsetDateTime.class);
            return oldest == null ? 0 : Math.max(0, java.time.Duration.between(oldest.toInstant(),
                    java.time.Instant.now()).toMillis() / 1000.0);
        } catch (SQLException | RuntimeException e) {
            return Double.NaN; // database unreachable or closed: /readyz says so
        }
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
