package dev.ecabot.store;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import dev.ecabot.settings.error.InvalidSettingException;
import org.flywaydb.core.Flyway;

import javax.sql.DataSource;
import java.util.Locale;

/**
 * The bot's one database: a HikariCP pool whose schema Flyway brings up to date on open.
 * An H2 file database under ./data by default; PostgreSQL (or any URL) through {@code ECABOT_DB_URL}.
 * Migrations shared by every database live in {@code db/migration/common}; the few that differ by
 * database (Quartz's DDL) in {@code db/migration/h2} and {@code db/migration/postgresql}. Flyway reads these
 * locations from every jar on the classpath: a chat adapter ships its own tables' migrations there (Slack V50, V51;
 * Teams V55).
 * Thread-safe; close it once at shutdown.
 */
public final class Database implements AutoCloseable {

    /**
     * H2 runs inside the bot, so a connection is a session, not a server process: with 4, the chat turns of 1,000
     * conversations at once (32 chat threads) spent most of their time waiting for one (JFR), some far longer than
     * others. With 16 the turns share the cores instead
     * (docs/configuration.md, "Performance knobs", has the measurement).
     */
    static final int H2_POOL_SIZE = 16;
    /** Hikari's default: each connection is a PostgreSQL server process competing for the same cores. */
    static final int POSTGRES_POOL_SIZE = 10;

    private final HikariDataSource dataSource;
    private final DataSource joining;
    private final String vendor;
    /** True once this process brought the schema up to date: its migrations cannot be pending again. */
    private volatile boolean migratedByThisProcess;

    private Database(HikariDataSource dataSource, String vendor) {
        this.dataSource = dataSource;
        this.joining = UnitOfWork.joining(dataSource);
        this.vendor = vendor;
    }

    /**
     * Opens the database at {@code url} (user and password may be null) and migrates its schema.
     * @throws DatabaseUnavailableException when it cannot be reached, refuses the sign-in or cannot be migrated
     */
    public static Database open(String url, String user, String password) {
        Database db = openWithoutMigrating(url, user, password);
        try {
            db.flyway().migrate();
            db.migratedByThisProcess = true;
        } catch (RuntimeException e) {
            db.close();
            throw DatabaseUnavailableException.opening(url, e);
        }
        return db;
    }

    /**
     * Opens the database at {@code url} as it is, for looking only ({@code ecabot status}): an older instance's
     * check must not migrate a database the cluster still runs on.
     * @throws DatabaseUnavailableException when it cannot be reached or refuses the sign-in
     */
    public static Database openWithoutMigrating(String url, String user, String password) {
        String vendor = vendorOf(url);
        // One plain connection first: a refusal becomes one line with the fix, not the pool's logged stack trace.
        java.util.Properties credentials = new java.util.Properties();
        if (user != null) credentials.setProperty("user", user);
        if (password != null) credentials.setProperty("password", password);
        try (java.sql.Connection probe = java.sql.DriverManager.getConnection(url, credentials)) {
            probe.isValid(2);
        } catch (java.sql.SQLException e) {
            throw DatabaseUnavailableException.opening(url, e);
        }
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(url);
        if (user != null) config.setUsername(user);
        if (password != null) config.setPassword(password);
        config.setMaximumPoolSize(vendor.equals("h2") ? H2_POOL_SIZE : POSTGRES_POOL_SIZE);
        config.setPoolName("ecabot-db");
        // A database closed under the pool (H2 after a full disk) is reopened by the next connection, not kept dead.
        config.setExceptionOverride(new StorageTrouble());
        try {
            return new Database(new HikariDataSource(config), vendor);
        } catch (RuntimeException e) {
            throw DatabaseUnavailableException.opening(url, e);
        }
    }

    /** The migrations this version of the bot has that the database has not applied yet (0 when up to date). */
    public int pendingMigrations() {
        // Asking Flyway scans the classpath and the history again (seconds at start-up on a busy machine); after this
        // process migrated, every migration it has is applied (a newer instance may add more, never remove them).
        if (migratedByThisProcess) return 0;
        return flyway().info().pending().length;
    }

    private Flyway flyway() {
        return Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load();
    }

    /** An in-memory H2 database for tests and one-shot commands; gone when closed. */
    public static Database inMemory(String name) {
        return open("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1", null, null);
    }

    static String vendorOf(String url) {
        String lower = url.toLowerCase(Locale.ROOT);
        if (lower.startsWith("jdbc:h2:")) return "h2";
        if (lower.startsWith("jdbc:postgresql:")) return "postgresql";
        throw new InvalidSettingException("ECABOT_DB_URL must be an H2 (jdbc:h2:...) or PostgreSQL "
                + "(jdbc:postgresql://host:5432/db) URL; got one starting with '"
                + url.substring(0, Math.min(url.length(), 16)) + "'");
    }

    /** The bot's connections: inside a {@link UnitOfWork} (a chat turn) they share its one transaction. */
    public DataSource dataSource() {
        return joining;
    }

    /** Connections that never join a unit of work, for a library that manages its own transactions (Quartz). */
    public DataSource independentDataSource() {
        return dataSource;
    }

    /** "h2" or "postgresql": which Quartz delegate and which vendor migrations apply. */
    public String vendor() {
        return vendor;
    }

    @Override
    public void close() {
        dataSource.close();
    }
}
