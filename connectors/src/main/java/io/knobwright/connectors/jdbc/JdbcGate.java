package io.knobwright.connectors.jdbc;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.FailureReason;
import io.knobwright.model.fleet.JdbcUrlSecrets;

import java.net.SocketTimeoutException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.SQLTimeoutException;
import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * The one way Knobwright opens a JDBC connection: the connectors (registration, refresh, the workbench's
 * test) and {@code catalog generate} all come through here, so one check covers every path (decision 0054).
 *
 * <p>{@link #admit} decides without contacting anything: it takes the login password out of the URL (the
 * driver gets it as a property, so neither the driver's messages nor its logs can quote it), refuses hostile
 * properties and timeouts the URL switches off or lengthens, and asks the driver whether it can read the URL.
 * {@link Admitted#connect} then connects within the connect timeout, whatever the driver does with several
 * hosts and retries.
 */
public final class JdbcGate {

    /** The drivers' own timeouts fire first and give their own messages; the deadline catches what they let run on. */
    private static final Duration DRIVER_HEAD_START = Duration.ofMillis(500);

    private static final List<DriverDialect> DIALECTS = List.of(PostgresDialect.INSTANCE, MariaDbDialect.INSTANCE);

    private JdbcGate() {
    }

    /** The dialect of the driver that serves the URL's scheme. */
    public static Optional<DriverDialect> dialectFor(String jdbcUrl) {
        return DIALECTS.stream().filter(d -> d.accepts(jdbcUrl)).findFirst();
    }

    /**
     * A connection Knobwright is willing to open.
     *
     * @param engine   "PostgreSQL", "MariaDB" or "MySQL", for messages
     * @param target   the target as the driver gets it: no password or user-info left in the URL
     * @param url      the parts of that URL messages need
     * @param timeouts the timeouts in force
     */
    public record Admitted(DriverDialect dialect, String engine, ConnectionTarget target, JdbcUrl url, ConnectorTimeouts timeouts,
                           String driverUrl, Properties properties) {

        /** Connects, failing with a timeout once the connect timeout has passed, even where the driver would go on. */
        public Connection connect() throws SQLException {
            long started = System.nanoTime();
            CompletableFuture<Connection> attempt = new CompletableFuture<>();
            Thread worker = Thread.ofVirtual().name("knobwright-connect").start(() -> {
                try {
                    Connection connection = dialect.connect(driverUrl, properties);
                    if (!attempt.complete(connection) && connection != null) {
                        connection.close();
                    }
                } catch (Throwable failure) {
                    attempt.completeExceptionally(failure);
                }
            });
            try {
                return attempt.get(timeouts.connect().plus(DRIVER_HEAD_START).toMillis(), TimeUnit.MILLISECONDS);
            } catch (TimeoutException late) {
                // A virtual thread's blocking socket call ends when it is interrupted; a late connection is closed above
                worker.interrupt();
                attempt.completeExceptionally(timedOut());
                return outcome(attempt);
            } catch (InterruptedException interrupted) {
                worker.interrupt();
                attempt.completeExceptionally(interrupted);
                Thread.currentThread().interrupt();
                throw new SQLException("Interrupted while connecting to " + engine + " at " + url.endpoint(), "08001", interrupted);
            } catch (ExecutionException failed) {
                SQLException cause = unwrapped(failed);
                // A driver that gave up on its own once the time was spent (pgjdbc's multi-host "Could not find a
                // server", its loginTimeout) met the same silent server as the deadline above would have: say so.
                // An answer the network gave (refused, no such host, no route, TLS) says more than the clock does.
                boolean spent = System.nanoTime() - started >= timeouts.connect().toNanos();
                if (spent && cause.getSQLState() != null && cause.getSQLState().startsWith("08") && !networkAnswered(cause)) {
                    SQLTimeoutException timedOut = timedOut();
                    timedOut.addSuppressed(cause);
                    throw timedOut;
                }
                throw cause;
            }
        }

        /** The failure of a connection that took longer than the connect timeout, as the deadline and a driver report it. */
        private SQLTimeoutException timedOut() {
            SQLTimeoutException timedOut = new SQLTimeoutException(engine + " at " + url.endpoint() + " did not answer within "
                    + timeouts.connectSeconds() + " s", "08001");
            timedOut.initCause(new SocketTimeoutException("connect timed out"));
            return timedOut;
        }

        /** True when the failure carries the network's own answer, which the user is better told than a timeout. */
        private boolean networkAnswered(SQLException cause) {
            return NetworkFailures.classify(cause, engine, url.endpoint(), timeouts)
                    .filter(network -> network.reason() != FailureReason.TIMED_OUT)
                    .isPresent();
        }

        /** The outcome of a finished attempt: its connection, or its failure as the driver threw it. */
        private static Connection outcome(CompletableFuture<Connection> attempt) throws SQLException {
            try {
                return attempt.getNow(null);
            } catch (CompletionException failed) {
                throw unwrapped(failed);
            }
        }

        private static SQLException unwrapped(Exception failed) {
            switch (failed.getCause()) {
                case SQLException sql -> {
                    return sql;
                }
                case RuntimeException runtime -> throw runtime;
                case Error error -> throw error;
                case Throwable other -> {
                    return new SQLException(other.getMessage(), "08001", other);
                }
            }
        }
    }

    /**
     * Decides whether Knobwright may connect to {@code target}; throws a {@link ConnectorException} of kind
     * INPUT (nothing was contacted) when not.
     */
    public static Admitted admit(DriverDialect dialect, ConnectionTarget target, ConnectorTimeouts limits) {
        Objects.requireNonNull(dialect, "dialect");
        Objects.requireNonNull(target, "target");
        JdbcUrlSecrets secrets = JdbcUrlSecrets.split(target.jdbcUrl());
        String masked = JdbcUrlSecrets.mask(target.jdbcUrl());
        if (secrets.passwords() > 1) {
            throw ConnectorException.badInput("The JDBC URL '" + masked + "' gives the password more than once."
                    + " Give it once, preferably not in the URL.", null);
        }
        String password = oneOf(target.password(), secrets.password(), "password", masked);
        String user = oneOf(target.user(), secrets.user(), "user", masked);
        ConnectionTarget clean = new ConnectionTarget(secrets.url(), user, password);
        String engine = dialect.engine(clean.jdbcUrl());
        JdbcUrl url = JdbcUrl.parse(clean.jdbcUrl(), dialect.defaultPort());
        ConnectorTimeouts timeouts = dialect.guard().check(url, limits);
        String driverUrl = dialect.driverUrl(clean.jdbcUrl());
        Properties properties = dialect.properties(clean.user(), clean.password(), timeouts);
        dialect.unreadable(driverUrl, properties).ifPresent(complaint -> {
            throw ConnectorException.badInput("The " + engine + " driver cannot read the JDBC URL '" + masked + "': "
                    + JdbcUrlSecrets.scrub(complaint, target.jdbcUrl()) + ". Nothing was contacted; correct the URL"
                    + " (e.g. " + dialect.exampleUrl() + ").", null);
        });
        return new Admitted(dialect, engine, clean, url, timeouts, driverUrl, properties);
    }

    /** The value given separately or the one from the URL; both only when they agree. */
    private static String oneOf(String given, String fromUrl, String what, String masked) {
        if (fromUrl == null || given == null || given.equals(fromUrl)) {
            return given != null ? given : fromUrl;
        }
        throw ConnectorException.badInput("The JDBC URL '" + masked + "' contains a " + what + " and another one is given"
                + " separately. Give it once: remove it from the URL.", null);
    }
}
