package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.model.health.ConnectionEvent;
import io.knobwright.model.health.SessionSample;

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
import java.util.TreeMap;

/**
 * Samples pg_stat_activity while someone watches an instance (decision 0131), down to once a second, on one connection
 * kept open for the watch: a client backend whose (pid, backend_start) was not there at the previous sample arrived
 * at its backend_start (to the microsecond, whatever the sampling interval); one that is gone left between the two
 * samples, its session time measured from backend_start to the sample that missed it. A connection that came and went
 * between two samples is not seen: imported log_connections lines see those. Monitoring privileges only; each sample
 * under the statement timeout. Not thread-safe: one sampler per watch.
 */
public final class PostgresSessionSampler implements AutoCloseable {

    private record Session(int pid, Instant started, String user, String database, String application, String client,
                           String state) {
    }

    private final Connection connection;
    private final Clock clock;
    private Map<String, Session> previous;
    /** pg_stat_database.sessions summed at the previous sample; -1 before 14 or before the first sample. */
    private long previousSessions = -1;
    private Instant previousAt;

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
        return next().events();
    }

    /**
     * One sample with the sessions by state and the sessions opened since the previous sample: on 14 and later from
     * pg_stat_database.sessions, which a backend counts at its start and flushes at the latest when it exits, so a
     * connection shorter than the interval is counted too; before 14 from the arrivals seen. The first opens 0.
     */
    public SessionSample next() throws SQLException {
        // a client backend without a state is still starting (authenticating), or hidden from a login without
        // pg_read_all_stats: "(no state)" rather than a guess
        Map<String, Session> now = new HashMap<>();
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(PostgresWorkloadCollector.MARK
                + "SELECT pid, backend_start, coalesce(usename, ''), coalesce(datname, ''), coalesce(application_name, ''),"
                + " coalesce(host(client_addr), ''), coalesce(state, '(no state)') FROM pg_stat_activity"
                + " WHERE backend_type = 'client backend' AND pid <> pg_backend_pid()")) {
            while (rs.next()) {
                Session s = new Session(rs.getInt(1), rs.getTimestamp(2).toInstant(), rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getString(7));
                now.put(s.pid() + "@" + s.started(), s);
            }
        }
        long sessions = sessionsCounted();
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
        boolean first = previous == null;
        previous = now;
        events.sort(java.util.Comparator.comparing(ConnectionEvent::at));
        int seen = (int) events.stream().filter(e -> e.kind() == ConnectionEvent.Kind.CONNECTED).count();
        boolean counted = sessions >= 0 && previousSessions >= 0;
        int opened = first ? 0 : counted ? (int) Math.max(seen, Math.max(0, sessions - previousSessions)) : seen;
        double seconds = previousAt == null ? 1 : Math.max(0.001, Duration.between(previousAt, at).toNanos() / 1e9);
        previousSessions = sessions;
        previousAt = at;
        Map<String, Integer> byState = new TreeMap<>();
        now.values().forEach(s -> byState.merge(s.state(), 1, Integer::sum));
        return new SessionSample(at, opened, opened / seconds, counted || first && sessions >= 0, byState, events);
    }

    /** Sessions ever opened on the server (pg_stat_database.sessions, 14+), -1 when the server does not count them. */
    private long sessionsCounted() throws SQLException {
        if (connection.getMetaData().getDatabaseMajorVersion() < 14) {
            return -1;
        }
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery(PostgresWorkloadCollector.MARK
                + "SELECT coalesce(sum(sessions), 0) FROM pg_stat_database")) {
            return rs.next() ? rs.getLong(1) : -1;
        }
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
