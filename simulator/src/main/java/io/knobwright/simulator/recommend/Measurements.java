package io.knobwright.simulator.recommend;

import io.knobwright.model.workload.WorkloadProfile;

import java.util.ArrayList;
import java.util.List;

/**
 * The figures of a workload profile that recommendations cite, under stable keys. A figure the profile could not
 * measure (NaN) is left out.
 */
public final class Measurements {

    public static final String HIT_RATIO = "bufferHitRatio";
    public static final String PHYSICAL_READS = "physicalReadBytesPerSec";
    public static final String WORKING_SET = "workingSetBytes";
    public static final String DATABASE_SIZE = "databaseBytes";
    public static final String TEMP_BYTES = "tempBytesPerSec";
    public static final String TEMP_PER_TX = "tempBytesPerTransaction";
    public static final String SPILLING_QUERIES = "spillingQueries";
    public static final String SORT_HASH_SHARE = "sortHashHeavyShare";
    public static final String REQUESTED_CHECKPOINTS = "requestedCheckpointShare";
    public static final String CHECKPOINTS_PER_HOUR = "checkpointsPerHour";
    public static final String WAL_RATE = "walBytesPerSec";
    public static final String PEAK_CONNECTIONS = "peakConnections";
    public static final String ACTIVE_SESSIONS_P95 = "activeSessionsP95";
    public static final String TPS = "transactionsPerSecond";
    public static final String WRITE_SHARE = "writeShare";
    /** Temporary files (PostgreSQL) or on-disk internal temporary tables (MySQL Created_tmp_disk_tables) per second. */
    public static final String TEMP_FILES = "tempFilesPerSec";
    /** The p95 of the write-ahead log (InnoDB redo) rate: the busy hours that size redo capacity. */
    public static final String WAL_RATE_P95 = "walBytesPerSecP95";

    private Measurements() {
    }

    public static List<Measurement> from(WorkloadProfile profile) {
        List<Measurement> out = new ArrayList<>();
        if (!profile.hasData()) {
            return out;
        }
        add(out, TPS, profile.transactionsPerSecond(), "tps", "transactions per second over the profile's window");
        if (profile.readWriteMix() != null) {
            add(out, WRITE_SHARE, profile.readWriteMix().writeShare(), "ratio", "share of row operations that write");
        }
        if (profile.concurrency() != null) {
            add(out, ACTIVE_SESSIONS_P95, profile.concurrency().p95(), "sessions", "active sessions, 95th percentile");
        }
        WorkloadProfile.WorkingSet ws = profile.workingSet();
        if (ws != null) {
            add(out, HIT_RATIO, ws.hitRatio(), "ratio", "share of block reads served from shared_buffers");
            add(out, PHYSICAL_READS, ws.physicalReadBytesPerSec(), "B/s", "block reads that went to the file system");
            add(out, WORKING_SET, ws.estimatedBytes(), "B", "estimated working set (" + ws.method() + ")");
            add(out, DATABASE_SIZE, ws.databaseBytes(), "B", "size of the databases");
        }
        WorkloadProfile.TempSpill spill = profile.tempSpill();
        if (spill != null) {
            add(out, TEMP_BYTES, spill.bytesPerSecond(), "B/s", "sorts and hashes spilled to temporary files");
            add(out, TEMP_PER_TX, spill.bytesPerTransaction(), "B", "temporary file bytes per transaction");
            add(out, SPILLING_QUERIES, spill.spillingQueries(), "queries", "summarised queries that spilled");
            add(out, TEMP_FILES, spill.filesPerSecond(), "/s",
                    "temporary files (MySQL/MariaDB: internal temporary tables created on disk) per second");
            add(out, SORT_HASH_SHARE, spill.sortHashHeavyShare(), "ratio",
                    "share of statement time in statements that spilled");
        }
        WorkloadProfile.CheckpointPressure cp = profile.checkpoints();
        if (cp != null) {
            add(out, REQUESTED_CHECKPOINTS, cp.requestedShare(), "ratio",
                    "checkpoints forced by WAL volume rather than checkpoint_timeout");
            add(out, CHECKPOINTS_PER_HOUR, cp.timedPerHour() + cp.requestedPerHour(), "per hour", "checkpoints per hour");
        }
        if (profile.wal() != null) {
            add(out, WAL_RATE, profile.wal().meanBytesPerSecond(), "B/s", "write-ahead log generated");
            add(out, WAL_RATE_P95, profile.wal().p95BytesPerSecond(), "B/s",
                    "write-ahead log (InnoDB redo) generated, 95th percentile of the polls");
        }
        if (profile.connections() != null) {
            add(out, PEAK_CONNECTIONS, profile.connections().peakConnections(), "connections",
                    "most client connections at once");
        }
        return out;
    }

    private static void add(List<Measurement> out, String key, double value, String unit, String meaning) {
        if (Double.isFinite(value)) {
            out.add(new Measurement(key, value, unit, meaning));
        }
    }
}
