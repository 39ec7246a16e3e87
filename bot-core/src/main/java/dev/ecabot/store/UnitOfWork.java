package dev.ecabot.store;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.sql.Savepoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.logging.Logger;

/**
 * One database transaction shared by everything a thread does between {@link #run} and its return: a chat turn's
 * conversation state, inventory and vault changes and the outbox rows of its replies commit together or not at all.
 * <p>
 * Stores need no change: they take connections from a {@link #joining} data source (the {@link Database}'s), which
 * hands out the unit's connection while a unit is open on the calling thread and a plain pooled one otherwise. Each
 * handed-out connection works inside a savepoint of its own, so what a store does behaves as before: its
 * {@code commit()} keeps its work in the unit, its {@code rollback()} (or a failure it swallowed, on PostgreSQL)
 * undoes only its own statements, and {@code close()} leaves the unit's connection open. Units nest: an inner
 * {@link #run} is a savepoint that a failure rolls back, leaving the outer unit usable.
 * <p>
 * Crash semantics: nothing of a unit is visible to another connection, or survives the process, before the outer
 * {@link #run} commits; after it commits, all of it is. Work that must happen only once the unit is durable (waking
 * the outbox's sender, handing a request to a background thread) is registered with {@link #afterCommit}.
 * Keep units short: the rows they change stay locked until they end. Not for threads other than the caller's.
 */
public final class UnitOfWork {

    private static final ThreadLocal<Unit> CURRENT = new ThreadLocal<>();

    private UnitOfWork() {
    }

    /** The unit open on this thread: its data source (bound by the first connection asked for), connection, hooks. */
    private static final class Unit {
        DataSource raw;
        Connection connection;
        final List<Runnable> afterCommit = new ArrayList<>();
        final List<Runnable> afterRollback = new ArrayList<>();
    }

