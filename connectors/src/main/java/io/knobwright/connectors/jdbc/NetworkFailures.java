package io.knobwright.connectors.jdbc;

import io.knobwright.connectors.FailureReason;
import io.knobwright.model.fleet.JdbcUrlSecrets;

import javax.net.ssl.SSLException;
import java.net.ConnectException;
import java.net.NoRouteToHostException;
import java.net.SocketTimeoutException;
import java.net.UnknownHostException;
import java.util.Objects;
import java.util.Optional;

/**
 * Messages for failures below the database protocol (name resolution, TCP, TLS), which look the same for
 * every engine. Engine-specific failures (authentication, unknown database) are the engines' own classes'.
 */
public final class NetworkFailures {

    private NetworkFailures() {
    }

    /** A failure below the database protocol: why, and the sentence for the user. */
    public record Classified(FailureReason reason, String message) {
        public Classified {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /**
     * A user message when {@code failure} (or one of its causes) is a network failure, else empty.
     *
     * @param engine   "PostgreSQL", "MariaDB", ... as the user calls it
     * @param endpoint "host:port" from the URL
     */
    public static Optional<String> describe(Throwable failure, String engine, String endpoint, ConnectorTimeouts timeouts) {
        return classify(failure, engine, endpoint, timeouts).map(Classified::message);
    }

    /** The reason and the message when {@code failure} (or one of its causes) is a network failure, else empty. */
    public static Optional<Classified> classify(Throwable failure, String engine, String endpoint, ConnectorTimeouts timeouts) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            switch (t) {
                case UnknownHostException unknown -> {
                    return Optional.of(new Classified(FailureReason.HOST_NOT_FOUND, "The host name in " + endpoint + " does not resolve"
                            + (unknown.getMessage() == null ? "" : " ('" + hostOnly(unknown.getMessage()) + "')")
                            + ": check its spelling, or use the server's IP address."));
                }
                case SocketTimeoutException ignored -> {
                    return Optional.of(new Classified(FailureReason.TIMED_OUT, timedOut(engine, endpoint, timeouts)));
                }
                case NoRouteToHostException ignored -> {
                    return Optional.of(new Classified(FailureReason.NO_ROUTE, "There is no network route to " + endpoint
                            + ": check the address, and the VPN or firewall between this workstation and the server."));
                }
                case ConnectException ignored -> {
                    return Optional.of(new Classified(FailureReason.CONNECTION_REFUSED, "Nothing is listening at " + endpoint
                            + " — is the " + engine + " server running, and is the port right?"));
                }
                case SSLException ssl -> {
                    return Optional.of(new Classified(FailureReason.TLS, "The TLS handshake with " + engine + " at " + endpoint
                            + " failed (" + ssl.getMessage() + "): check the URL's SSL settings and the server's certificate."));
                }
                default -> {
                }
            }
        }
        return Optional.empty();
    }

    /** The message for a server that accepted the TCP connection but did not answer in time. */
    public static String timedOut(String engine, String endpoint, ConnectorTimeouts timeouts) {
        return engine + " at " + endpoint + " did not answer within " + timeouts.connectSeconds()
                + " s: check that this port belongs to " + engine + " and that the server is not overloaded;"
                + " a firewall that silently drops packets looks the same.";
    }

    /**
     * {@code text} with the URL's secrets and every occurrence of the password replaced, for messages built from
     * driver text: a driver may quote the whole URL ("Unable to parse URL jdbc:...?password=...") or a fragment.
     */
    public static String withoutSecrets(String text, String jdbcUrl, String password) {
        if (text == null) {
            return null;
        }
        String redacted = JdbcUrlSecrets.scrub(text, jdbcUrl);
        return password == null || password.isEmpty() ? redacted : redacted.replace(password, "***");
    }

    private static String hostOnly(String unknownHostMessage) {
        // The JDK's message is "name" or "name: Name or service not known"
        int colon = unknownHostMessage.indexOf(':');
        return colon > 0 ? unknownHostMessage.substring(0, colon) : unknownHostMessage;
    }
}
