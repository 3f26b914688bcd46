package io.knobwright.connectors.load;

import io.knobwright.connectors.ConnectorException;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.ResultSetMetaData;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A PostgreSQL server's cumulative counters read before and after a run, and what the run changed per transaction:
 * the features the simulator's mechanisms are calibrated on (cache hits and reads, temp bytes of spills, WAL and
 * full-page images, checkpoints).
 *
 * <p>Sources, by version: pg_stat_database (the connection's database); pg_stat_wal from PostgreSQL 14 (absent
 * before, and so are the WAL features); checkpoints from pg_stat_bgwriter up to 16 and from pg_stat_checkpointer
 * since 17, which split them off (commit 96f05261) and moved backend writes to pg_stat_io; the summed
 * pg_statio_user_tables per table. Counter names are the same whatever the version ({@code checkpoints.requested}
 * is checkpoints_req before 17 and num_requested after).
 *
 * <p>Backends publish their counts when they go idle, at most once a second (PostgreSQL 15+), or through the stats
 * collector a moment later (before 15). {@link LoadDriver} asks its sessions to flush before it closes them; when
 * counting some other activity, read the "after" snapshot once its sessions have ended.
 */
public final class ServerCounters {

    /**
     * The counters at one moment.
     *
     * @param major    the server's major version (13, 14, ...)
     * @param counters counter name -> cumulative value; only those this version has
     */
    public record Snapshot(Instant at, int major, Map<String, Double> counters) {
        public Snapshot {
            Objects.requireNonNull(at, "at");
            counters = Map.copyOf(counters);
        }
    }

    /**
     * What changed between two snapshots.
     *
     * @param counters counter name -> increase (a counter reset in between shows as a negative increase)
     */
    public record Delta(Duration elapsed, int major, Map<String, Double> counters) {
        public Delta {
            Objects.requireNonNull(elapsed, "elapsed");
            counters = Map.copyOf(counters);
        }

        /** A counter's increase, 0 when this server has no such counter. */
        public double get(String counter) {
            return counters.getOrDefault(counter, 0.0);
        }

        /**
         * Per-transaction features of a run of {@code transactions}: pagesHitPerTx, pagesReadPerTx, hitRatio,
         * tempFilesPerTx, tempBytesPerTx, tuplesReturnedPerTx ... tuplesDeletedPerTx, and from PostgreSQL 14
         * walRecordsPerTx, walBytesPerTx, fpiPerTx, walBuffersFull; whole-run counts checkpointsTimed,
         * checkpointsRequested, buffersCheckpoint, buffersClean, buffersAlloc (and buffersBackend up to 16); and
         * relation hit ratios as hitRatio:schema.table for tables the run touched.
         */
        public Map<String, Double> features(long transactions) {
            double tx = Math.max(1, transactions);
            Map<String, Double> f = new LinkedHashMap<>();
            double hit = get("db.blks_hit");
            double read = get("db.blks_read");
            f.put("pagesHitPerTx", hit / tx);
            f.put("pagesReadPerTx", read / tx);
            f.put("hitRatio", hit + read == 0 ? 1.0 : hit / (hit + read));
            f.put("tempFilesPerTx", get("db.temp_files") / tx);
            f.put("tempBytesPerTx", get("db.temp_bytes") / tx);
            for (String t : new String[]{"returned", "fetched", "inserted", "updated", "deleted"}) {
                f.put("tuples" + Character.toUpperCase(t.charAt(0)) + t.substring(1) + "PerTx",
                        get("db.tup_" + t) / tx);
            }
            if (counters.containsKey("wal.bytes")) {
                f.put("walRecordsPerTx", get("wal.records") / tx);
                f.put("walBytesPerTx", get("wal.bytes") / tx);
                f.put("fpiPerTx", get("wal.fpi") / tx);
                f.put("walBuffersFull", get("wal.buffers_full"));
            }
            f.put("checkpointsTimed", get("checkpoints.timed"));
            f.put("checkpointsRequested", get("checkpoints.requested"));
            f.put("buffersCheckpoint", get("checkpoints.buffers"));
            f.put("buffersClean", get("bgwriter.buffers_clean"));
            f.put("buffersAlloc", get("bgwriter.buffers_alloc"));
            if (counters.containsKey("backend.buffers")) {
                f.put("buffersBackend", get("backend.buffers"));
            }
            Map<String, double[]> relations = new TreeMap<>();
            counters.forEach((name, value) -> {
                if (name.startsWith("rel.")) {
                    int dot = name.lastIndexOf('.');
                    double[] hr = relations.computeIfAbsent(name.substring(4, dot), k -> new double[2]);
                    hr[name.endsWith(".hit") ? 0 : 1] += value;
                }
            });
            relations.forEach((relation, hr) -> {
                if (hr[0] + hr[1] > 0) {
                    f.put("hitRatio:" + relation, hr[0] / (hr[0] + hr[1]));
                }
            });
            return f;
        }
    }

