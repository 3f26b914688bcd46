package io.knobwright.connectors.apply;

import io.knobwright.model.apply.ApplyPlanner;
import io.knobwright.model.apply.ApplyStatement;
import io.knobwright.model.apply.ApplyStep;
import io.knobwright.model.apply.OptionFileChange;
import io.knobwright.model.apply.PriorValue;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.apply.journal.ServerStepException;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.text.ShownText;
import io.knobwright.model.value.Values;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Applies parameter changes by executing what {@link ApplyPlanner} writes for the server's engine (MariaDB SET
 * GLOBAL, MySQL SET PERSIST / PERSIST_ONLY, SQL Server sp_configure, Oracle ALTER SYSTEM): names and values are
 * validated against the server's own catalog before anything is sent, and a value that has a bind reaches the
 * server through one, quoted by the driver. Each change is read back with the step's own verify query. A change only
 * an option file can make (MariaDB's restart-only variables) is never sent: {@link #handOver} says what to write.
 * {@link ApplyEngine} holds the little that differs between engines. A connection that dies mid-apply is opened
 * again for the next call, so compensation gets one.
 */
public final class StatementApplySession implements ServerSession, AutoCloseable {

    /** Opens a new connection to the server; called again after one was lost. */
    @FunctionalInterface
    public interface ConnectionSource {
        Connection open() throws SQLException;
    }

    private final ApplyEngine engine;
    private final ParameterCatalog catalog;
    private final ApplyPlanner planner;
    private final SessionConnection connection;

    StatementApplySession(ApplyEngine engine, ConnectionSource source, ParameterCatalog catalog) {
        this.engine = Objects.requireNonNull(engine, "engine");
        this.connection = new SessionConnection(Objects.requireNonNull(source, "source"));
        this.catalog = Objects.requireNonNull(catalog, "catalog");
        this.planner = new ApplyPlanner(catalog);
    }

    private Connection connection() throws SQLException {
        return connection.get();
    }

    private ParameterSpec spec(String parameter) {
        return catalog.find(parameter).orElseThrow(() -> new ServerStepException(engine.displayName() + " "
                + catalog.engineVersion() + " has no parameter " + parameter + "; nothing was sent", false));
    }

    @Override
    public String read(String parameter) {
        ParameterSpec spec = spec(parameter);
        try {
            return queryValue(connection(), engine.running(spec)).orElse(null);
        } catch (SQLException e) {
            throw failure("reading " + spec.name(), e);
        }
    }

    @Override
    public Optional<String> handOver(String parameter, String value) {
        ApplyStep step = planned(parameter, value);
        if (step.delivery() != ApplyStep.Delivery.OPTION_FILE) {
            return Optional.empty();
        }
        OptionFileChange edit = step.optionFile();
        return Optional.of("write `" + edit.line() + "` under " + edit.section() + " in the option file and restart the server ("
                + step.parameter() + " cannot be changed on a running " + engine.displayName() + ")");
    }

    @Override
    public void set(String parameter, String value) {
        ApplyStep step = planned(parameter, value);
        if (step.delivery() != ApplyStep.Delivery.SQL) {
            throw new ServerStepException(step.note(), false);
        }
        execute(step.apply(), "setting " + step.parameter());
        verify(step, value);
    }

    /**
     * Puts the prior value back the way a change is made (SET PERSIST old, SET GLOBAL old, ...); a parameter the
     * server did not report before gets the planner's compensation without a value (RESET PERSIST, RESET SCOPE=SPFILE)
     * where the engine has one.
     */
    @Override
    public void restore(String parameter, String prior) {
        ParameterSpec spec = spec(parameter);
        if (prior != null) {
            set(parameter, prior);
            return;
        }
        ApplyStep removal = removal(spec);
        if (removal.delivery() != ApplyStep.Delivery.SQL) {
            return; // an option-file change was never sent: there is nothing on the server to remove
        }
        execute(removal.compensation(), "putting back " + spec.name());
    }

    /**
     * The planner's compensation for a change from an unknown value, which removes the persisted setting. That undo
     * does not depend on the new value, so any value the catalog accepts will do: the default, else the minimum.
     */
    private ApplyStep removal(ParameterSpec spec) {
        RuntimeException last = null;
        for (String any : java.util.Arrays.asList(spec.defaultValue(), spec.min() == null ? null : spec.min().toPlainString(), "0", "")) {
            if (any == null) {
                continue;
            }
            try {
                return planner.plan(spec.name(), any, PriorValue.notPersisted(null));
            } catch (RuntimeException refused) {
                last = refused;
            }
        }
        throw new ServerStepException("Cannot put " + spec.name() + " back: its value before the run is unknown and "
                + engine.displayName() + " has no statement that removes the setting ("
                + (last == null ? "no value" : last.getMessage()) + ")", false);
    }

    /** A value written for the next start (mysqld-auto.cnf, sys.configurations.value, the spfile) the server does not run with yet. */
    @Override
    public boolean pendingRestart(String parameter) {
        ParameterSpec spec = spec(parameter);
        Optional<ApplyStatement> nextStart = engine.nextStart(spec);
        if (nextStart.isEmpty()) {
            return false;
        }
        try {
            Connection c = connection();
            Optional<String> next = queryValue(c, nextStart.get());
            Optional<String> running = queryValue(c, engine.running(spec));
            return next.isPresent() && !(running.isPresent() && Values.same(spec, next.get(), running.get()));
        } catch (SQLException e) {
            throw failure("reading " + spec.name(), e);
        } catch (RuntimeException unreadable) {
            return true; // a value the catalog cannot read is not the one running
        }
    }

    @Override
    public boolean same(String parameter, String expected, String actual) {
        return actual != null && Values.same(spec(parameter), expected, actual);
    }

    /** The statements for a change, written by {@link ApplyPlanner}: validated against the catalog, quoted as the server reads them. */
    private ApplyStep planned(String parameter, String value) {
        try {
            // Only the apply statements are used; the prior value stands in so that the planner can write an undo.
            return planner.plan(parameter, value, PriorValue.notPersisted(value));
        } catch (RuntimeException refused) {
            throw new ServerStepException(parameter + " = '" + ShownText.escaped(String.valueOf(value))
                    + "' is refused before it is sent: " + refused.getMessage(), false);
        }
    }

    /** The step's own read-back: the value written for the next start where it waits for a restart, else the running one. */
    private void verify(ApplyStep step, String value) {
        Optional<String> back;
        try {
            back = queryValue(connection(), step.verify());
        } catch (SQLException e) {
            throw failure("reading back " + step.parameter(), e);
        }
        if (back.isEmpty() || !Values.same(step.spec(), value, back.get())) {
            throw new ServerStepException(step.parameter() + " reads back " + back.map(ShownText::escaped).orElse("nothing")
                    + " after setting " + ShownText.escaped(value), false);
        }
    }

    private void execute(List<ApplyStatement> statements, String what) {
        try {
            Connection c = connection();
            for (ApplyStatement statement : statements) {
                if (statement.isBound()) {
                    try (PreparedStatement s = c.prepareStatement(statement.executable())) {
                        bind(s, statement);
                        s.execute();
                    }
                } else {
                    try (Statement s = c.createStatement()) {
                        s.execute(statement.sql());
                    }
                }
            }
        } catch (SQLException e) {
            throw failure(what, e);
        }
    }

    private static Optional<String> queryValue(Connection c, ApplyStatement query) throws SQLException {
        try (PreparedStatement s = c.prepareStatement(query.executable())) {
            bind(s, query);
            try (ResultSet r = s.executeQuery()) {
                return r.next() ? Optional.ofNullable(r.getString(1)) : Optional.empty();
            }
        }
    }

    private static void bind(PreparedStatement s, ApplyStatement statement) throws SQLException {
        for (int i = 0; i < statement.binds().size(); i++) {
            s.setObject(i + 1, statement.binds().get(i));
        }
    }

    /** A server error is a refusal of this step; a lost connection may or may not have done it. */
    private ServerStepException failure(String what, SQLException e) {
        return connection.failure(engine.displayName(), what, e, engine.connectionLost(e));
    }

    @Override
    public void close() {
        connection.close();
    }
}
