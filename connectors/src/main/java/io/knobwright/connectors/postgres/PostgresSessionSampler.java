package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.model.health.ConnectionEvent;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Samples pg_stat_activity while someone watches an instance (decision 0131), down to once a second, on one connection
 * kept open for the watch: a client backend whose (pid, backend_start) was not there at the previous sample arrived
 * at its backend_start (to the microsecond, whatever the sampling interval); one that is gone left between the two
 * samples, its session time measured from backend_start to the sample that missed it. A connection that came and went
 * between two samples is not seen: imported log_connections lines see those. Monitoring privileges only; each sample
 * under the statement timeout. Not thread-safe: one sampler per watch.
 */
public final class PostgresSessionSampler implements AutoCloseable {

    private record Session(int pid, Instant started, String user, String database, String application, String client) {
    }

    private final Connection connection;
    private final Clock clock;
    private Map<String, Session> previous;

    private PostgresSessionSampler(Connection connection, Clock clock) {
        this.connection = connection;
        this.clock = clock;
    }

    /** Opens the watch's connection; the first {@link #sample} only sets what is there. */
    public static PostgresSessionSampler open(ConnectionTarget target, Clock clock) {
        Objects.requireNonNull(target, "target");
        if (!PostgresDialect.INSTANCE.accepts(target.jdbcUrl())) {
            throw ConnectorException.badInput("Sessions are sampled on PostgreSQL only, not at '"
                    + JdbcUrlSecrets.mask(target.jdbcUrl()) + "'.", null);
        }
        ConnectorTimeouts timeouts = new ConnectorTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(2));
        JdbcGate.Admitted admitted = JdbcGate.admit(PostgresDialect.INSTANCE, target, timeouts);
        try {
            Connection c = admitted.connect();
            try (Statement st = c.createStatement()) {
                st.execute(PostgresWorkloadCollector.MARK + "SET statement_timeout = " + timeouts.query().toMillis());
            }
            return new PostgresSessionSampler(c, clock);
        } catch (SQLException failure) {
            throw PostgresFailures.translate(failure, admitted.url(), target, admitted.target(), admitted.timeouts());
        }
    }

    /** One sample: the arrivals and departures since the previous one (none at the first). */
    public List<ConnectionEvent> sample() throws SQLException {
        Map<String, Session> now = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(PostgresWorkloadCollector.MARK
                + "SELECT pid, backend_start, coalesce(usename, ''), coalesce(datname, ''), coalesce(application_name, ''),"
                + " coalesce(host(client_addr), '') FROM pg_stat_activity WHERE backend_type = 'client backend'"
                + " AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                Session s = new Session(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6));
                now.put(s.pid() + "@" + s.started(), s);
            }
        }
        Instant at = clock.instant();
        List<ConnectionEvent> events = new ArrayList<>();
        if (previous != null) {
            now.forEach((key, s) -> {
                if (!previous.containsKey(key)) {
                    events.add(event(s, s.started(), ConnectionEvent.Kind.CONNECTED, Double.NaN));
                }
            });
            previous.forEach((key, s) -> {
                if (!now.containsKey(key)) {
                    events.add(event(s, at, ConnectionEvent.Kind.DISCONNECTED,
                            Math.max(0, Duration.between(s.started(), at).toNanos() / 1e9)));
                }
            });
        }
        previous = now;
        events.sort(java.util.Comparator.comparing(ConnectionEvent::at));
        return events;
    }

    private static ConnectionEvent event(Session s, Instant at, ConnectionEvent.Kind kind, double seconds) {
        return new ConnectionEvent(at, kind, Integer.toString(s.pid()), s.user(), s.database(), s.application(), s.client(), seconds);
    }

    @Override
    public void close() {
        try {
            connection.close();
        } catch (SQLException ignored) {
            // closing a watch's connection that the server already dropped
        }
    }
}