    private static final String DATABASE = "SELECT xact_commit, xact_rollback, blks_read, blks_hit, tup_returned,"
            + " tup_fetched, tup_inserted, tup_updated, tup_deleted, temp_files, temp_bytes, deadlocks, blk_read_time,"
            + " blk_write_time FROM pg_stat_database WHERE datname = current_database()";
    private static final String WAL = "SELECT wal_records AS records, wal_fpi AS fpi, wal_bytes AS bytes,"
            + " wal_buffers_full AS buffers_full FROM pg_stat_wal";
    private static final String BGWRITER_OLD = "SELECT checkpoints_timed AS \"checkpoints.timed\","
            + " checkpoints_req AS \"checkpoints.requested\", buffers_checkpoint AS \"checkpoints.buffers\","
            + " buffers_clean AS \"bgwriter.buffers_clean\", maxwritten_clean AS \"bgwriter.maxwritten_clean\","
            + " buffers_backend AS \"backend.buffers\", buffers_alloc AS \"bgwriter.buffers_alloc\""
            + " FROM pg_stat_bgwriter";
    private static final String CHECKPOINTER = "SELECT num_timed AS \"checkpoints.timed\","
            + " num_requested AS \"checkpoints.requested\", buffers_written AS \"checkpoints.buffers\""
            + " FROM pg_stat_checkpointer";
    private static final String BGWRITER_NEW = "SELECT buffers_clean AS \"bgwriter.buffers_clean\","
            + " maxwritten_clean AS \"bgwriter.maxwritten_clean\", buffers_alloc AS \"bgwriter.buffers_alloc\""
            + " FROM pg_stat_bgwriter";
    private static final String RELATIONS = "SELECT schemaname || '.' || relname,"
            + " coalesce(heap_blks_hit, 0) + coalesce(idx_blks_hit, 0) + coalesce(toast_blks_hit, 0),"
            + " coalesce(heap_blks_read, 0) + coalesce(idx_blks_read, 0) + coalesce(toast_blks_read, 0)"
            + " FROM pg_statio_user_tables";

    private ServerCounters() {
    }

    /** Reads every counter this server version has, for the connection's database. */
    public static Snapshot read(Connection connection) {
        try (Statement s = connection.createStatement()) {
            int major = connection.getMetaData().getDatabaseMajorVersion();
            Map<String, Double> counters = new LinkedHashMap<>();
            // a fresh view: inside a transaction the statistics could be served from a snapshot taken earlier
            s.execute("SELECT pg_stat_clear_snapshot()");
            row(s, DATABASE, "db.", counters);
            if (major >= 14) {
                row(s, WAL, "wal.", counters);
            }
            if (major >= 17) {
                row(s, CHECKPOINTER, "", counters);
                row(s, BGWRITER_NEW, "", counters);
            } else {
                row(s, BGWRITER_OLD, "", counters);
            }
            try (ResultSet rs = s.executeQuery(RELATIONS)) {
                while (rs.next()) {
                    counters.put("rel." + rs.getString(1) + ".hit", rs.getDouble(2));
                    counters.put("rel." + rs.getString(1) + ".read", rs.getDouble(3));
                }
            }
            return new Snapshot(Instant.now(), major, counters);
        } catch (SQLException e) {
            throw new ConnectorException("Could not read the server's statistics: " + e.getMessage()
                    + ". The user needs to read pg_stat_database, pg_stat_wal and pg_stat_bgwriter (pg_monitor).", e);
        }
    }

    /** What changed from {@code before} to {@code after}; counters only one of them has are left out. */
    public static Delta delta(Snapshot before, Snapshot after) {
        Map<String, Double> changes = new LinkedHashMap<>();
        after.counters().forEach((name, value) -> {
            Double earlier = before.counters().get(name);
            if (earlier != null) {
                changes.put(name, value - earlier);
            } else if (name.startsWith("rel.")) {
                changes.put(name, value); // a table created during the run started from zero
            }
        });
        return new Delta(Duration.between(before.at(), after.at()), after.major(), changes);
    }

    /**
     * Asks the session's backend to publish its pending counts now (PostgreSQL 15+; they are published when it goes
     * idle after this statement). Does nothing on older servers, whose stats collector takes them a moment later.
     */
    static void flush(Connection connection) {
        try (Statement s = connection.createStatement()) {
            java.sql.DatabaseMetaData md = connection.getMetaData();
            if (md.getDatabaseProductName().contains("PostgreSQL") && md.getDatabaseMajorVersion() >= 15) {
                s.execute("SELECT pg_stat_force_next_flush()");
            }
        } catch (SQLException ignored) {
            // not PostgreSQL, or the session is gone: nothing of it is left to publish
        }
    }

    private static void row(Statement s, String sql, String prefix, Map<String, Double> into) throws SQLException {
        try (ResultSet rs = s.executeQuery(sql)) {
            if (rs.next()) {
                ResultSetMetaData md = rs.getMetaData();
                for (int i = 1; i <= md.getColumnCount(); i++) {
                    into.put(prefix + md.getColumnLabel(i), rs.getDouble(i));
                }
            }
        }
    }
}
