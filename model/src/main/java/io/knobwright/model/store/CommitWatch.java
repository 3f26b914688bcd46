package io.knobwright.model.store;

import org.jooq.ExecuteContext;
import org.jooq.ExecuteListener;
import org.jooq.ExecuteType;

import javax.sql.DataSource;
import java.io.PrintWriter;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLFeatureNotSupportedException;
import java.util.logging.Logger;

/**
 * Knows whether the current thread's unit of work may have written something to the store. A unit that failed
 * before it asked for a commit, or that wrote nothing, certainly changed nothing and may run again; one that wrote
 * and asked for a commit (or wrote outside a transaction) may have committed, and must not. jOOQ calls
 * {@link Connection#commit} once, for the outermost transaction (nested ones release savepoints), so that call is
 * watched on the connections; writes are seen through jOOQ's {@link ExecuteListener}.
 */
final class CommitWatch implements DataSource {

    private static final ThreadLocal<Boolean> COMMIT_ASKED = ThreadLocal.withInitial(() -> false);
    private static final ThreadLocal<Boolean> WROTE = ThreadLocal.withInitial(() -> false);

    private final DataSource connections;

    CommitWatch(DataSource connections) {
        this.connections = connections;
    }

    /** Forgets what this thread did before: a new unit of work starts. */
    static void startUnit() {
        COMMIT_ASKED.set(false);
        WROTE.set(false);
    }

    /** True when this thread's unit may have committed a write since {@link #startUnit}. */
    static boolean mayHaveCommitted() {
        return WROTE.get() && COMMIT_ASKED.get();
    }

    /** Marks the writes of the current thread; an autocommit write commits by itself. */
    static ExecuteListener writes() {
        return new ExecuteListener() {
            @Override
            public void executeStart(ExecuteContext ctx) {
                if (ctx.type() == ExecuteType.READ) {
                    return;
                }
                WROTE.set(true);
                try {
                    if (ctx.connection().getAutoCommit()) {
                        COMMIT_ASKED.set(true);
                    }
                } catch (SQLException e) {
                    COMMIT_ASKED.set(true); // cannot tell: assume the worst
                }
            }
        };
    }

    @Override
    public Connection getConnection() throws SQLException {
        return watched(connections.getConnection());
    }

    @Override
    public Connection getConnection(String username, String password) throws SQLException {
        return watched(connections.getConnection(username, password));
    }

    private static Connection watched(Connection connection) {
        return (Connection) Proxy.newProxyInstance(CommitWatch.class.getClassLoader(), new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                    switch (method.getName()) {
                        case "commit" -> COMMIT_ASKED.set(true);
                        case "equals" -> {
                            return proxy == args[0];
                        }
                        case "hashCode" -> {
                            return System.identityHashCode(proxy);
                        }
                        default -> {
                        }
                    }
                    try {
                        return method.invoke(connection, args);
                    } catch (InvocationTargetException e) {
                        throw e.getCause();
                    }
                });
    }

    @Override
    public PrintWriter getLogWriter() throws SQLException {
        return connections.getLogWriter();
    }

    @Override
    public void setLogWriter(PrintWriter out) throws SQLException {
        connections.setLogWriter(out);
    }

    @Override
    public void setLoginTimeout(int seconds) throws SQLException {
        connections.setLoginTimeout(seconds);
    }

    @Override
    public int getLoginTimeout() throws SQLException {
        return connections.getLoginTimeout();
    }

    @Override
    public Logger getParentLogger() throws SQLFeatureNotSupportedException {
        return connections.getParentLogger();
    }

    @Override
    public <T> T unwrap(Class<T> type) throws SQLException {
        return connections.unwrap(type);
    }

    @Override
    public boolean isWrapperFor(Class<?> type) throws SQLException {
        return connections.isWrapperFor(type);
    }
}
