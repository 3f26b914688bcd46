package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.WorkloadCollector;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.PostgresDialect;
import io.knobwright.connectors.workload.CollectorSession;
import io.knobwright.connectors.workload.RelationSchedule;
import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.model.health.ConnectionSnapshot;
import io.knobwright.model.workload.BlockedSession;
import io.knobwright.model.workload.BlockingChains;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.CounterPoll;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.RelationPolling;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.StatementCounters;

import java.sql.Array;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Savepoint;
import java.sql.Statement;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Polls PostgreSQL 13+ with what pg_monitor may read: pg_stat_database, pg_stat_activity, pg_stat_bgwriter (before 17)
 * or pg_stat_checkpointer and pg_stat_io (17 on), the WAL position, pg_stat_replication, database sizes and, where
 * installed, pg_stat_statements; every 15 minutes by default, per-table and per-index statistics and sizes
 * ({@link PostgresRelationStats}, decision 0128). The poll is one read-only transaction under SET LOCAL
 * statement_timeout, each part behind a savepoint;
 * nothing is created or changed on the server. The collector's own statements carry a marker comment and are left out
 * of the statement digests.
 */
public final class PostgresWorkloadCollector implements WorkloadCollector {

    /** Marks the collector's statements, so pg_stat_statements entries of its own polling are not counted as workload. */
    static final String MARK = "/* knobwright-monitor */ ";

    private static final Pattern WRITE = Pattern.compile("^\\s*(insert|update|delete|merge|copy\\s+\\S+\\s+from)\\b",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern READ = Pattern.compile("^\\s*(select|table|values|with|fetch)\\b", Pattern.CASE_INSENSITIVE);

    private final ConnectorTimeouts timeouts;
    private final Clock clock;
    private final RelationSchedule relations;

    /** Five seconds to connect and five per query: monitoring must not hang on a struggling server. */
    public PostgresWorkloadCollector(Clock clock) {
        this(new ConnectorTimeouts(java.time.Duration.ofSeconds(5), java.time.Duration.ofSeconds(5)), clock);
    }

    public PostgresWorkloadCollector(ConnectorTimeouts timeouts, Clock clock) {
        this(timeouts, clock, RelationPolling.DEFAULT);
    }

    /** @param relations how many tables and indexes a relation snapshot keeps, and how often one is taken (decision 0128) */
    public PostgresWorkloadCollector(ConnectorTimeouts timeouts, Clock clock, RelationPolling relations) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.relations = new RelationSchedule(relations);
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return PostgresDialect.INSTANCE.accepts(jdbcUrl);
    }

    @Override
    public CollectedWorkload collect(ConnectionTarget target) {
        Objects.requireNonNull(target, "target");
        if (!accepts(target.jdbcUrl())) {
            throw ConnectorException.badInput("Not a PostgreSQL JDBC URL: '" + JdbcUrlSecrets.mask(target.jdbcUrl())
                    + "'. It should look like jdbc:postgresql://host:5432/postgres.", null);
        }
        JdbcGate.Admitted admitted = JdbcGate.admit(PostgresDialect.INSTANCE, target, timeouts);
        try (Connection connection = admitted.connect()) {
            connection.setAutoCommit(false);
            connection.setReadOnly(true);
            try (Statement st = connection.createStatement()) {
                st.execute(MARK + "SET LOCAL statement_timeout = " + timeouts.query().toMillis());
            }
            CollectedWorkload polled = poll(new CollectorSession(connection, PostgresWorkloadCollector::guarded), target,
                    new CollectorSession(connection, PostgresWorkloadCollector::guarded));
            connection.commit();
            polled.relations().ifPresent(r -> relations.taken(target, r.at()));
            return polled;
        } catch (SQLException failure) {
            throw PostgresFailures.translate(failure, admitted.url(), target, admitted.target(), admitted.timeouts());
        }
    }

