package io.knobwright.connectors.apply;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.model.apply.ApplyPlanner;
import io.knobwright.model.apply.ApplyStatement;
import io.knobwright.model.apply.ApplyStep;
import io.knobwright.model.apply.PriorValue;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.apply.journal.ServerStepException;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.value.Values;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Objects;

/**
 * Applies parameter changes to a PostgreSQL server: ALTER SYSTEM (persisted in postgresql.auto.conf) followed by
 * pg_reload_conf(), read back from pg_settings with pending_restart. The statements come from {@link ApplyPlanner}:
 * names and values validated against the server's catalog, quoted exactly as quote_ident/quote_literal (0117).
 * A connection that dies mid-apply is opened again for the next step (compensation needs one).
 */
public final class PostgresApplySession implements ServerSession, AutoCloseable {

    private final ParameterCatalog catalog;
    private final ApplyPlanner planner;
    private final SessionConnection connection;

    public PostgresApplySession(ConnectionTarget target, ConnectorTimeouts timeouts, ParameterCatalog catalog) {
        this.connection = new SessionConnection(JdbcGate.admit(PostgresDialect.INSTANCE,
                Objects.requireNonNull(target, "target"), timeouts)::connect);
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.planner = new ApplyPlanner(catalog);
    }

    private Connection connection() throws SQLException {
        return connection.get();
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
        run(planned(parameter, value, PriorValue.notPersisted(null)).apply(), spec.name(), value);
    }

    /**
     * Whether postgresql.auto.conf held an entry before the run is not journaled, so the run's entry is removed first
     * (RESET): that brings back what postgresql.conf or the default gives, which is the prior value unless an earlier
     * ALTER SYSTEM had set it; only then is the prior value written back. So putting back does not pin a value that
     * came from elsewhere in postgresql.auto.conf (0119), and it needs nothing a killed process knew.
     */
    @Override
    public void restore(String parameter, String prior) {
        ParameterSpec spec = spec(parameter);
        run(planned(parameter, spec.defaultValue() == null ? "" : spec.defaultValue(), PriorValue.notPersisted(null))
                .compensation(), spec.name(), null);
        if (prior != null && !inForceWithoutEntry(spec, prior)) {
            run(planned(parameter, prior, PriorValue.notPersisted(prior)).apply(), spec.name(), prior);
        }
    }

    /**
     * After a RESET: whether the server holds {@code prior} and waits for no restart to hold something else. The
     * reload reaches this backend a moment later, so it is asked again for up to a second (the time only a prior
     * that an earlier ALTER SYSTEM had set costs).
     */
    private boolean inForceWithoutEntry(ParameterSpec spec, String prior) {
        long until = System.nanoTime() + 1_000_000_000L;
        try (PreparedStatement s = connection().prepareStatement("SELECT setting, pending_restart FROM pg_settings WHERE name = ?")) {
            s.setString(1, spec.name());
            while (true) {
                try (ResultSet r = s.executeQuery()) {
                    if (r.next() && !r.getBoolean(2) && r.getString(1) != null && Values.same(spec, prior, r.getString(1))) {
                        return true;
                    }
                }
                if (System.nanoTime() >= until || !pause()) {
                    return false;
                }
            }
        } catch (SQLException e) {
            throw failure("reading " + spec.name(), e);
        }
    }

    /** Waits a little between two reads; false when interrupted (the caller stops waiting). */
    private static boolean pause() {
        try {
            // the postmaster rereads the files and signals this backend within milliseconds: poll finely
            Thread.sleep(2);
            return true;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    /** The statements for a change, written by {@link ApplyPlanner}: validated against the catalog, quoted as the server quotes. */
    private ApplyStep planned(String parameter, String value, PriorValue prior) {
        try {
            return planner.plan(parameter, value, prior);
        } catch (RuntimeException refused) {
            throw new ServerStepException(parameter + " = " + value + " is refused before it is sent: " + refused.getMessage(), false);
        }
    }

    private void run(List<ApplyStatement> statements, String name, String value) {
        try {
            Connection c = connection();
            boolean reloads = statements.stream().anyMatch(st -> st.sql().contains("pg_reload_conf"));
            java.sql.Timestamp loadedBefore = reloads ? configLoadTime(c) : null;
            for (ApplyStatement statement : statements) {
                try (PreparedStatement s = c.prepareStatement(statement.executable())) {
                    for (int i = 0; i < statement.binds().size(); i++) {
                        s.setObject(i + 1, statement.binds().get(i));
                    }
                    s.execute();
                }
            }
            if (loadedBefore != null) {
                awaitConfigLoadedAfter(c, loadedBefore);
            }
            awaitReload(c, name, value);
        } catch (SQLException e) {
            throw failure("setting " + name, e);
        }
    }

    /** When this backend last read the configuration files (pg_conf_load_time() is per backend). */
    private static java.sql.Timestamp configLoadTime(Connection c) throws SQLException {
        try (PreparedStatement s = c.prepareStatement("SELECT pg_conf_load_time()"); ResultSet r = s.executeQuery()) {
            r.next();
            return r.getTimestamp(1);
        }
    }

    /**
     * Waits (up to a second) until this backend has read the files again after pg_reload_conf(): from then on
     * pg_settings shows what the reload did, also a RESET, whose effect cannot be told from the value alone.
     */
    private static void awaitConfigLoadedAfter(Connection c, java.sql.Timestamp before) throws SQLException {
        long until = System.nanoTime() + 1_000_000_000L;
        while (System.nanoTime() < until) {
            java.sql.Timestamp now = configLoadTime(c);
            if (now != null && now.after(before)) {
                return;
            }
            if (!pause()) {
                return;
            }
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
                    if (!r.next()) {
                        return;
                    }
                    boolean pending = r.getBoolean(2);
                    // A value set: in effect, or waiting for a restart. A RESET: no longer waiting for one.
                    if (value == null ? !pending : pending || Values.same(spec, value, r.getString(1))) {
                        return;
                    }
                }
                if (!pause()) {
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

    /**
     * From postgresql.auto.conf (ALTER SYSTEM) or not. sourcefile is shown only to superusers and pg_read_all_settings;
     * without it the answer is true, which puts the same value back as a setting instead of removing the entry.
     */
    @Override
    public boolean persisted(String parameter) {
        ParameterSpec spec = spec(parameter);
        try (PreparedStatement s = connection().prepareStatement(
                "SELECT source, sourcefile FROM pg_settings WHERE name = ?")) {
            s.setString(1, spec.name());
            try (ResultSet r = s.executeQuery()) {
                if (!r.next()) {
                    return false;
                }
                String file = r.getString(2);
                return file == null ? "configuration file".equals(r.getString(1)) : file.endsWith("postgresql.auto.conf");
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
    private ServerStepException failure(String what, SQLException e) {
        String state = e.getSQLState() == null ? "" : e.getSQLState();
        return connection.failure("PostgreSQL", what, e, state.startsWith("08") || state.startsWith("57P"));
    }

    @Override
    public void close() {
        connection.close();
    }
}
