package dev.ecabot.reminders;

import org.quartz.utils.ConnectionProvider;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/** Hands Quartz connections from the bot's own pool; the pool belongs to the bot, so shutdown leaves it open. */
final class DataSourceConnectionProvider implements ConnectionProvider {

    private final DataSource dataSource;

    DataSourceConnectionProvider(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    @Override
    public Connection getConnection() throws SQLException {
        return dataSource.getConnection();
    }

    @Override
    public void shutdown() {
        // the Database closes the pool
    }

    @Override
    public void initialize() {
        // nothing to set up: the pool is already open
    }
}
