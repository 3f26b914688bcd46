package io.knobwright.connectors.apply;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.MariaDbDialect;
import io.knobwright.model.UserError;
import io.knobwright.model.apply.journal.ServerSession;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.JdbcUrlSecrets;

import java.sql.Driver;
import java.sql.SQLException;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.ServiceLoader;

/**
 * Opens the apply session for an instance's engine: PostgreSQL's own, the statement-executing one for the others.
 * MariaDB and MySQL connect through {@link JdbcGate} with the driver Knobwright ships. No driver for SQL Server or
 * Oracle is shipped (their licences do not allow it): a session for them opens only when the user put one on the
 * class path, and is otherwise refused before anything is contacted.
 */
public final class ApplySessions {

    private ApplySessions() {
    }

    /** @throws UserError when no driver for the engine is in this build; nothing was contacted then */
    public static ServerSession open(Engine engine, ConnectionTarget target, ConnectorTimeouts timeouts, ParameterCatalog catalog) {
        Objects.requireNonNull(target, "target");
        return switch (engine) {
            case POSTGRESQL -> new PostgresApplySession(target, timeouts, catalog);
            case MARIADB -> gated(ApplyEngine.MARIADB, target, timeouts, catalog);
            case MYSQL -> gated(ApplyEngine.MYSQL, target, timeouts, catalog);
            case SQLSERVER -> onClassPath(ApplyEngine.SQLSERVER, target, timeouts, catalog);
            case ORACLE -> onClassPath(ApplyEngine.ORACLE, target, timeouts, catalog);
        };
    }

    private static ServerSession gated(ApplyEngine engine, ConnectionTarget target, ConnectorTimeouts timeouts, ParameterCatalog catalog) {
        JdbcGate.Admitted admitted = JdbcGate.admit(MariaDbDialect.INSTANCE, target, timeouts);
        return new StatementApplySession(engine, admitted::connect, catalog);
    }

    private static ServerSession onClassPath(ApplyEngine engine, ConnectionTarget target, ConnectorTimeouts timeouts,
                                             ParameterCatalog catalog) {
        Driver driver = driverFor(target.jdbcUrl()).orElseThrow(() -> UserError.input("No JDBC driver for "
                + engine.displayName() + " in this build; nothing was changed. Knobwright does not ship one: put the"
                + " vendor's JDBC driver jar on the class path to apply plans to " + engine.displayName()
                + ", or apply the plan's statements by hand (`knobwright plan show`)."));
        Properties properties = new Properties();
        if (target.user() != null && !target.user().isBlank()) {
            properties.setProperty("user", target.user());
        }
        if (target.password() != null) {
            properties.setProperty("password", target.password());
        }
        engine.timeouts(properties, timeouts.connect().toMillis(), timeouts.query().toMillis());
        return new StatementApplySession(engine, () -> driver.connect(target.jdbcUrl(), properties), catalog);
    }

    /** A driver on the class path that reads the URL (found through the JDBC service entries drivers carry). */
    static Optional<Driver> driverFor(String jdbcUrl) {
        for (Driver driver : ServiceLoader.load(Driver.class, ApplySessions.class.getClassLoader())) {
            try {
                if (driver.acceptsURL(jdbcUrl)) {
                    return Optional.of(driver);
                }
            } catch (SQLException unreadable) {
                throw UserError.input("The JDBC URL '" + JdbcUrlSecrets.mask(jdbcUrl) + "' cannot be read: "
                        + unreadable.getMessage() + ". Nothing was changed.");
            }
        }
        return Optional.empty();
    }
}