    /**
     * Each part behind a savepoint of the poll's one transaction: a part that fails (a view missing, a timeout) is rolled
     * back alone. One transaction per poll reads the statistics as one snapshot (stats_fetch_consistency) and adds one
     * commit, not one per part, to the server's own xact_commit.
     */
    private static <T> T guarded(Connection connection, CollectorSession.Part<T> part) throws SQLException {
        Savepoint savepoint = connection.setSavepoint();
        try {
            T result = part.read(connection);
            connection.releaseSavepoint(savepoint);
            return result;
        } catch (SQLException failure) {
            if (!connection.isClosed()) {
                connection.rollback(savepoint);
            }
            throw failure;
        }
    }

    private record Server(Instant started, int version, double maxConnections, String database, boolean standby) {
    }

    /** @param connectionPart the connection part's own session, so its notes go with the connection report (decision 0131) */
    private CollectedWorkload poll(CollectorSession session, ConnectionTarget target, CollectorSession connectionPart)
            throws SQLException {
        Instant at = clock.instant();
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        List<Instant> resets = new ArrayList<>();
        Server server = session.required(c -> {
            try (ResultSet rs = query(c, "SELECT pg_postmaster_start_time(), current_setting('server_version_num')::int,"
                    + " current_setting('max_connections')::int, current_database(), pg_is_in_recovery()")) {
                rs.next();
                return new Server(rs.getTimestamp(1).toInstant(), rs.getInt(2), rs.getInt(3), rs.getString(4), rs.getBoolean(5));
            }
        });
        values.put(Metric.MAX_CONNECTIONS, server.maxConnections());
        session.required(c -> {
            try (ResultSet rs = query(c, "SELECT sum(xact_commit), sum(xact_rollback), sum(blks_hit), sum(blks_read),"
                    + " sum(tup_returned + tup_fetched), sum(tup_inserted + tup_updated + tup_deleted), sum(temp_files),"
                    + " sum(temp_bytes), sum(deadlocks), max(stats_reset) FROM pg_stat_database")) {
                rs.next();
                Metric[] order = {Metric.COMMITS, Metric.ROLLBACKS, Metric.BLOCKS_HIT, Metric.BLOCKS_READ, Metric.ROWS_READ,
                        Metric.ROWS_WRITTEN, Metric.TEMP_FILES, Metric.TEMP_BYTES, Metric.DEADLOCKS};
                for (int i = 0; i < order.length; i++) {
                    values.put(order[i], rs.getDouble(i + 1));
                }
                addReset(resets, rs.getTimestamp(10));
            }
            return null;
        });
        int blocked = session.required(c -> {
            try (ResultSet rs = query(c, "SELECT count(*) FILTER (WHERE backend_type = 'client backend'),"
                    + " count(*) FILTER (WHERE state = 'active' AND backend_type = 'client backend' AND pid <> pg_backend_pid()),"
                    + " count(*) FILTER (WHERE state IN ('idle in transaction', 'idle in transaction (aborted)')),"
                    + " count(*) FILTER (WHERE state = 'active' AND pid <> pg_backend_pid()"
                    + "   AND wait_event_type IN ('Lock', 'LWLock', 'BufferPin', 'IO', 'IPC', 'Extension')),"
                    + " count(*) FILTER (WHERE wait_event_type = 'Lock' AND cardinality(pg_blocking_pids(pid)) > 0)"
                    + " FROM pg_stat_activity")) {
                rs.next();
                values.put(Metric.CONNECTIONS, rs.getDouble(1));
                values.put(Metric.ACTIVE_SESSIONS, rs.getDouble(2));
                values.put(Metric.IDLE_IN_TRANSACTION, rs.getDouble(3));
                values.put(Metric.WAITING_SESSIONS, rs.getDouble(4));
                values.put(Metric.BLOCKED_SESSIONS, rs.getDouble(5));
                return rs.getInt(5);
            }
        });
        checkpoints(session, server, values, resets);
        session.optional("WAL position", c -> {
            try (ResultSet rs = query(c, "SELECT (CASE WHEN pg_is_in_recovery() THEN pg_last_wal_replay_lsn()"
                    + " ELSE pg_current_wal_insert_lsn() END - '0/0'::pg_lsn)::float8")) {
                if (rs.next() && rs.getObject(1) != null) {
                    values.put(Metric.WAL_BYTES, rs.getDouble(1));
                }
            }
            return null;
        });
        replication(session, server, values);
        session.optional("Database sizes", c -> {
            try (ResultSet rs = query(c, "SELECT sum(pg_database_size(oid))::float8 FROM pg_database WHERE datallowconn")) {
                rs.next();
                values.put(Metric.DATABASE_BYTES, rs.getDouble(1));
            }
            return null;
        });
        List<StatementCounters> statements = statements(session, server, values);
        BlockingChains chains = blocked == 0 ? BlockingChains.NONE
                : session.optional("Blocking chains", PostgresWorkloadCollector::chains).orElse(BlockingChains.NONE);
        ConnectionSnapshot connections = PostgresConnections.read(connectionPart, at);
        if (connections == null) {
            connectionPart.notes().forEach(session::note);
        }
        Instant reset = resets.stream().max(Instant::compareTo).orElse(null);
        ServerEpoch epoch = new ServerEpoch(server.started(), reset);
        Optional<RelationSnapshot> snapshot = relations.due(target, at)
                ? PostgresRelationStats.read(session, at, epoch, server.database(), relations.polling().limit())
                : Optional.empty();
        return new CollectedWorkload(new CounterPoll(at, epoch, values, statements), chains, session.notes(), snapshot,
                connections);
    }

