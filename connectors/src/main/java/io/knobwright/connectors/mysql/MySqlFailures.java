package io.knobwright.connectors.mysql;

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
 * Turns MariaDB Connector/J failures into messages that say what is wrong and what to do, using the
 * server's error numbers (shared by MariaDB and MySQL). Never shows the password.
 */
final class MySqlFailures {

    private MySqlFailures() {
    }

    /**
     * @param engine "MariaDB" or "MySQL", from the URL's scheme: before login nothing better is known
     * @param given  the target as the caller gave it, whose URL may still hold secrets to keep out of the message
     * @param target the target the driver was given
     */
    static ConnectorException translate(SQLException failure, String engine, JdbcUrl url, ConnectionTarget given,
                                        ConnectionTarget target, ConnectorTimeouts timeouts) {
        Classified classified = classify(failure, engine, url, target, timeouts);
        String message = NetworkFailures.withoutSecrets(classified.message(), given.jdbcUrl(), target.password());
        return new ConnectorException(classified.reason(), message, failure);
    }

    private static Classified classify(SQLException failure, String engine, JdbcUrl url, ConnectionTarget target,
                                  ConnectorTimeouts timeouts) {
        String at = engine + " at " + url.endpoint();
        Classified network = NetworkFailures.classify(failure, engine, url.endpoint(), timeouts).orElse(null);
        if (network != null) {
            return network;
        }
        String serverSaid = failure.getMessage() == null ? "" : failure.getMessage();
        String lower = serverSaid.toLowerCase(Locale.ROOT);
        String user = target.user() != null ? target.user() : url.parameters().stream()
                .filter(p -> p.name().equalsIgnoreCase("user")).map(JdbcUrl.Parameter::value).findFirst().orElse("");
        int code = failure.getErrorCode();
        if ("28000".equals(failure.getSQLState()) && lower.contains("access denied") && code != 1044) {
            // MariaDB answers an unknown account now with 1045, now (after switching it to another authentication
            // plugin) with another code and no "using password" part; SQLState 28000 is the refusal either way
            code = 1045;
        }
        return switch (code) {
            // the server answers a wrong password and an unknown account alike, so that nobody can probe for accounts;
            // "using password: NO" at least tells that nothing was sent
            case 1045 -> lower.contains("using password: no")
                    ? new Classified(FailureReason.PASSWORD_REQUIRED, at + " refused user '" + user + "' without a password:"
                    + " enter the password (or the environment variable that holds it); if the account has none, check the"
                    + " user name (the server said: " + serverSaid + ").")
                    : new Classified(FailureReason.WRONG_PASSWORD_OR_USER, at + " refused user '" + user + "': wrong password,"
                    + " no account for this user from this client host, or an account that requires TLS (then add"
                    + " sslMode=verify-full to the URL). Check the user name and the password stored for this instance"
                    + " (the server said: " + serverSaid + ").");
            case 1044 -> new Classified(FailureReason.NO_DATABASE, at + " lets user '" + user + "' in but not into database '"
                    + url.database() + "': grant access, or remove the database from the JDBC URL.");
            case 1049 -> new Classified(FailureReason.NO_DATABASE, at + " has no database '" + url.database()
                    + "': check the database name at the end of the JDBC URL, or leave it out.");
            case 1130 -> new Classified(FailureReason.HOST_REJECTED, at + " does not accept connections from this workstation's"
                    + " host: ask for an account ('" + user + "'@'your host') on the server.");
            case 1129 -> new Classified(FailureReason.HOST_REJECTED, at + " blocks this host after too many failed connections:"
                    + " run FLUSH HOSTS on the server.");
            case 1040 -> new Classified(FailureReason.SERVER_BUSY, at + " has no free connection (max_connections is reached):"
                    + " try again later.");
            case 1226 -> new Classified(FailureReason.SERVER_BUSY, at + " allows user '" + user + "' no more connections"
                    + " (a per-user limit such as MAX_USER_CONNECTIONS is reached): close some of its sessions, or ask for a"
                    + " higher limit.");
            default -> otherMessage(at, engine, url, timeouts, serverSaid, lower, failure.getSQLState());
        };
    }

    private static Classified otherMessage(String at, String engine, JdbcUrl url, ConnectorTimeouts timeouts,
                                       String serverSaid, String lower, String state) {
        if (lower.contains("insecure transport") || lower.contains("secure transport")) {
            return new Classified(FailureReason.TLS, at + " accepts only encrypted connections: add sslMode=verify-full (or sslMode=trust for a"
                    + " self-signed certificate) to the JDBC URL.");
        }
        if (lower.contains("ssl not enabled in the server") || lower.contains("server does not support ssl")) {
            return new Classified(FailureReason.TLS, at + " does not offer SSL but the JDBC URL requires it: remove sslMode from the URL,"
                    + " or enable TLS on the server.");
        }
        if (lower.contains("rsa public key is not available")) {
            // MySQL 8's caching_sha2_password needs TLS or the server's RSA key for a first login from a new client
            return new Classified(FailureReason.TLS, at + " wants the password sent under TLS or RSA (caching_sha2_password): add sslMode=verify-full"
                    + " (or sslMode=trust) to the JDBC URL, or allowPublicKeyRetrieval=true on a network you trust.");
        }
        if (lower.contains("timed out") || lower.contains("timeout")) {
            return new Classified(FailureReason.TIMED_OUT, NetworkFailures.timedOut(engine, url.endpoint(), timeouts));
        }
        return new Classified(FailureReason.OTHER, at + " failed: " + serverSaid
                + (state == null || state.isEmpty() ? "" : " (SQLState " + state + ")") + ".");
    }
}
