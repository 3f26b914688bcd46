package io.knobwright.connectors.apply;

import io.knobwright.model.apply.journal.ServerStepException;

import java.sql.Connection;
import java.sql.SQLException;
import java.util.Objects;

/**
 * The one connection of an apply session: opened on first use, and opened again after it was lost, so that the
 * compensation of a step cut off by a dead connection still gets one. Shared by every engine's session.
 */
final class SessionConnection implements AutoCloseable {

    private final StatementApplySession.ConnectionSource source;
    private Connection connection;

    SessionConnection(StatementApplySession.ConnectionSource source) {
        this.source = Objects.requireNonNull(source, "source");
    }

    Connection get() throws SQLException {
        if (connection == null || connection.isClosed() || !connection.isValid(2)) {
            close();
            connection = source.open();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    /**
     * A server error is a refusal of the step; a lost connection may or may not have done it, and is dropped so the
     * next call opens a new one.
     *
     * @param engine "PostgreSQL", "MariaDB", ...
     * @param lost   whether the engine reads {@code e} as a lost connection
     */
    ServerStepException failure(String engine, String what, SQLException e, boolean lost) {
        if (lost) {
            close();
        }
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return new ServerStepException(engine + (lost ? " connection lost while " : " refused ") + what + ": "
                + (e.getMessage() == null ? state : e.getMessage().lines().findFirst().orElse(state)), lost, e);
    }

    @Override
    public void close() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a dead connection cannot be closed more
            }
            connection = null;
        }
    }
}
