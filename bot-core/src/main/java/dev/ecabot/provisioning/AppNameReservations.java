package dev.ecabot.provisioning;

import dev.ecabot.access.Requester;
import dev.ecabot.store.SqlTime;
import dev.ecabot.store.SqlWork;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Optional;

/**
 * Which request is creating which API name in which org: one name per request, one request per name (ignoring
 * case, as Salesforce does). A request takes its name when the name is answered and keeps it until it ends, so
 * a second request for the same name is told who holds it instead of merging with the first. Thread-safe and
 * safe across instances (the database's unique key decides).
 */
public final class AppNameReservations {

    /** The outcome of asking for a name. */
    public sealed interface Claim {
        /** The name is this request's now (or already was). */
        record Reserved() implements Claim { }

        /** Another request holds the name. */
        record HeldBy(Reservation holder) implements Claim { }
    }

    /** A name held by a request. */
    public record Reservation(String requestId, String org, String apiName, Requester requester, Instant reservedAt) { }

    /** SQLSTATE of a unique key violation, the same on H2 and PostgreSQL. */
    private static final String UNIQUE_VIOLATION = "23505";

    private final DataSource dataSource;
    private final Clock clock;

    public AppNameReservations(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    /**
     * Reserves {@code apiName} in {@code org} for {@code requestId}, giving up any other name the request held
     * (a changed answer); the holder when another request has it.
     */
    public Claim reserve(String requestId, String org, String apiName, Requester requester) {
        try {
            return SqlWork.inTransaction(dataSource, "reserve an app name", c -> {
                Optional<Reservation> holder = holder(c, org, apiName);
                if (holder.isPresent()) {
                    return holder.get().requestId().equals(requestId) ? new Claim.Reserved() : new Claim.HeldBy(holder.get());
                }
                delete(c, requestId);
                try (PreparedStatement ps = c.prepareStatement("INSERT INTO app_name_reservation (request_id, org_key,"
                        + " api_key, org, api_name, requester, reserved_at) VALUES (?, ?, ?, ?, ?, ?, ?)")) {
                    ps.setString(1, requestId);
                    ps.setString(2, key(org));
                    ps.setString(3, key(apiName));
                    ps.setString(4, org);
                    ps.setString(5, apiName);
                    ps.setString(6, requester.toString());
                    SqlTime.set(ps, 7, clock.instant());
                    ps.executeUpdate();
                }
                return new Claim.Reserved();
            });
        } catch (IllegalStateException e) {
            if (!(e.getCause() instanceof SQLException sql) || !UNIQUE_VIOLATION.equals(sql.getSQLState())) throw e;
            // A concurrent request inserted the same name first: it holds it.
            return holder(org, apiName).<Claim>map(Claim.HeldBy::new).orElseThrow(() -> e);
        }
    }

    /** Gives up whatever name {@code requestId} held (the request ended); nothing when it held none. */
    public void release(String requestId) {
        SqlWork.inTransaction(dataSource, "release an app name", c -> {
            delete(c, requestId);
            return null;
        });
    }

    /** Who holds {@code apiName} in {@code org}, if anyone. */
    public Optional<Reservation> holder(String org, String apiName) {
        return SqlWork.inTransaction(dataSource, "read an app name reservation", c -> holder(c, org, apiName));
    }

    private static Optional<Reservation> holder(Connection c, String org, String apiName) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("SELECT request_id, org, api_name, requester, reserved_at"
                + " FROM app_name_reservation WHERE org_key = ? AND api_key = ?")) {
            ps.setString(1, key(org));
            ps.setString(2, key(apiName));
            try (ResultSet rs = ps.executeQuery()) {
                if (!rs.next()) return Optional.empty();
                return Optional.of(new Reservation(rs.getString("request_id"), rs.getString("org"),
                        rs.getString("api_name"), Requester.parse(rs.getString("requester")), SqlTime.get(rs, "reserved_at")));
            }
        }
    }

    private static void delete(Connection c, String requestId) throws SQLException {
        try (PreparedStatement ps = c.prepareStatement("DELETE FROM app_name_reservation WHERE request_id = ?")) {
            ps.setString(1, requestId);
            ps.executeUpdate();
        }
    }

    private static String key(String name) {
        return name.toUpperCase(Locale.ROOT);
    }
}
