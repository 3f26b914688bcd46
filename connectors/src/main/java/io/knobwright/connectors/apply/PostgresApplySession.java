package io.knobwright.connectors.apply;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.apply.journal.ServerStepException;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.value.Values;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.Objects;

/**
 * Applies parameter changes to a PostgreSQL server: ALTER SYSTEM (persisted in postgresql.auto.conf) followed by
 * pg_reload_conf(), read back from pg_settings with pending_restart. ALTER SYSTEM takes no bind parameters, so the
 * statement is written by the server itself with {@code format('ALTER SYSTEM SET %I = %L', ?, ?)}: its own quoting
 * of the name and the value, whatever they hold. Names must also be in the server's catalog before anything is sent.
 * A connection that dies mid-apply is opened again for the next step (compensation needs one).
 */
public final class PostgresApplySession implements ServerSession, AutoCloseable {

    private final JdbcGate.Admitted admitted;
    private final ParameterCatalog catalog;
    private Connection connection;

    public PostgresApplySession(ConnectionTarget target, ConnectorTimeouts timeouts, ParameterCatalog catalog) {
        this.admitted = JdbcGate.admit(PostgresDialect.INSTANCE, Objects.requireNonNull(target, "target"), timeouts);
        this.catalog = Objects.requireNonNull(catalog, "catalog");
    }

    private Connection connection() throws SQLException {
        if (connection == null || connection.isClosed() || !connection.isValid(2)) {
            closeQuietly();
            connection = admitted.connect();
            connection.setAutoCommit(true);
        }
        return connection;
    }

    private ParameterSpec spec(String parameter) {
        return catalog.find(parameter).orElseThrow(() -> new ServerStepException("PostgreSQL " + catalog.engineVersion()
                + " has no parameter " + parameter + "; nothing was sent", false));
    }

    @Override
    public String read(String parameter) {
        ParameterSpec spec = spec(parameter);
        try (PreparedStatement s = connection().prepareStatement("SELECT setting FROM pg_settings WHERE name = ?")) {
            s.setString(1, spec.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? r.getString(1) : null;
            }
        } catch (SQLException e) {
            throw failure("reading " + parameter, e);
        }
    }

    @Override
    public void set(String parameter, String value) {
        ParameterSpec spec = spec(parameter);
        Values.problem(spec, value).ifPresent(problem -> {
            throw new ServerStepException(parameter + " = " + value + " is refused before it is sent: " + problem, false);
        });
        alter("SELECT format('ALTER SYSTEM SET %I = %L', ?::text, ?::text)", spec.name(), value);
    }

    @Override
    public void restore(String parameter, String prior) {
        ParameterSpec spec = spec(parameter);
        if (prior == null) {
            alter("SELECT format('ALTER SYSTEM RESET %I', ?::text)", spec.name(), null);
        } else {
            alter("SELECT format('ALTER SYSTEM SET %I = %L', ?::text, ?::text)", spec.name(), prior);
        }
    }

    private void alter(String writer, String name, String value) {
        try {
            Connection c = connection();
            String statement;
            try (PreparedStatement s = c.prepareStatement(writer)) {
                s.setString(1, name);
                if (value != null) {
                    s.setString(2, value);
                }
                try (ResultSet r = s.executeQuery()) {
                    r.next();
                    statement = r.getString(1);
                }
            }
            try (Statement s = c.createStatement()) {
                s.execute(statement);
                s.execute("SELECT pg_reload_conf()");
            }
            awaitReload(c, name, value);
        } catch (SQLException e) {
            throw failure("setting " + name, e);
        }
    }

    /**
     * pg_reload_conf() only signals the postmaster, which then signals every backend: this one sees the new value a
     * moment later. Wait (up to a second) until it does, or until the server says the value waits for a restart.
     */
    private void awaitReload(Connection c, String name, String value) throws SQLException {
        ParameterSpec spec = spec(name);
        long until = System.nanoTime() + 1_000_000_000L;
        try (PreparedStatement s = c.prepareStatement("SELECT setting, pending_restart FROM pg_settings WHERE name = ?")) {
            s.setString(1, name);
            while (System.nanoTime() < until) {
                try (ResultSet r = s.executeQuery()) {
                    if (!r.next() || r.getBoolean(2) || (value != null && Values.same(spec, value, r.getString(1)))) {
                        return;
                    }
                }
                try {
                    Thread.sleep(20);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    return;
                }
            }
        }
    }

    @Override
    public boolean pendingRestart(String parameter) {
        ParameterSpec spec = spec(parameter);
        try (PreparedStatement s = connection().prepareStatement("SELECT pending_restart FROM pg_settings WHERE name = ?")) {
            s.setString(1, spec.name());
            try (ResultSet r = s.executeQuery()) {
                return r.next() && r.getBoolean(1);
            }
        } catch (SQLException e) {
            throw failure("reading " + parameter, e);
        }
    }

    @Override
    public boolean same(String parameter, String expected, String actual) {
        return actual != null && Values.same(spec(parameter), expected, actual);
    }

    /** A server error is a refusal of this step; a lost connection (SQLSTATE 08, 57P01) may or may not have done it. */
    private static ServerStepException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        boolean lost = state.startsWith("08") || state.startsWith("57P");
        return new ServerStepException("PostgreSQL " + (lost ? "connection lost while " : "refused ") + what + ": "
                + (e.getMessage() == null ? state : e.getMessage().lines().findFirst().orElse(state)), lost, e);
    }

    private void closeQuietly() {
        if (connection != null) {
            try {
                connection.close();
            } catch (SQLException ignored) {
                // a dead connection cannot be closed more
            }
            connection = null;
        }
    }

    @Override
    public void close() {
        closeQuietly();
    }
}
