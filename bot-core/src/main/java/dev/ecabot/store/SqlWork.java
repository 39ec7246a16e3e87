package dev.ecabot.store;

import javax.sql.DataSource;
import java.sql.Connection;
import java.sql.SQLException;

/**
 * A unit of JDBC work run in one transaction: committed if it returns, rolled back if it throws.
 * SQL failures surface as {@link IllegalStateException} naming what was being done.
 */
@FunctionalInterface
public interface SqlWork<T> {

    T run(Connection c) throws SQLException;

    /** Runs {@code work} in a transaction on a pooled connection; {@code what} names it in errors ("reveal an offer"). */
    static <T> T inTransaction(DataSource dataSource, String what, SqlWork<T> work) {
        try (Connection c = dataSource.getConnection()) {
            boolean autoCommit = c.getAutoCommit();
            c.setAutoCommit(false);
            try {
                T result = work.run(c);
                c.commit();
                return result;
            } catch (SQLException | RuntimeException e) {
                c.rollback();
                throw e;
            } finally {
                c.setAutoCommit(autoCommit);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("Database error while trying to " + what + ": " + e.getMessage(), e);
        }
    }
}
