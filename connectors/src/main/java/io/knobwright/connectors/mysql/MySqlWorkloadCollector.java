package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.WorkloadCollector;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.connectors.jdbc.JdbcGate;
import io.knobwright.connectors.jdbc.MariaDbDialect;
import io.knobwright.connectors.workload.CollectorSession;
import io.knobwright.connectors.workload.RelationSchedule;
import io.knobwright.model.fleet.JdbcUrlSecrets;
import io.knobwright.model.workload.BlockedSession;
import io.knobwright.model.workload.BlockingChains;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.CounterPoll;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.RelationPolling;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.StatementCounters;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * Polls MySQL and MariaDB: SHOW GLOBAL STATUS, max_connections, the process list and InnoDB's transactions (sessions,
 * lock waits), information_schema table sizes, replica status (SHOW REPLICA STATUS, or SHOW SLAVE STATUS on servers
 * before MySQL 8.0.22 / MariaDB 10.5.1) and, with performance_schema on, statement digests. The session's statement
 * timeout is max_execution_time (MySQL) or max_statement_time (MariaDB); nothing is changed on the server. Every 15
 * minutes by default, per-table and per-index statistics and sizes ({@link MySqlRelationStats}, decision 0128).
 */
public final class MySqlWorkloadCollector implements WorkloadCollector {

    /** Commands of threads that are not client sessions at work. */
    private static final Set<String> NOT_CLIENT_WORK = Set.of("sleep", "daemon", "binlog dump", "binlog dump gtid", "killed");

    private final ConnectorTimeouts timeouts;
    private final Clock clock;
    private final RelationSchedule relations;

