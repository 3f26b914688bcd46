package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcUrl;
import io.knobwright.connectors.FailureReason;
import io.knobwright.connectors.jdbc.NetworkFailures;
import io.knobwright.connectors.jdbc.NetworkFailures.Classified;

import java.sql.SQLException;
import java.util.Locale;

/**
 * Turns pgjdbc failures into messages that say what is wrong and what to do. Never shows the password.
 * Public for the approval hub's client (connectors.hub), which reaches PostgreSQL through the same gate.
 */
public final class PostgresFailures {

    private static final String ENGINE = "PostgreSQL";

    private PostgresFailures() {
    }

    /**
     * @param given  the target as the caller gave it, whose URL may still hold secrets to keep out of the message
     * @param target the target the driver was given
     */
    public static ConnectorException translate(SQLException failure, JdbcUrl url, ConnectionTarget given, ConnectionTarget target,
                                        ConnectorTimeouts timeouts) {
        Classified classified = classify(failure, url, target, timeouts);
        String message = NetworkFailures.withoutSecrets(classified.message(), given.jdbcUrl(), target.password());
        return new ConnectorException(classified.reason(), message, failure);
    }

    private static Classified classify(SQLException failure, JdbcUrl url, ConnectionTarget target, ConnectorTimeouts timeouts) {
        String at = ENGINE + " at " + url.endpoint();
        Classified network = NetworkFailures.classify(failure, ENGINE, url.endpoint(), timeouts).orElse(null);
        if (network != null) {
            return network;
        }
        String state = failure.getSQLState() == null ? "" : failure.getSQLState();
        String serverSaid = failure.getMessage() == null ? "" : failure.getMessage();
        String lower = serverSaid.toLowerCase(Locale.ROOT);
        // pgjdbc takes the user from the URL's user parameter, else the operating system's
        String user = target.user() != null && !target.user().isBlank() ? target.user() : url.parameters().stream()
                .filter(p -> p.name().equals("user")).map(JdbcUrl.Parameter::value).findFirst()
                .orElse(System.getProperty("user.name"));
        String database = url.database().isEmpty() ? user : url.database();
        if (lower.contains("no password was provided")) {
            // pgjdbc's own refusal before sending anything: the server asked for a password (SCRAM, md5) and there is none
            return new Classified(FailureReason.PASSWORD_REQUIRED, at + " wants a password for user '" + user
                    + "' and none was given: enter it, or name the environment variable that holds it.");
        }
        if (state.equals("28P01")) {
            // password methods answer a wrong password and an unknown role alike, so that nobody can probe for roles
            return new Classified(FailureReason.WRONG_PASSWORD_OR_USER, at + " refused user '" + user + "': wrong password or"
                    + " no such role. Check the user name and the password stored for this instance.");
        }
        if (state.startsWith("28")) {
            // "no pg_hba.conf entry for ..., no encryption" (or "SSL off" before PostgreSQL 14) and "pg_hba.conf rejects
            // connection for ..., no encryption" both mean: not without SSL
            if (lower.contains("pg_hba.conf") && (lower.contains("no encryption") || lower.contains("ssl off"))) {
                return new Classified(FailureReason.HOST_REJECTED, at + " accepts user '" + user + "' on database '" + database
                        + "' only over SSL, or not from this host at all:"
                        + " add sslmode=require to the JDBC URL, or ask for a pg_hba.conf entry for this host.");
            }
            if (lower.contains("pg_hba.conf")) {
                return new Classified(FailureReason.HOST_REJECTED, at + " turns user '" + user + "' away on database '" + database
                        + "' from this host (pg_hba.conf): ask for a pg_hba.conf line that lets this host in with a password,"
                        + " then reload the server (the server said: " + serverSaid + ").");
            }
            if (lower.contains("role") && lower.contains("does not exist")) {
                return new Classified(FailureReason.NO_SUCH_USER, at + " has no role '" + user + "': check the user name.");
            }
            return new Classified(FailureReason.HOST_REJECTED, at + " refused user '" + user + "': wrong password or no"
                    + " pg_hba.conf entry for this host, user and database (the server said: " + serverSaid + ").");
        }
        if (state.equals("3D000")) {
            return new Classified(FailureReason.NO_DATABASE, at + " has no database '" + database + "': check the database name"
                    + " at the end of the JDBC URL (every server has 'postgres' unless someone dropped it).");
        }
        if (state.equals("53300")) {
            // "too many connections for role/database" is a CONNECTION LIMIT set on that role or database, not max_connections
            if (lower.contains("for role")) {
                return new Classified(FailureReason.SERVER_BUSY, at + " allows user '" + user + "' no more connections (the role's"
                        + " CONNECTION LIMIT is reached): close some of its sessions, or ask for a higher limit.");
            }
            if (lower.contains("for database")) {
                return new Classified(FailureReason.SERVER_BUSY, at + " allows no more connections to database '" + database
                        + "' (its CONNECTION LIMIT is reached): close some sessions on it, or ask for a higher limit.");
            }
            return new Classified(FailureReason.SERVER_BUSY, at + " has no free connection slot (max_connections is reached):"
                    + " try again later, or ask for a reserved slot.");
        }
        if (state.equals("57P03")) {
            return new Classified(FailureReason.SERVER_BUSY, at + " is starting up, shutting down or recovering and accepts no"
                    + " connections yet: try again in a moment.");
        }
        if (lower.contains("does not support ssl")) {
            return new Classified(FailureReason.TLS, at + " does not offer SSL but the JDBC URL requires it: remove sslmode/ssl"
                    + " from the URL, or enable ssl on the server.");
        }
        if (lower.contains("timed out")) {
            return new Classified(FailureReason.TIMED_OUT, NetworkFailures.timedOut(ENGINE, url.endpoint(), timeouts));
        }
        return new Classified(FailureReason.OTHER, at + " failed: " + serverSaid + (state.isEmpty() ? "" : " (SQLState " + state + ")") + ".");
    }
}
