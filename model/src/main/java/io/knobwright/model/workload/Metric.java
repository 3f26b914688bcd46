package io.knobwright.model.workload;

/**
 * What the collectors measure on a server, in one vocabulary for every engine, so that the workload profile, the
 * simulator and the recommender read PostgreSQL and MySQL/MariaDB instances alike. A {@link Kind#COUNTER} only grows
 * on the server (until a reset or a restart) and is read back as a rate per second; a {@link Kind#GAUGE} is a level
 * at the moment of the poll. An engine that has no such figure leaves the metric out rather than guessing it.
 */
public enum Metric {
    // transactions and statements
    COMMITS(Kind.COUNTER, "transactions committed", "/s"),
    ROLLBACKS(Kind.COUNTER, "transactions rolled back", "/s"),
    READ_STATEMENTS(Kind.COUNTER, "read statements (MySQL Com_select; PostgreSQL from pg_stat_statements)", "/s"),
    WRITE_STATEMENTS(Kind.COUNTER, "write statements (inserts, updates, deletes)", "/s"),
    ROWS_READ(Kind.COUNTER, "rows read (returned and fetched)", "/s"),
    ROWS_WRITTEN(Kind.COUNTER, "rows inserted, updated and deleted", "/s"),
    // memory and I/O
    BLOCKS_HIT(Kind.COUNTER, "block reads served from the buffer cache", "/s"),
    BLOCKS_READ(Kind.COUNTER, "block reads that went to the file system", "/s"),
    TEMP_FILES(Kind.COUNTER, "temporary files created (sorts and hashes spilling to disk)", "/s"),
    TEMP_BYTES(Kind.COUNTER, "bytes written to temporary files", "B/s"),
    SORTS_ON_DISK(Kind.COUNTER, "sorts that spilled to disk (MySQL Sort_merge_passes)", "/s"),
    DEADLOCKS(Kind.COUNTER, "deadlocks", "/s"),
    // checkpoints and the write-ahead log
    CHECKPOINTS_TIMED(Kind.COUNTER, "checkpoints started by the timeout", "/s"),
    CHECKPOINTS_REQUESTED(Kind.COUNTER, "checkpoints forced (WAL size reached, or asked for)", "/s"),
    BUFFERS_WRITTEN_BY_BACKENDS(Kind.COUNTER, "buffers a backend had to write itself", "/s"),
    BUFFERS_WRITTEN_BY_CHECKPOINTS(Kind.COUNTER, "buffers written by checkpoints", "/s"),
    WAL_BYTES(Kind.COUNTER, "write-ahead log (redo log) generated", "B/s"),
    // sessions and connections
    CONNECTIONS(Kind.GAUGE, "client connections", ""),
    MAX_CONNECTIONS(Kind.GAUGE, "connections the server allows", ""),
    ACTIVE_SESSIONS(Kind.GAUGE, "sessions running a statement", ""),
    IDLE_IN_TRANSACTION(Kind.GAUGE, "sessions idle inside an open transaction", ""),
    WAITING_SESSIONS(Kind.GAUGE, "sessions waiting on a lock or another event", ""),
    BLOCKED_SESSIONS(Kind.GAUGE, "sessions blocked by another session's lock", ""),
    // size and replication
    DATABASE_BYTES(Kind.GAUGE, "size of the databases on disk", "B"),
    REPLICATION_LAG_BYTES(Kind.GAUGE, "largest replica lag in bytes of WAL/binlog", "B"),
    REPLICATION_LAG_SECONDS(Kind.GAUGE, "largest replica lag in seconds", "s"),
    // the host, imported from Prometheus (node_exporter): JDBC cannot see these; values arrive as PromQL computed them
    HOST_CPU_BUSY(Kind.GAUGE, "host CPU busy, 0 to 1 (imported)", ""),
    HOST_MEMORY_AVAILABLE_BYTES(Kind.GAUGE, "host memory available (imported)", "B"),
    HOST_DISK_READ_BYTES(Kind.GAUGE, "host disk reads, already a rate (imported)", "B/s"),
    HOST_DISK_WRITE_BYTES(Kind.GAUGE, "host disk writes, already a rate (imported)", "B/s"),
    HOST_DISK_FREE_BYTES(Kind.GAUGE, "host disk space free for the data directory (imported)", "B");

    /** How a polled value turns into a point of the series. */
    public enum Kind {
        /** Grows on the server; the series holds the rate per second between two polls. */
        COUNTER,
        /** A level; the series holds the value at the poll. */
        GAUGE
    }

    private final Kind kind;
    private final String description;
    private final String unit;

    Metric(Kind kind, String description, String unit) {
        this.kind = kind;
        this.description = description;
        this.unit = unit;
    }

    public Kind kind() {
        return kind;
    }

    /** What the metric counts, as shown next to a chart. */
    public String description() {
        return description;
    }

    /** The unit of a point of the series: "/s" and "B/s" for counters' rates, "B", "s" or "" for gauges. */
    public String unit() {
        return unit;
    }
}
