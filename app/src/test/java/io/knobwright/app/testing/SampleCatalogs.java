package io.knobwright.app.testing;

import io.knobwright.app.ui.instance.CatalogLookup;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.HostDependentDefaults;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Small hand-written catalogs (the best-known parameters of each engine, with their documented
 * defaults) for the bench, UI tests and screenshots. They are NOT the shipped catalogs, which are
 * generated from real servers in the resources module. Oracle deliberately has none, so the
 * "No catalog" path is exercised.
 */
public final class SampleCatalogs implements CatalogLookup {

    private static final String ORIGIN = "Knobwright bench sample (not a shipped catalog)";
    private final Map<EngineVersion, Optional<ParameterCatalog>> cache = new ConcurrentHashMap<>();

    @Override
    public Optional<ParameterCatalog> find(long instanceId, EngineVersion version) {
        return cache.computeIfAbsent(version, SampleCatalogs::build);
    }

    private static Optional<ParameterCatalog> build(EngineVersion v) {
        List<Object[]> rows = switch (v.engine()) {
            case POSTGRESQL -> postgres();
            case MYSQL -> mysql();
            case MARIADB -> mariadb();
            case SQLSERVER -> sqlServer();
            case ORACLE -> null;
        };
        if (rows == null) {
            return Optional.empty();
        }
        List<ParameterSpec> specs = new ArrayList<>();
        for (Object[] r : rows) {
            ParameterType type = (ParameterType) r[2];
            specs.add(new ParameterSpec(v.engine(), v.major(), (String) r[0], type, (String) r[1], null, null,
                    r.length > 6 ? List.of(((String) r[6]).split(",")) : List.of(), (String) r[3], (ApplyMode) r[4],
                    (String) r[5], "", ORIGIN));
        }
        // Marked like the shipped catalogs, so the screens show a host-dependent default as the real ones do.
        return Optional.of(HostDependentDefaults.mark(new ParameterCatalog(v, ORIGIN, specs)));
    }

    private static final ParameterType I = ParameterType.INTEGER;
    private static final ParameterType R = ParameterType.REAL;
    private static final ParameterType B = ParameterType.BOOLEAN;
    private static final ParameterType E = ParameterType.ENUM;
    private static final ParameterType S = ParameterType.STRING;
    private static final ApplyMode ON = ApplyMode.ONLINE;
    private static final ApplyMode RL = ApplyMode.RELOAD;
    private static final ApplyMode RS = ApplyMode.RESTART;

    // name, unit, type, default, apply mode, category[, enum values]
    private static List<Object[]> postgres() {
        return List.of(
                row("shared_buffers", "8kB", I, "16384", RS, "Memory"),
                row("work_mem", "kB", I, "4096", ON, "Memory"),
                row("maintenance_work_mem", "kB", I, "65536", ON, "Memory"),
                row("effective_cache_size", "8kB", I, "524288", ON, "Planner"),
                row("huge_pages", null, E, "try", RS, "Memory", "off,on,try"),
                row("max_connections", null, I, "100", RS, "Connections"),
                row("wal_buffers", "8kB", I, "-1", RS, "WAL"),
                row("wal_level", null, E, "replica", RS, "WAL", "minimal,replica,logical"),
                row("max_wal_size", "MB", I, "1024", RL, "WAL"),
                row("min_wal_size", "MB", I, "80", RL, "WAL"),
                row("checkpoint_timeout", "s", I, "300", RL, "WAL"),
                row("checkpoint_completion_target", null, R, "0.9", RL, "WAL"),
                row("synchronous_commit", null, E, "on", ON, "WAL", "local,remote_write,remote_apply,on,off"),
                row("random_page_cost", null, R, "4", ON, "Planner"),
                row("seq_page_cost", null, R, "1", ON, "Planner"),
                row("effective_io_concurrency", null, I, "1", ON, "Planner"),
                row("default_statistics_target", null, I, "100", ON, "Planner"),
                row("jit", null, B, "on", ON, "Planner"),
                row("max_worker_processes", null, I, "8", RS, "Parallelism"),
                row("max_parallel_workers", null, I, "8", ON, "Parallelism"),
                row("max_parallel_workers_per_gather", null, I, "2", ON, "Parallelism"),
                row("autovacuum", null, B, "on", RL, "Autovacuum"),
                row("autovacuum_max_workers", null, I, "3", RS, "Autovacuum"),
                row("autovacuum_naptime", "s", I, "60", RL, "Autovacuum"),
                row("autovacuum_vacuum_scale_factor", null, R, "0.2", RL, "Autovacuum"),
                row("log_min_duration_statement", "ms", I, "-1", ON, "Logging"),
                row("log_checkpoints", null, B, "on", RL, "Logging"),
                row("track_io_timing", null, B, "off", ON, "Statistics"),
                row("statement_timeout", "ms", I, "0", ON, "Client"),
                row("idle_in_transaction_session_timeout", "ms", I, "0", ON, "Client"),
                row("max_locks_per_transaction", null, I, "64", RS, "Locks"),
                row("shared_preload_libraries", null, S, "", RS, "Client"),
                row("listen_addresses", null, S, "localhost", RS, "Connections"),
                row("TimeZone", null, S, "GMT", ON, "Client"));
    }