    private static void checkpoints(CollectorSession session, Server server, Map<Metric, Double> values, List<Instant> resets)
            throws SQLException {
        if (server.version() >= 170000) {
            session.optional("Checkpoints (pg_stat_checkpointer)", c -> {
                try (ResultSet rs = query(c, "SELECT num_timed, num_requested, buffers_written, stats_reset FROM pg_stat_checkpointer")) {
                    rs.next();
                    values.put(Metric.CHECKPOINTS_TIMED, rs.getDouble(1));
                    values.put(Metric.CHECKPOINTS_REQUESTED, rs.getDouble(2));
                    values.put(Metric.BUFFERS_WRITTEN_BY_CHECKPOINTS, rs.getDouble(3));
                    addReset(resets, rs.getTimestamp(4));
                }
                return null;
            });
            // PostgreSQL 17 moved the backends' own writes from pg_stat_bgwriter to pg_stat_io
            session.optional("Buffers written by backends (pg_stat_io)", c -> {
                try (ResultSet rs = query(c, "SELECT coalesce(sum(writes), 0)::float8, max(stats_reset) FROM pg_stat_io"
                        + " WHERE backend_type = 'client backend'")) {
                    rs.next();
                    values.put(Metric.BUFFERS_WRITTEN_BY_BACKENDS, rs.getDouble(1));
                    addReset(resets, rs.getTimestamp(2));
                }
                return null;
            });
        } else {
            session.optional("Checkpoints (pg_stat_bgwriter)", c -> {
                try (ResultSet rs = query(c, "SELECT checkpoints_timed, checkpoints_req, buffers_checkpoint, buffers_backend,"
                        + " stats_reset FROM pg_stat_bgwriter")) {
                    rs.next();
                    values.put(Metric.CHECKPOINTS_TIMED, rs.getDouble(1));
                    values.put(Metric.CHECKPOINTS_REQUESTED, rs.getDouble(2));
                    values.put(Metric.BUFFERS_WRITTEN_BY_CHECKPOINTS, rs.getDouble(3));
                    values.put(Metric.BUFFERS_WRITTEN_BY_BACKENDS, rs.getDouble(4));
                    addReset(resets, rs.getTimestamp(5));
                }
                return null;
            });
        }
    }

    /** On a primary the largest lag of its replicas; on a standby its own. No replicas, no lag figure. */
    private static void replication(CollectorSession session, Server server, Map<Metric, Double> values) throws SQLException {
        String sql = server.standby()
                ? "SELECT 1, (pg_last_wal_receive_lsn() - pg_last_wal_replay_lsn())::float8,"
                + " CASE WHEN pg_last_wal_receive_lsn() = pg_last_wal_replay_lsn() THEN 0"
                + " ELSE extract(epoch FROM now() - pg_last_xact_replay_timestamp())::float8 END"
                : "SELECT count(*), max(pg_current_wal_lsn() - replay_lsn)::float8, max(extract(epoch FROM replay_lag))::float8"
                + " FROM pg_stat_replication";
        session.optional("Replication lag", c -> {
            try (ResultSet rs = query(c, sql)) {
                if (rs.next() && rs.getInt(1) > 0) {
                    if (rs.getObject(2) != null) {
                        values.put(Metric.REPLICATION_LAG_BYTES, Math.max(0, rs.getDouble(2)));
                    }
                    values.put(Metric.REPLICATION_LAG_SECONDS, rs.getObject(3) == null ? 0 : Math.max(0, rs.getDouble(3)));
                }
            }
            return null;
        });
    }

