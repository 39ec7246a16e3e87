package dev.ecabot.bench;

import dev.ecabot.store.Database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;

/**
 * The shared PostgreSQL at 127.0.0.1:5432 (database test, user postgres; ECABOT_TEST_PG_URL / ECABOT_TEST_PG_USER
 * override), a fresh schema per use like dev.ecabot.testing.PostgresTestDatabase, each dropped again by
 * {@link #dropAll()} so 100,000 benchmark rows do not stay on a shared server.
 */
public final class PostgresSchemas {

    private static final List<String> created = new ArrayList<>();

    private PostgresSchemas() {
    }

    public static String url() {
        return dev.ecabot.settings.ProcessEnvironment.variables().getOrDefault("ECABOT_TEST_PG_URL", "jdbc:postgresql://127.0.0.1:5432/test");
    }

    public static String user() {
        return dev.ecabot.settings.ProcessEnvironment.variables().getOrDefault("ECABOT_TEST_PG_USER", "postgres");
    }

    /** Why PostgreSQL figures are skipped, or empty when a server answers. */
    public static Optional<String> unreachable() {
        try (Connection ignored = DriverManager.getConnection(url() + "?connectTimeout=3", user(), null)) {
            return Optional.empty();
        } catch (SQLException e) {
            return Optional.of("no PostgreSQL at " + url() + " (" + e.getMessage() + ")");
        }
    }

    /** A new empty schema's JDBC URL. */
    public static synchronized String freshSchemaUrl() {
        String schema = "bench_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12).toLowerCase(Locale.ROOT);
        try (Connection c = DriverManager.getConnection(url(), user(), null)) {
            c.createStatement().execute("CREATE SCHEMA " + schema);
        } catch (SQLException e) {
            throw new IllegalStateException("Could not create schema " + schema, e);
        }
        created.add(schema);
        return url() + (url().contains("?") ? "&" : "?") + "currentSchema=" + schema;
    }

    /** A migrated bot database in a new schema. */
    public static Database openFresh() {
        return Database.open(freshSchemaUrl(), user(), null);
    }

    public static synchronized void dropAll() {
        try (Connection c = DriverManager.getConnection(url(), user(), null)) {
            for (String schema : created) c.createStatement().execute("DROP SCHEMA IF EXISTS " + schema + " CASCADE");
            created.clear();
        } catch (SQLException e) {
            System.out.println("could not drop benchmark schemas " + created + ": " + e.getMessage());
        }
    }
}
