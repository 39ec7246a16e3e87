package dev.ecabot.testing;

import dev.ecabot.store.Database;
import org.junit.jupiter.api.Assumptions;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Locale;
import java.util.UUID;

/**
 * Opens the bot's database on a real PostgreSQL for the tests of the PostgreSQL and cluster paths.
 * Each call gets a schema of its own, so tests never see each other's rows.
 * The server is {@code ECABOT_TEST_PG_URL} (default: the local server at 127.0.0.1:5432, database
 * {@code test}, user {@code postgres}); where none answers, the test is skipped and says why.
 */
public final class PostgresTestDatabase {

    public static final String DEFAULT_URL = "jdbc:postgresql://127.0.0.1:5432/test";

    private PostgresTestDatabase() {
    }

    /** The server's base URL, after skipping the calling test if no PostgreSQL is reachable. */
    public static String requireServer() {
        String url = baseUrl();
        try (Connection ignored = DriverManager.getConnection(url + separator(url) + "connectTimeout=3", user(), null)) {
            return url;
        } catch (SQLException e) {
            Assumptions.abort("No PostgreSQL reachable at " + url + " (" + e.getMessage()
                    + "); set ECABOT_TEST_PG_URL to run the PostgreSQL tests.");
            return url;
        }
    }

    /** A migrated bot database in a new schema of its own on the test server. */
    public static Database openFreshSchema() {
        String url = requireServer();
        String schema = "t_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url, user(), null)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create test schema " + schema, e);
        }
        return Database.open(url + separator(url) + "currentSchema=" + schema, user(), null);
    }

    private static String baseUrl() {
        return System.getenv().getOrDefault("ECABOT_TEST_PG_URL", DEFAULT_URL);
    }

    private static String user() {
        return System.getenv().getOrDefault("ECABOT_TEST_PG_USER", "postgres");
    }

    private static String separator(String url) {
        return url.contains("?") ? "&" : "?";
    }
}