    private static List<StatementCounters> statements(CollectorSession session, Server server, Map<Metric, Double> values)
            throws SQLException {
        Optional<String> installed = session.optional("pg_stat_statements", c -> {
            try (ResultSet rs = query(c, "SELECT extversion FROM pg_extension WHERE extname = 'pg_stat_statements'")) {
                return rs.next() ? rs.getString(1) : null;
            }
        });
        if (installed.isEmpty()) {
            session.note("pg_stat_statements is not installed in database " + server.database() + ": statement digests and"
                    + " read/write statement rates not collected (it needs shared_preload_libraries = 'pg_stat_statements',"
                    + " a restart, and CREATE EXTENSION pg_stat_statements)");
            return List.of();
        }
        String time = server.version() >= 130000 ? "total_exec_time" : "total_time";
        return session.optional("Statement digests (pg_stat_statements)", c -> {
            List<StatementCounters> out = new ArrayList<>();
            double reads = 0;
            double writes = 0;
            try (ResultSet rs = query(c, "SELECT queryid::text, min(query), sum(calls)::bigint, sum(" + time + ")::float8,"
                    + " sum(rows)::bigint FROM pg_stat_statements WHERE queryid IS NOT NULL"
                    + " AND query NOT LIKE '%knobwright-monitor%' GROUP BY queryid")) {
                while (rs.next()) {
                    StatementCounters s = new StatementCounters(rs.getString(1), rs.getString(2), rs.getLong(3),
                            Math.max(0, rs.getDouble(4)), rs.getLong(5));
                    out.add(s);
                    if (WRITE.matcher(s.query()).find()) {
                        writes += s.calls();
                    } else if (READ.matcher(s.query()).find()) {
                        reads += s.calls();
                    }
                }
            }
            values.put(Metric.READ_STATEMENTS, reads);
            values.put(Metric.WRITE_STATEMENTS, writes);
            return out;
        }).orElse(List.of());
    }

    private static BlockingChains chains(Connection c) throws SQLException {
        List<BlockedSession> sessions = new ArrayList<>();
        try (ResultSet rs = query(c, "WITH w AS (SELECT pid, pg_blocking_pids(pid) AS by FROM pg_stat_activity"
                + " WHERE wait_event_type = 'Lock' AND cardinality(pg_blocking_pids(pid)) > 0)"
                + " SELECT a.pid, w.by, a.usename, a.datname, a.state, left(a.query, 1000),"
                + " extract(epoch FROM now() - CASE WHEN w.pid IS NOT NULL THEN a.query_start"
                + "   ELSE coalesce(a.xact_start, a.state_change) END)::float8"
                + " FROM pg_stat_activity a LEFT JOIN w ON w.pid = a.pid"
                + " WHERE w.pid IS NOT NULL OR a.pid IN (SELECT unnest(by) FROM w) ORDER BY a.pid")) {
            while (rs.next()) {
                List<String> by = new ArrayList<>();
                Array array = rs.getArray(2);
                if (array != null) {
                    for (Object pid : (Object[]) array.getArray()) {
                        by.add(String.valueOf(pid));
                    }
                }
                sessions.add(new BlockedSession(String.valueOf(rs.getInt(1)), by, rs.getString(3), rs.getString(4),
                        rs.getString(5), rs.getString(6), rs.getDouble(7)));
            }
        }
        return new BlockingChains(sessions);
    }

    private static ResultSet query(Connection c, String sql) throws SQLException {
        Statement st = c.createStatement();
        st.closeOnCompletion();
        return st.executeQuery(MARK + sql);
    }

    private static void addReset(List<Instant> resets, Timestamp at) {
        if (at != null) {
            resets.add(at.toInstant());
        }
    }
}
