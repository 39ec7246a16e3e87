package dev.ecabot.provisioning;

import dev.ecabot.store.SqlTime;
import dev.ecabot.store.SqlWork;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

import javax.sql.DataSource;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Which bot instance runs which provisioning request, so that one request never runs on two instances (or twice
 * on one). An instance claims a request before running it and renews its claim while it runs (every third of
 * the lease, default lease 60 s); a claim whose instance died expires, and only then may another instance (a
 * restarted one, or a peer on the same database) take the request over. Thread-safe; close it to stop renewing.
 */
public final class ProvisioningLeases implements AutoCloseable {

    public static final Duration DEFAULT_LEASE = Duration.ofSeconds(60);

    private static final Logger log = LoggerFactory.getLogger(ProvisioningLeases.class);

    private final DataSource dataSource;
    private final Clock clock;
    private final Duration lease;
    private final String holder = "instance-" + UUID.randomUUID();
    private final Set<String> held = ConcurrentHashMap.newKeySet();
    /** Started with the first claim, so an instance that never provisions runs no renewal thread. */
    private ScheduledExecutorService renewer;
    private boolean closed;

    public ProvisioningLeases(DataSource dataSource, Clock clock, Duration lease) {
        if (lease.compareTo(Duration.ofSeconds(3)) < 0) {
            throw new IllegalArgumentException("A provisioning lease must last at least 3 s; got " + lease);
        }
        // A claim is seen by every instance at once, whatever the turn that takes it does later: never part of a unit.
        this.dataSource = dev.ecabot.store.UnitOfWork.independent(dataSource);
        this.clock = clock;
        this.lease = lease;
    }

    private synchronized void startRenewing() {
        if (renewer != null || closed) return;
        renewer = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "ecabot-lease-renewal");
            t.setDaemon(true);
            return t;
        });
        long every = lease.toMillis() / 3;
        renewer.scheduleWithFixedDelay(this::renewHeld, every, every, TimeUnit.MILLISECONDS);
    }

    public ProvisioningLeases(DataSource dataSource, Clock clock) {
        this(dataSource, clock, DEFAULT_LEASE);
    }

    /**
     * Claims {@code requestId} for this instance: true when nobody held it or its holder's lease expired; false when
     * an instance (this one included) is running it now.
     */
    public boolean claim(String requestId) {
        if (held.contains(requestId)) return false;
        boolean claimed;
        try {
            claimed = tryClaim(requestId);
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof SQLException sql) || !"23505".equals(sql.getSQLState())) throw e;
            claimed = false; // another instance inserted its claim at the same moment
        }
        if (claimed) {
            held.add(requestId);
            startRenewing();
            // The claim commits on its own (other instances must see it at once); if the turn that claimed rolls
            // back, nothing was handed over, so the claim must not be held and renewed for the life of the process.
            dev.ecabot.store.UnitOfWork.afterRollback(() -> release(requestId));
        }
        return claimed;
    }

    private boolean tryClaim(String requestId) {
        return SqlWork.inTransaction(dataSource, "claim a provisioning request", c -> {
            Instant now = clock.instant();
            try (PreparedStatement ps = c.prepareStatement(
                    "SELECT holder, expires_at FROM provisioning_lease WHERE request_id = ? FOR UPDATE")) {
                ps.setString(1, requestId);
                try (ResultSet rs = ps.executeQuery()) {
                    if (!rs.next()) {
                        try (PreparedStatement insert = c.prepareStatement(
                                "INSERT INTO provisioning_lease (request_id, holder, expires_at) VALUES (?, ?, ?)")) {
                            insert.setString(1, requestId);
                            insert.setString(2, holder);
                            SqlTime.set(insert, 3, now.plus(lease));
                            insert.executeUpdate();
                        }
                        return true;
                    }
                    if (SqlTime.get(rs, "expires_at").isAfter(now)) return false;
                    log.info("Taking over provisioning request {} from {}, whose lease expired", requestId,
                            rs.getString("holder"));
                }
            }
            try (PreparedStatement update = c.prepareStatement(
                    "UPDATE provisioning_lease SET holder = ?, expires_at = ? WHERE request_id = ?")) {
                update.setString(1, holder);
                SqlTime.set(update, 2, now.plus(lease));
                update.setString(3, requestId);
                update.executeUpdate();
            }
            return true;
        });
    }

    /** This instance is done with {@code requestId} (finished or failed): anyone may run it again. */
    public void release(String requestId) {
        held.remove(requestId);
        SqlWork.inTransaction(dataSource, "release a provisioning request", c -> {
            try (PreparedStatement ps = c.prepareStatement(
                    "DELETE FROM provisioning_lease WHERE request_id = ? AND holder = ?")) {
                ps.setString(1, requestId);
                ps.setString(2, holder);
                ps.executeUpdate();
            }
            return null;
        });
    }

    /**
     * Forgets every claim of other instances: only for a database that one process can open at a time (the embedded
     * H2 file), where any earlier claim belongs to a process that is gone, so its work is resumed at once instead of
     * a lease later.
     */
    public void forgetClaimsOfEarlierProcesses() {
        SqlWork.inTransaction(dataSource, "forget provisioning claims of earlier processes", c -> {
            try (PreparedStatement ps = c.prepareStatement("DELETE FROM provisioning_lease WHERE holder <> ?")) {
                ps.setString(1, holder);
                int forgotten = ps.executeUpdate();
                if (forgotten > 0) log.info("Forgot {} provisioning claim(s) of an earlier process", forgotten);
            }
            return null;
        });
    }

    /** Whether this instance holds {@code requestId}. */
    public boolean holds(String requestId) {
        return held.contains(requestId);
    }

    /** Extends every lease this instance holds (run by the renewal thread; public for tests that move the clock). */
    public void renewHeld() {
        if (held.isEmpty()) return;
        try {
            SqlWork.inTransaction(dataSource, "renew provisioning leases", c -> {
                try (PreparedStatement ps = c.prepareStatement(
                        "UPDATE provisioning_lease SET expires_at = ? WHERE request_id = ? AND holder = ?")) {
                    for (String id : held) {
                        SqlTime.set(ps, 1, clock.instant().plus(lease));
                        ps.setString(2, id);
                        ps.setString(3, holder);
                        ps.addBatch();
                    }
                    ps.executeBatch();
                }
                return null;
            });
        } catch (RuntimeException e) {
            log.warn("Could not renew provisioning leases; retrying: {}", e.getMessage());
        }
    }

    /** Stops renewing: leases still held expire, so another instance can take their requests over. */
    @Override
    public synchronized void close() {
        closed = true;
        if (renewer != null) renewer.shutdownNow();
    }
}