    public MySqlWorkloadCollector(Clock clock) {
        this(new ConnectorTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(5)), clock);
    }

    public MySqlWorkloadCollector(ConnectorTimeouts timeouts, Clock clock) {
        this(timeouts, clock, RelationPolling.DEFAULT);
    }

    /** @param relations how many tables and indexes a relation snapshot keeps, and how often one is taken (decision 0128) */
    public MySqlWorkloadCollector(ConnectorTimeouts timeouts, Clock clock, RelationPolling relations) {
        this.timeouts = Objects.requireNonNull(timeouts, "timeouts");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.relations = new RelationSchedule(relations);
    }

    @Override
    public boolean accepts(String jdbcUrl) {
        return MariaDbDialect.INSTANCE.accepts(jdbcUrl);
    }

    @Override
    public CollectedWorkload collect(ConnectionTarget target) {
        Objects.requireNonNull(target, "target");
        if (!accepts(target.jdbcUrl())) {
            throw ConnectorException.badInput("Not a MySQL or MariaDB JDBC URL: '" + JdbcUrlSecrets.mask(target.jdbcUrl())
                    + "'. It should look like jdbc:mariadb://host:3306/ or jdbc:mysql://host:3306/.", null);
        }
        JdbcGate.Admitted admitted = JdbcGate.admit(MariaDbDialect.INSTANCE, target, timeouts);
        try (Connection connection = admitted.connect()) {
            ServerIdentity identity = ServerIdentity.read(connection);
            try (Statement st = connection.createStatement()) {
                // Session-wide on Knobwright's own short-lived connection: every read below is bounded
                st.execute(identity.isMariaDb()
                        ? "SET SESSION max_statement_time = " + timeouts.query().toMillis() / 1000.0
                        : "SET SESSION max_execution_time = " + timeouts.query().toMillis());
            }
            CollectedWorkload polled = poll(new CollectorSession(connection, MySqlWorkloadCollector::plain), identity, target,
                    new CollectorSession(connection, MySqlWorkloadCollector::plain));
            polled.relations().ifPresent(r -> relations.taken(target, r.at()));
            return polled;
        } catch (SQLException failure) {
            throw MySqlFailures.translate(failure, admitted.engine(), admitted.url(), target, admitted.target(), admitted.timeouts());
        }
    }

    private static <T> T plain(Connection connection, CollectorSession.Part<T> part) throws SQLException {
        return part.read(connection);
    }

    private record Process(String id, String user, String db, String command, String state, double seconds, String info) {
    }

    /** @param connectionPart the connection part's own session, so its notes go with the connection report (decision 0131) */
    private CollectedWorkload poll(CollectorSession session, ServerIdentity identity, ConnectionTarget target,
                                   CollectorSession connectionPart) throws SQLException {
        Instant at = clock.instant();
        Map<String, String> status = session.required(MySqlWorkloadCollector::globalStatus);
        Map<Metric, Double> values = new EnumMap<>(Metric.class);
        counter(values, Metric.COMMITS, status, "Com_commit");
        counter(values, Metric.ROLLBACKS, status, "Com_rollback");
        counter(values, Metric.READ_STATEMENTS, status, "Com_select");
        counter(values, Metric.WRITE_STATEMENTS, status, "Com_insert", "Com_insert_select", "Com_update", "Com_update_multi",
                "Com_delete", "Com_delete_multi", "Com_replace", "Com_replace_select");
        // MariaDB 10.6 on dropped the Innodb_rows_* counters; the handler counters count the same rows (and, for writes,
        // rows of internal temporary tables too)
        if (!counter(values, Metric.ROWS_READ, status, "Innodb_rows_read")) {
            counter(values, Metric.ROWS_READ, status, "Handler_read_first", "Handler_read_key", "Handler_read_last",
                    "Handler_read_next", "Handler_read_prev", "Handler_read_rnd", "Handler_read_rnd_next");
        }
        if (!counter(values, Metric.ROWS_WRITTEN, status, "Innodb_rows_inserted", "Innodb_rows_updated", "Innodb_rows_deleted")) {
            counter(values, Metric.ROWS_WRITTEN, status, "Handler_write", "Handler_update", "Handler_delete");
        }
        double requests = number(status, "Innodb_buffer_pool_read_requests");
        double reads = number(status, "Innodb_buffer_pool_reads");
        if (!Double.isNaN(requests) && !Double.isNaN(reads)) {
            values.put(Metric.BLOCKS_HIT, Math.max(0, requests - reads));
            values.put(Metric.BLOCKS_READ, reads);
        }
        counter(values, Metric.TEMP_FILES, status, "Created_tmp_disk_tables");
        counter(values, Metric.SORTS_ON_DISK, status, "Sort_merge_passes");
        counter(values, Metric.DEADLOCKS, status, "Innodb_deadlocks");
        if (!counter(values, Metric.WAL_BYTES, status, "Innodb_lsn_current")) {
            counter(values, Metric.WAL_BYTES, status, "Innodb_os_log_written");
        }
        counter(values, Metric.CONNECTIONS, status, "Threads_connected");
        double uptime = number(status, "Uptime");
        if (Double.isNaN(uptime)) {
            throw new SQLException("SHOW GLOBAL STATUS gave no Uptime; cannot tell a restart from a quiet server");
        }
        double sinceFlush = number(status, "Uptime_since_flush_status");
        // The start is told by the server's own clock, so that Knobwright's clock (or a skew between the two) cannot
        // make a restart appear or disappear
        Instant serverNow = session.required(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT UNIX_TIMESTAMP()")) {
                rs.next();
                return Instant.ofEpochSecond(rs.getLong(1));
            }
        });
        ServerEpoch epoch = new ServerEpoch(serverNow.minusSeconds((long) uptime),
                Double.isNaN(sinceFlush) ? null : serverNow.minusSeconds((long) sinceFlush));

        session.optional("max_connections", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@max_connections")) {
                rs.next();
                values.put(Metric.MAX_CONNECTIONS, rs.getDouble(1));
            }
            return null;
        });
        Map<String, Process> processes = session.optional("Process list (needs the PROCESS privilege to see every session)",
                MySqlWorkloadCollector::processes).orElse(Map.of());
        String own = session.required(c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT CONNECTION_ID()")) {
                rs.next();
                return rs.getString(1);
            }
        });
        if (!processes.isEmpty()) {
            long active = processes.values().stream().filter(p -> !p.id().equals(own) && clientWork(p)).count();
            long waiting = processes.values().stream().filter(p -> !p.id().equals(own) && clientWork(p) && p.state() != null
                    && (p.state().startsWith("Waiting for") || p.state().toLowerCase().contains("lock"))).count();
            values.put(Metric.ACTIVE_SESSIONS, (double) active);
            values.put(Metric.WAITING_SESSIONS, (double) waiting);
        }
        Map<String, String> trxStates = session.optional("InnoDB transactions", MySqlWorkloadCollector::transactions).orElse(Map.of());
        long blocked = trxStates.values().stream().filter("LOCK WAIT"::equals).count();
        values.put(Metric.BLOCKED_SESSIONS, (double) blocked);
        if (!processes.isEmpty()) {
            long idleInTrx = trxStates.keySet().stream().map(processes::get)
                    .filter(p -> p != null && "sleep".equalsIgnoreCase(p.command())).count();
            values.put(Metric.IDLE_IN_TRANSACTION, (double) idleInTrx);
        }
        session.optional("Table sizes (information_schema.tables)", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT COALESCE(SUM(data_length + index_length), 0)"
                    + " FROM information_schema.tables WHERE table_schema NOT IN ('information_schema', 'performance_schema', 'sys')")) {
                rs.next();
                values.put(Metric.DATABASE_BYTES, rs.getDouble(1));
            }
            return null;
        });
        replica(session, values);
        List<StatementCounters> statements = digests(session);
        BlockingChains chains = blocked == 0 ? BlockingChains.NONE
                : session.optional("Blocking chains", c -> chains(c, identity, processes)).orElse(BlockingChains.NONE);
        Optional<RelationSnapshot> snapshot = relations.due(target, at)
                ? MySqlRelationStats.read(session, identity, at, epoch, relations.polling().limit())
                : Optional.empty();
        io.knobwright.model.health.ConnectionSnapshot connections = MySqlConnections.read(connectionPart, at);
        if (connections == null) {
            connectionPart.notes().forEach(session::note);
        }
        return new CollectedWorkload(new CounterPoll(at, epoch, values, statements), chains, session.notes(), snapshot,
                connections);
    }

    private static boolean clientWork(Process p) {
        return p.command() != null && !NOT_CLIENT_WORK.contains(p.command().toLowerCase())
                && !"system user".equals(p.user()) && !"event_scheduler".equals(p.user());
    }

    private static Map<String, String> globalStatus(Connection c) throws SQLException {
        Map<String, String> status = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SHOW GLOBAL STATUS")) {
            while (rs.next()) {
                status.put(rs.getString(1), rs.getString(2));
            }
        }
        return status;
    }

    private static Map<String, Process> processes(Connection c) throws SQLException {
        Map<String, Process> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT id, user, db, command, state, time, LEFT(info, 1000) FROM information_schema.processlist")) {
            while (rs.next()) {
                Process p = new Process(rs.getString(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getString(5),
                        rs.getDouble(6), rs.getString(7));
                out.put(p.id(), p);
            }
        }
        return out;
    }

    /** Thread id to InnoDB transaction state (RUNNING, LOCK WAIT, ...). */
    private static Map<String, String> transactions(Connection c) throws SQLException {
        Map<String, String> out = new HashMap<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                "SELECT trx_mysql_thread_id, trx_state FROM information_schema.innodb_trx")) {
            while (rs.next()) {
                out.put(rs.getString(1), rs.getString(2));
            }
        }
        return out;
    }

    /** SHOW REPLICA STATUS where the server knows it, SHOW SLAVE STATUS before; columns in either spelling. */
    private static void replica(CollectorSession session, Map<Metric, Double> values) throws SQLException {
        session.optional("Replica status (needs REPLICATION CLIENT or SLAVE MONITOR)", c -> {
            Map<String, String> row;
            try {
                row = firstRow(c, "SHOW REPLICA STATUS");
            } catch (SQLException older) {
                if (older.getErrorCode() != 1064) {
                    throw older;
                }
                row = firstRow(c, "SHOW SLAVE STATUS");
            }
            if (row == null) {
                return null;
            }
            String seconds = either(row, "Seconds_Behind_Source", "Seconds_Behind_Master");
            if (seconds != null) {
                values.put(Metric.REPLICATION_LAG_SECONDS, Double.parseDouble(seconds));
            }
            String relayFile = either(row, "Relay_Source_Log_File", "Relay_Master_Log_File");
            String readFile = either(row, "Source_Log_File", "Master_Log_File");
            String read = either(row, "Read_Source_Log_Pos", "Read_Master_Log_Pos");
            String exec = either(row, "Exec_Source_Log_Pos", "Exec_Master_Log_Pos");
            if (relayFile != null && relayFile.equals(readFile) && read != null && exec != null) {
                values.put(Metric.REPLICATION_LAG_BYTES, Math.max(0, Double.parseDouble(read) - Double.parseDouble(exec)));
            }
            return null;
        });
    }

    private static List<StatementCounters> digests(CollectorSession session) throws SQLException {
        boolean on = session.optional("performance_schema", c -> {
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("SELECT @@performance_schema")) {
                return rs.next() && rs.getInt(1) == 1;
            }
        }).orElse(false);
        if (!on) {
            session.note("performance_schema is off: statement digests not collected (set performance_schema = ON in the"
                    + " server's option file; it takes a restart)");
            return List.of();
        }
        return session.optional("Statement digests (performance_schema.events_statements_summary_by_digest)", c -> {
            List<StatementCounters> out = new ArrayList<>();
            try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(
                    "SELECT DIGEST, MIN(DIGEST_TEXT), SUM(COUNT_STAR), SUM(SUM_TIMER_WAIT) / 1000000000,"
                            + " SUM(SUM_ROWS_SENT + SUM_ROWS_AFFECTED) FROM performance_schema.events_statements_summary_by_digest"
                            + " WHERE DIGEST IS NOT NULL GROUP BY DIGEST")) {
                while (rs.next()) {
                    out.add(new StatementCounters(rs.getString(1), rs.getString(2), rs.getLong(3), Math.max(0, rs.getDouble(4)),
                            rs.getLong(5)));
                }
            }
            return out;
        }).orElse(List.of());
    }

    /** InnoDB lock waits: information_schema.innodb_lock_waits (MariaDB, MySQL 5.7) or performance_schema.data_lock_waits. */
    private static BlockingChains chains(Connection c, ServerIdentity identity, Map<String, Process> processes) throws SQLException {
        String sql = identity.isMariaDb()
                ? "SELECT r.trx_mysql_thread_id, b.trx_mysql_thread_id, r.trx_wait_started FROM information_schema.innodb_lock_waits w"
                + " JOIN information_schema.innodb_trx r ON r.trx_id = w.requesting_trx_id"
                + " JOIN information_schema.innodb_trx b ON b.trx_id = w.blocking_trx_id"
                : "SELECT r.trx_mysql_thread_id, b.trx_mysql_thread_id, r.trx_wait_started FROM performance_schema.data_lock_waits w"
                + " JOIN information_schema.innodb_trx r ON r.trx_id = w.REQUESTING_ENGINE_TRANSACTION_ID"
                + " JOIN information_schema.innodb_trx b ON b.trx_id = w.BLOCKING_ENGINE_TRANSACTION_ID";
        Map<String, List<String>> blockedBy = new HashMap<>();
        Set<String> involved = new HashSet<>();
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            while (rs.next()) {
                blockedBy.computeIfAbsent(rs.getString(1), k -> new ArrayList<>()).add(rs.getString(2));
                involved.add(rs.getString(1));
                involved.add(rs.getString(2));
            }
        }
        List<BlockedSession> sessions = new ArrayList<>();
        for (String id : involved.stream().sorted().toList()) {
            Process p = processes.get(id);
            sessions.add(new BlockedSession(id, blockedBy.getOrDefault(id, List.of()), p == null ? "" : p.user(),
                    p == null ? "" : p.db(), p == null ? "" : p.command(), p == null ? "" : p.info(), p == null ? 0 : p.seconds()));
        }
        return new BlockingChains(sessions);
    }

    private static Map<String, String> firstRow(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery(sql)) {
            if (!rs.next()) {
                return null;
            }
            ResultSetMetaData meta = rs.getMetaData();
            Map<String, String> row = new TreeMap<>(String.CASE_INSENSITIVE_ORDER);
            for (int i = 1; i <= meta.getColumnCount(); i++) {
                row.put(meta.getColumnLabel(i), rs.getString(i));
            }
            return row;
        }
    }

    private static String either(Map<String, String> row, String newer, String older) {
        return Optional.ofNullable(row.get(newer)).orElse(row.get(older));
    }

    /** Puts the sum of the named status counters; false when the server has none of them. */
    private static boolean counter(Map<Metric, Double> values, Metric metric, Map<String, String> status, String... names) {
        double sum = 0;
        boolean any = false;
        for (String name : names) {
            double v = number(status, name);
            if (!Double.isNaN(v)) {
                sum += v;
                any = true;
            }
        }
        if (any) {
            values.put(metric, sum);
        }
        return any;
    }

    private static double number(Map<String, String> status, String name) {
        String v = status.get(name);
        if (v == null || v.isBlank()) {
            return Double.NaN;
        }
        try {
            return Double.parseDouble(v.trim());
        } catch (NumberFormatException notANumber) {
            return Double.NaN;
        }
    }
}
