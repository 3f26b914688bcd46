package io.knobwright.app.simulation.bench;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Drives one workload with N clients (one JDBC connection and one thread each, a closed loop with no think time, as
 * pgbench does): a warm-up whose transactions are discarded, then the measured window. Transactions finishing inside
 * the window count; latency is per transaction, start to commit.
 */
final class BenchLoad {

    /** What one run measured. */
    record Run(double tps, double p50Ms, double p95Ms, long transactions, long errors, ServerDelta server) {
    }

    /**
     * What the server counted during the measured window, from pg_stat_database and pg_stat_wal (per database where
     * the view allows).
     */
    record ServerDelta(double blksHit, double blksRead, double tempBytes, double walBytes, double walFpi,
                       double checkpoints) {
        double hitRatio() {
            return blksHit + blksRead == 0 ? 1 : blksHit / (blksHit + blksRead);
        }
    }

    private BenchLoad() {
    }

    static Run run(BenchSandbox sandbox, BenchWorkload workload, int clients, Duration warmUp, Duration duration,
                   long seed) throws SQLException, InterruptedException {
        List<Connection> connections = new ArrayList<>();
        try {
            for (int i = 0; i < clients; i++) {
                connections.add(sandbox.connect(workload.database()));
            }
            long start = System.nanoTime();
            long measureFrom = start + warmUp.toNanos();
            long end = measureFrom + duration.toNanos();
            long[][] latencies = new long[clients][];
            long[] errors = new long[clients];
            AtomicReference<SQLException> failure = new AtomicReference<>();
            Thread[] threads = new Thread[clients];
            AtomicReference<long[]> before = new AtomicReference<>();
            for (int i = 0; i < clients; i++) {
                int client = i;
                threads[i] = Thread.ofPlatform().name("bench-client-" + i).start(() -> {
                    try {
                        ClientResult r = client(connections.get(client), workload, new SplittableRandom(seed * 31 + client),
                                measureFrom, end);
                        latencies[client] = r.latencies;
                        errors[client] = r.errors;
                    } catch (SQLException e) {
                        failure.compareAndSet(null, e);
                    }
                });
            }
            try (Connection stats = sandbox.connect(workload.database())) {
                sleepUntil(measureFrom);
                long[] a = counters(stats, workload.database());
                sleepUntil(end);
                long[] b = counters(stats, workload.database());
                for (Thread t : threads) {
                    t.join();
                }
                if (failure.get() != null) {
                    throw failure.get();
                }
                double seconds = duration.toNanos() / 1e9;
                long[] all = Arrays.stream(latencies).flatMapToLong(Arrays::stream).sorted().toArray();
                ServerDelta delta = new ServerDelta(b[0] - a[0], b[1] - a[1], b[2] - a[2], b[3] - a[3], b[4] - a[4],
                        b[5] - a[5]);
                return new Run(all.length / seconds, percentile(all, 0.50) / 1e6, percentile(all, 0.95) / 1e6,
                        all.length, Arrays.stream(errors).sum(), delta);
            }
        } finally {
            for (Connection c : connections) {
                c.close();
            }
        }
    }

    private record ClientResult(long[] latencies, long errors) {
    }

    private static ClientResult client(Connection c, BenchWorkload workload, SplittableRandom random, long measureFrom,
                                       long end) throws SQLException {
        List<PreparedStatement> prepared = new ArrayList<>();
        for (BenchWorkload.Step step : workload.statements()) {
            prepared.add(c.prepareStatement(step.sql()));
        }
        c.setAutoCommit(!workload.transactional());
        long[] buffer = new long[1024];
        int n = 0;
        long errors = 0;
        while (true) {
            long t0 = System.nanoTime();
            if (t0 >= end) {
                break;
            }
            Map<BenchWorkload.Draw, Integer> drawn = workload.draw(random);
            try {
                int first = workload.oneOf() ? random.nextInt(prepared.size()) : 0;
                int last = workload.oneOf() ? first + 1 : prepared.size();
                for (int s = first; s < last; s++) {
                    PreparedStatement ps = prepared.get(s);
                    Object[] params = BenchWorkload.bind(workload.statements().get(s), random, drawn);
                    for (int p = 0; p < params.length; p++) {
                        ps.setObject(p + 1, params[p]);
                    }
                    if (ps.execute()) {
                        try (ResultSet rs = ps.getResultSet()) {
                            while (rs.next()) {
                                rs.getObject(1);
                            }
                        }
                    }
                }
                if (workload.transactional()) {
                    c.commit();
                }
            } catch (SQLException e) {
                if (workload.transactional()) {
                    c.rollback();
                }
                errors++;
                continue;
            }
            long t1 = System.nanoTime();
            if (t0 >= measureFrom && t1 <= end) {
                if (n == buffer.length) {
                    buffer = Arrays.copyOf(buffer, n * 2);
                }
                buffer[n++] = t1 - t0;
            }
        }
        return new ClientResult(Arrays.copyOf(buffer, n), errors);
    }

    /** blks_hit, blks_read, temp_bytes, wal_bytes, wal_fpi, checkpoints (timed + requested). */
    static long[] counters(Connection c, String database) throws SQLException {
        long[] out = new long[6];
        try (Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_clear_snapshot()");
            try (ResultSet rs = st.executeQuery("SELECT blks_hit, blks_read, temp_bytes FROM pg_stat_database"
                    + " WHERE datname = '" + database + "'")) {
                if (rs.next()) {
                    out[0] = rs.getLong(1);
                    out[1] = rs.getLong(2);
                    out[2] = rs.getLong(3);
                }
            }
            try (ResultSet rs = st.executeQuery("SELECT wal_bytes, wal_fpi FROM pg_stat_wal")) {
                if (rs.next()) {
                    out[3] = rs.getLong(1);
                    out[4] = rs.getLong(2);
                }
            }
            out[5] = checkpoints(st);
        }
        return out;
    }

    private static long checkpoints(Statement st) throws SQLException {
        int version;
        try (ResultSet rs = st.executeQuery("SHOW server_version_num")) {
            rs.next();
            version = Integer.parseInt(rs.getString(1));
        }
        String sql = version >= 170000 ? "SELECT num_timed + num_requested FROM pg_stat_checkpointer"
                : "SELECT checkpoints_timed + checkpoints_req FROM pg_stat_bgwriter";
        try (ResultSet rs = st.executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }

    static double percentile(long[] sorted, double q) {
        if (sorted.length == 0) {
            return Double.NaN;
        }
        int i = (int) Math.min(sorted.length - 1, Math.max(0, Math.ceil(q * sorted.length) - 1));
        return sorted[i];
    }

    private static void sleepUntil(long nanoTime) throws InterruptedException {
        long left = nanoTime - System.nanoTime();
        if (left > 0) {
            Thread.sleep(Duration.ofNanos(left));
        }
    }
}