    /**
     * Runs {@code work} in one transaction, committed when it returns and rolled back when it throws; joins (as a
     * savepoint) the unit already open on this thread. After the outermost commit the {@link #afterCommit} actions run.
     */
    public static <T> T run(Supplier<T> work) {
        Objects.requireNonNull(work, "work");
        Unit open = CURRENT.get();
        if (open != null) return nested(open, work);
        Unit unit = new Unit();
        CURRENT.set(unit);
        T result;
        try {
            result = work.get();
            if (unit.connection != null) unit.connection.commit();
        } catch (SQLException e) {
            rollback(unit);
            undoOutside(unit, null);
            throw new IllegalStateException("Database error while committing a turn: " + e.getMessage(), e);
        } catch (RuntimeException | Error e) {
            rollback(unit);
            undoOutside(unit, e);
            throw e;
        } finally {
            CURRENT.remove();
            closeQuietly(unit);
        }
        RuntimeException first = null;
        for (Runnable action : unit.afterCommit) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (first == null) first = e; else first.addSuppressed(e);
            }
        }
        if (first != null) throw first;
        return result;
    }

    /** {@link #run(Supplier)} for work without a result. */
    public static void run(Runnable work) {
        run(() -> {
            work.run();
            return null;
        });
    }

    /** Runs {@code action} once the unit open on this thread has committed (dropped if it rolls back); now if none. */
    public static void afterCommit(Runnable action) {
        Unit unit = CURRENT.get();
        if (unit == null) action.run(); else unit.afterCommit.add(action);
    }

    /**
     * Runs {@code action} if the unit open on this thread rolls back: for what was committed outside the unit on its
     * behalf (a provisioning lease) and must not outlive a turn that did not happen. Nothing happens without a unit.
     */
    public static void afterRollback(Runnable action) {
        Unit unit = CURRENT.get();
        if (unit != null) unit.afterRollback.add(action);
    }

    private static void undoOutside(Unit unit, Throwable cause) {
        for (Runnable action : unit.afterRollback) {
            try {
                action.run();
            } catch (RuntimeException e) {
                if (cause != null) cause.addSuppressed(e);
            }
        }
    }

    /** True while a unit is open on this thread. */
    public static boolean inProgress() {
        return CURRENT.get() != null;
    }

    /** A data source whose connections join the unit open on the calling thread, if any. Idempotent. */
    public static DataSource joining(DataSource dataSource) {
        Objects.requireNonNull(dataSource, "dataSource");
        return dataSource instanceof Joining ? dataSource : new Joining(dataSource);
    }

    /** A data source whose connections never join a unit (their work commits on its own), e.g. cross-instance locks. */
    public static DataSource independent(DataSource dataSource) {
        return dataSource instanceof Joining joining ? joining.raw : dataSource;
    }

    private static <T> T nested(Unit unit, Supplier<T> work) {
        int hooks = unit.afterCommit.size();
        Savepoint savepoint = unit.connection == null ? null : savepoint(unit.connection);
        try {
            return work.get();
        } catch (RuntimeException | Error e) {
            try {
                if (savepoint != null) unit.connection.rollback(savepoint);
                else if (unit.connection != null) unit.connection.rollback(); // bound inside: nothing before it
            } catch (SQLException rollbackFailed) {
                e.addSuppressed(rollbackFailed);
            }
            unit.afterCommit.subList(hooks, unit.afterCommit.size()).clear();
            throw e;
        }
    }

    private static Savepoint savepoint(Connection c) {
        try {
            return c.setSavepoint();
        } catch (SQLException e) {
            throw new IllegalStateException("Database error while starting a nested unit of work: " + e.getMessage(), e);
        }
    }

    private static void rollback(Unit unit) {
        if (unit.connection == null) return;
        try {
            unit.connection.rollback();
        } catch (SQLException ignored) {
            // the connection is closed next; an unfinished transaction is rolled back by the database anyway
        }
    }

    private static void closeQuietly(Unit unit) {
        if (unit.connection == null) return;
        try {
            unit.connection.setAutoCommit(true);
        } catch (SQLException ignored) {
            // a broken connection: the pool discards it
        }
        try {
            unit.connection.close();
        } catch (SQLException ignored) {
            // nothing more to do with it
        }
    }

    /** The data source the stores see: the unit's connection (wrapped) inside a unit, a pooled one outside. */
    private static final class Joining implements DataSource {
        private final DataSource raw;

        Joining(DataSource raw) {
            this.raw = raw;
        }

        @Override
        public Connection getConnection() throws SQLException {
            Unit unit = CURRENT.get();
            if (unit == null || (unit.raw != null && unit.raw != raw)) return raw.getConnection();
            if (unit.connection == null) {
                Connection c = raw.getConnection();
                c.setAutoCommit(false);
                unit.raw = raw;
                unit.connection = c;
            }
            return Handle.of(unit.connection);
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            throw new SQLFeatureNotSupportedException("the bot's database has one set of credentials");
        }

        @Override
        public PrintWriter getLogWriter() throws SQLException {
            return raw.getLogWriter();
        }

        @Override
        public void setLogWriter(PrintWriter out) throws SQLException {
            raw.setLogWriter(out);
        }

        @Override
        public void setLoginTimeout(int seconds) throws SQLException {
            raw.setLoginTimeout(seconds);
        }

        @Override
        public int getLoginTimeout() throws SQLException {
            return raw.getLoginTimeout();
        }

        @Override
        public Logger getParentLogger() throws SQLFeatureNotSupportedException {
            return raw.getParentLogger();
        }

        @Override
        public <T> T unwrap(Class<T> type) throws SQLException {
            return type.isInstance(raw) ? type.cast(raw) : raw.unwrap(type);
        }

        @Override
        public boolean isWrapperFor(Class<?> type) throws SQLException {
            return type.isInstance(raw) || raw.isWrapperFor(type);
        }
    }

    /**
     * The unit's connection as one store sees it: inside a savepoint of its own; commit keeps the work in the unit,
     * rollback undoes this store's work only, close releases the savepoint and leaves the connection to the unit.
     */
    private static final class Handle implements InvocationHandler {
        private final Connection connection;
        private Savepoint savepoint;
        private boolean autoCommit = true;
        private boolean closed;

        private Handle(Connection connection) throws SQLException {
            this.connection = connection;
            this.savepoint = connection.setSavepoint();
        }

        static Connection of(Connection connection) throws SQLException {
            return (Connection) Proxy.newProxyInstance(Connection.class.getClassLoader(),
                    new Class<?>[] {Connection.class}, new Handle(connection));
        }

        @Override
        public Object invoke(Object proxy, Method method, Object[] args) throws Throwable {
            switch (method.getName()) {
                case "close":
                    if (!closed) end();
                    return null;
                case "isClosed":
                    return closed || connection.isClosed();
                case "getAutoCommit":
                    return autoCommit;
                case "setAutoCommit":
                    autoCommit = (Boolean) args[0];
                    return null;
                case "commit":
                    return null; // the unit commits
                case "rollback":
                    if (args == null || args.length == 0) {
                        connection.rollback(savepoint);
                        savepoint = connection.setSavepoint();
                        return null;
                    }
                    break;
                case "equals":
                    return proxy == args[0];
                case "hashCode":
                    return System.identityHashCode(proxy);
                case "toString":
                    return "unit-of-work handle on " + connection;
                default:
                    break;
            }
            if (closed) throw new SQLException("connection handle is closed");
            try {
                return method.invoke(connection, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }

        private void end() throws SQLException {
            closed = true;
            try {
                connection.releaseSavepoint(savepoint);
            } catch (SQLException aborted) {
                // PostgreSQL: a statement of this store failed and was handled by it; undo its part only
                connection.rollback(savepoint);
            }
        }
    }
}