    private static List<Object[]> mysql() {
        return List.of(
                row("innodb_buffer_pool_size", null, I, "134217728", ON, "InnoDB"),
                row("innodb_redo_log_capacity", null, I, "104857600", ON, "InnoDB"),
                row("innodb_flush_log_at_trx_commit", null, E, "1", ON, "InnoDB", "0,1,2"),
                row("innodb_flush_method", null, E, "fsync", RS, "InnoDB", "fsync,O_DSYNC,O_DIRECT,O_DIRECT_NO_FSYNC"),
                row("innodb_io_capacity", null, I, "200", ON, "InnoDB"),
                row("innodb_io_capacity_max", null, I, "2000", ON, "InnoDB"),
                row("innodb_lock_wait_timeout", null, I, "50", ON, "InnoDB"),
                row("max_connections", null, I, "151", ON, "Connections"),
                row("table_open_cache", null, I, "4000", ON, "Caches"),
                row("thread_cache_size", null, I, "9", ON, "Caches"),
                row("tmp_table_size", null, I, "16777216", ON, "Memory"),
                row("max_heap_table_size", null, I, "16777216", ON, "Memory"),
                row("sort_buffer_size", null, I, "262144", ON, "Memory"),
                row("join_buffer_size", null, I, "262144", ON, "Memory"),
                row("max_allowed_packet", null, I, "67108864", ON, "Network"),
                row("sync_binlog", null, I, "1", ON, "Replication"),
                row("binlog_expire_logs_seconds", null, I, "2592000", ON, "Replication"),
                row("slow_query_log", null, B, "OFF", ON, "Logging"),
                row("long_query_time", null, R, "10.000000", ON, "Logging"),
                row("transaction_isolation", null, E, "REPEATABLE-READ", ON, "Transactions",
                        "READ-UNCOMMITTED,READ-COMMITTED,REPEATABLE-READ,SERIALIZABLE"),
                row("performance_schema", null, B, "ON", RS, "Instrumentation"));
    }

    private static List<Object[]> mariadb() {
        return List.of(
                row("innodb_buffer_pool_size", null, I, "134217728", ON, "InnoDB"),
                row("innodb_log_file_size", null, I, "100663296", ON, "InnoDB"),
                row("innodb_flush_log_at_trx_commit", null, E, "1", ON, "InnoDB", "0,1,2,3"),
                row("innodb_io_capacity", null, I, "200", ON, "InnoDB"),
                row("innodb_lock_wait_timeout", null, I, "50", ON, "InnoDB"),
                row("max_connections", null, I, "151", ON, "Connections"),
                row("thread_pool_size", null, I, "8", ON, "Connections"),
                row("table_open_cache", null, I, "2000", ON, "Caches"),
                row("query_cache_type", null, E, "OFF", ON, "Caches", "OFF,ON,DEMAND"),
                row("query_cache_size", null, I, "1048576", ON, "Caches"),
                row("key_buffer_size", null, I, "134217728", ON, "MyISAM"),
                row("aria_pagecache_buffer_size", null, I, "134217728", RS, "Aria"),
                row("tmp_table_size", null, I, "16777216", ON, "Memory"),
                row("max_heap_table_size", null, I, "16777216", ON, "Memory"),
                row("sort_buffer_size", null, I, "2097152", ON, "Memory"),
                row("join_buffer_size", null, I, "262144", ON, "Memory"),
                row("max_allowed_packet", null, I, "16777216", ON, "Network"),
                row("slow_query_log", null, B, "OFF", ON, "Logging"),
                row("long_query_time", null, R, "10.000000", ON, "Logging"),
                row("sync_binlog", null, I, "0", ON, "Replication"));
    }

    private static List<Object[]> sqlServer() {
        return List.of(
                row("max server memory (MB)", "MB", I, "2147483647", ON, "Memory"),
                row("min server memory (MB)", "MB", I, "0", ON, "Memory"),
                row("max degree of parallelism", null, I, "0", ON, "Parallelism"),
                row("cost threshold for parallelism", null, I, "5", ON, "Parallelism"),
                row("optimize for ad hoc workloads", null, B, "0", ON, "Plan cache"),
                row("backup compression default", null, B, "0", ON, "Backup"),
                row("max worker threads", null, I, "0", RS, "Threads"),
                row("fill factor (%)", null, I, "0", RS, "Indexes"),
                row("remote admin connections", null, B, "0", ON, "Connections"),
                row("blocked process threshold (s)", "s", I, "0", ON, "Monitoring"),
                row("network packet size (B)", "B", I, "4096", ON, "Network"),
                row("query wait (s)", "s", I, "-1", ON, "Memory"));
    }

    private static Object[] row(Object... values) {
        return values;
    }

    /** Test helper: the engines this sample covers (Oracle has no catalog on purpose). */
    public static boolean covers(Engine engine) {
        return engine != Engine.ORACLE;
    }
}
