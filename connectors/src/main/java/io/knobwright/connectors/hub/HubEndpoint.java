package io.knobwright.connectors.hub;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.NetworkFailures;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.connectors.postgres.PostgresFailures;
import io.knobwright.model.fleet.JdbcUrlSecrets;
import org.postgresql.util.PSQLException;
import org.postgresql.util.ServerErrorMessage;

import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.Optional;

/**
 * Where the hub is, as one login reaches it through {@link JdbcGate} (decision 0054), and what its failures
 * mean to the user: a rule the hub enforces becomes a {@link HubRefusal}, anything else a {@link ConnectorException}.
 */
final class HubEndpoint {

    private final ConnectionTarget given;
    private final JdbcGate.Admitted admitted;

    private HubEndpoint(ConnectionTarget given, JdbcGate.Admitted admitted) {
        this.given = given;
        this.admitted = admitted;
    }

    /** Checks the URL without contacting anything; throws a ConnectorException of kind INPUT when it will not do. */
    static HubEndpoint admit(ConnectionTarget target, ConnectorTimeouts timeouts) {
        if (!PostgresDialect.INSTANCE.accepts(target.jdbcUrl())) {
            throw ConnectorException.badInput("The approval hub is a PostgreSQL database; its JDBC URL starts with"
                    + " jdbc:postgresql:, not '" + JdbcUrlSecrets.mask(target.jdbcUrl()) + "'.", null);
        }
        return new HubEndpoint(target, JdbcGate.admit(PostgresDialect.INSTANCE, target, timeouts));
    }

    /** A new autocommit connection as the target's login. */
    Connection open() {
        try {
            Connection connection = admitted.connect();
            connection.setAutoCommit(true);
            return connection;
        } catch (SQLException failure) {
            throw PostgresFailures.translate(failure, admitted.url(), given, admitted.target(), admitted.timeouts());
        }
    }

    String endpoint() {
        return admitted.url().endpoint();
    }

    /** Whether the connection that raised {@code failure} is gone, so that the next request needs a new one. */
    static boolean connectionLost(SQLException failure) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        if (state.startsWith("08") || state.startsWith("57P")) {
            return true;
        }
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof IOException) {
                return true;
            }
        }
        return false;
    }

    /** Failures worth one more try as they are: the database itself asked for it. */
    static boolean transientFailure(SQLException failure) {
        return "40001".equals(failure.getSQLState()) || "40P01".equals(failure.getSQLState());
    }

    /** What {@code failure} of a request means to the user; {@code doing} says what was being done ("deciding plan ..."). */
    RuntimeException failure(SQLException failure, String doing) {
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        ServerErrorMessage server = failure instanceof PSQLException psql ? psql.getServerErrorMessage() : null;
        String serverSaid = server != null && server.getMessage() != null ? server.getMessage() : String.valueOf(failure.getMessage());
        String hint = server == null ? null : server.getHint();
        Optional<HubRefusal.Reason> reason = HubRefusal.Reason.ofSqlState(state);
        if (reason.isPresent()) {
            return new HubRefusal(reason.get(), serverSaid, hint, failure);
        }
        String hub = "The approval hub at " + endpoint();
        return switch (state) {
            case "42501" -> new HubRefusal(HubRefusal.Reason.NOT_AUTHORISED, "Login " + loginName()
                    + " may not use the approval hub at " + endpoint() + " (the server said: " + serverSaid + ").",
                    "Ask a hub admin to add it as a member.", failure);
            case "23505" -> new HubRefusal(HubRefusal.Reason.UID_CONFLICT, hub + " already holds a request with one of these"
                    + " uids (the server said: " + serverSaid + ").", "Generate new uids for a new request.", failure);
            case "3F000", "42883", "42P01", "42704" -> ConnectorException.badInput("The database at " + endpoint() + " has no"
                    + " approval hub, or one older than this Knobwright (the server said: " + serverSaid + "). Check the database"
                    + " named in the URL, or ask the hub's owner to set it up or upgrade it (HubSchema.migrate).", failure);
            case "55P03", "57014" -> new ConnectorException(hub + " was too busy while " + doing + " (the server said: "
                    + serverSaid + "). Try again: requests are safe to repeat with the same uid.", failure);
            default -> connectionLost(failure)
                    ? new ConnectorException("Lost the approval hub at " + endpoint() + " while " + doing + ": "
                            + lostBecause(failure) + " Requests are safe to repeat with the same uid.", failure)
                    : new ConnectorException(hub + " failed while " + doing + ": " + serverSaid
                            + (state.isEmpty() ? "" : " (SQLState " + state + ")") + ".", failure);
        };
    }

    private String loginName() {
        String user = admitted.target().user();
        return user == null || user.isBlank() ? "(the URL's user)" : user;
    }

    private String lostBecause(SQLException failure) {
        return NetworkFailures.describe(failure, "PostgreSQL", endpoint(), admitted.timeouts())
                .orElseGet(() -> PostgresFailures.translate(failure, admitted.url(), given, admitted.target(), admitted.timeouts())
                        .getMessage());
    }
}
