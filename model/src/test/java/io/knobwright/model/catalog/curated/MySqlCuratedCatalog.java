package io.knobwright.model.catalog.curated;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.util.ArrayList;
import java.util.List;

import static io.knobwright.model.catalog.curated.Curated.U64;
import static io.knobwright.model.catalog.curated.Curated.bool;
import static io.knobwright.model.catalog.curated.Curated.choice;
import static io.knobwright.model.catalog.curated.Curated.integer;
import static io.knobwright.model.catalog.curated.Curated.real;
import static io.knobwright.model.catalog.curated.Curated.string;

/**
 * The MySQL variables DBAs tune, from the MySQL Reference Manual (8.0 and 8.4). Dynamic variables are ONLINE
 * (SET GLOBAL / SET PERSIST), the others RESTART (my.cnf or SET PERSIST_ONLY). Where 8.4 differs from 8.0
 * ("What Is New in MySQL 8.4 since MySQL 8.0": new InnoDB defaults, removed variables) the difference is
 * written next to the variable. Replication variables use the replica_* names of 8.0.26 and later.
 * A default the server computes from the host (CPU count, RAM, other variables) is left empty and explained
 * in the description rather than pinned to one machine's value.
 */
final class MySqlCuratedCatalog {

    static final String ORIGIN = "Curated from MySQL documentation for the parameters DBAs tune; not generated";

    private static final String SYSVAR = "https://dev.mysql.com/doc/refman/{v}/en/server-system-variables.html#sysvar_";
    private static final String INNODB = "https://dev.mysql.com/doc/refman/{v}/en/innodb-parameters.html#sysvar_";
    private static final String BINLOG = "https://dev.mysql.com/doc/refman/{v}/en/replication-options-binary-log.html#sysvar_";
    private static final String REPLICA = "https://dev.mysql.com/doc/refman/{v}/en/replication-options-replica.html#sysvar_";
    private static final String GTID = "https://dev.mysql.com/doc/refman/{v}/en/replication-options-gtids.html#sysvar_";
    private static final String REPLICATION = "https://dev.mysql.com/doc/refman/{v}/en/replication-options.html#sysvar_";
    private static final String PFS = "https://dev.mysql.com/doc/refman/{v}/en/performance-schema-system-variables.html#sysvar_";

    private static final String MEMORY = "Memory";
    private static final String CONNECTIONS = "Connections";
    private static final String TIMEOUTS = "Timeouts & locking";
    private static final String LOGGING = "Logging";
    private static final String REDO = "Redo & checkpoint";
    private static final String IO = "I/O";
    private static final String PARALLEL = "Parallelism";
    private static final String OPTIMIZER = "Optimizer";
    private static final String REPLICATION_HA = "Replication";
    private static final String SECURITY = "Security";
    private static final String TRANSACTIONS = "Transactions";
    private static final String SERVER = "Server";

    private MySqlCuratedCatalog() {
    }

    static ParameterCatalog build(String version) {
        boolean v84 = switch (version) {
            case "8.0" -> false;
            case "8.4" -> true;
            default -> throw new IllegalArgumentException("No curated MySQL table for " + version);
        };
        List<Curated> p = new ArrayList<>();
        memory(p, v84);
        connections(p);
        logging(p);
        redoAndIo(p, v84);
        parallelismAndOptimizer(p, v84);
        replication(p, v84);
        securityAndServer(p, v84);
        return new ParameterCatalog(new EngineVersion(Engine.MYSQL, version), ORIGIN,
                p.stream().map(c -> c.toSpec(Engine.MYSQL, version, version)).toList());
    }

    private static void memory(List<Curated> p, boolean v84) {
        p.add(integer("innodb_buffer_pool_size").unit("B").range("5242880", U64).def(134217728).cat(MEMORY)
                .doc("Memory for InnoDB's cache of table and index pages; the main memory knob. Resized online in "
                        + "chunks of innodb_buffer_pool_chunk_size * innodb_buffer_pool_instances.")
                .src(INNODB + "innodb_buffer_pool_size"));
        p.add(integer("innodb_buffer_pool_instances").range(1, 64).def(v84 ? null : "8").restart().cat(MEMORY)
                .doc(v84 ? "Number of buffer pool regions. Default 1 when the pool is <= 1 GiB, otherwise the "
                        + "smaller of (pool size / chunk size) / 2 and a quarter of the logical processors."
                        : "Number of buffer pool regions. Default 8, or 1 when innodb_buffer_pool_size < 1 GiB.")
                .src(INNODB + "innodb_buffer_pool_instances"));
        p.add(integer("innodb_buffer_pool_chunk_size").unit("B").range("1048576", null).def(134217728).restart()
                .cat(MEMORY).doc("Unit of buffer pool resizing; at most innodb_buffer_pool_size / "
                        + "innodb_buffer_pool_instances.")
                .src(INNODB + "innodb_buffer_pool_chunk_size"));
        p.add(bool("innodb_buffer_pool_in_core_file").def(v84 ? "OFF" : "ON").cat(MEMORY)
                .doc(v84 ? "Whether core files include the buffer pool. Default OFF where MADV_DONTDUMP is supported "
                        + "(Linux), otherwise ON." : "Whether core files include the buffer pool.")
                .src(INNODB + "innodb_buffer_pool_in_core_file"));
        p.add(integer("innodb_log_buffer_size").unit("B").range("1048576", "4294967295").def(v84 ? 67108864 : 16777216)
                .cat(MEMORY).doc("Buffer for redo records before they are written to the log files; raise it for "
                        + "large transactions.")
                .src(INNODB + "innodb_log_buffer_size"));
        p.add(integer("key_buffer_size").unit("B").range("0", U64).def(8388608).cat(MEMORY)
                .doc("MyISAM index block cache; keep small unless MyISAM tables are in use.")
                .src(SYSVAR + "key_buffer_size"));
        p.add(integer("sort_buffer_size").unit("B").range("32768", U64).def(262144).cat(MEMORY)
                .doc("Per-session buffer for sorts; allocated in full by each sort that needs it.")
                .src(SYSVAR + "sort_buffer_size"));
        p.add(integer("join_buffer_size").unit("B").range("128", "18446744073709551487").def(262144).cat(MEMORY)
                .doc("Per-join buffer for joins that cannot use indexes (block nested loop, hash join).")
                .src(SYSVAR + "join_buffer_size"));
        p.add(integer("read_buffer_size").unit("B").range("8192", "2147479552").def(131072).cat(MEMORY)
                .doc("Per-session buffer for sequential scans of MyISAM tables and some sorts.")
                .src(SYSVAR + "read_buffer_size"));
        p.add(integer("read_rnd_buffer_size").unit("B").range("1", "2147483647").def(262144).cat(MEMORY)
                .doc("Per-session buffer for reading rows in sorted order and for multi-range reads.")
                .src(SYSVAR + "read_rnd_buffer_size"));
        p.add(integer("tmp_table_size").unit("B").range("1024", U64).def(16777216).cat(MEMORY)
                .doc("Largest in-memory internal temporary table (MEMORY engine) before it goes to disk.")
                .src(SYSVAR + "tmp_table_size"));
        p.add(integer("max_heap_table_size").unit("B").range("16384", "18446744073709550592").def(16777216)
                .cat(MEMORY).doc("Largest user-created MEMORY table.")
                .src(SYSVAR + "max_heap_table_size"));
        p.add(integer("temptable_max_ram").unit("B").range("2097152", U64).def(v84 ? null : "1073741824").cat(MEMORY)
                .doc(v84 ? "RAM the TempTable engine may use before spilling. Default 3% of total memory, kept "
                        + "between 1 GiB and 4 GiB." : "RAM the TempTable engine may use before spilling to disk.")
                .src(SYSVAR + "temptable_max_ram"));
        p.add(integer("table_open_cache").range(1, 524288).def(4000).cat(MEMORY)
                .doc("Open table handles cached across all threads.")
                .src(SYSVAR + "table_open_cache"));
        p.add(integer("table_definition_cache").range(400, 524288).cat(MEMORY)
                .doc("Table definitions kept in the cache. Default autosized (-1): 400 + table_open_cache / 2, "
                        + "at most 2000.")
                .src(SYSVAR + "table_definition_cache"));
        p.add(integer("thread_cache_size").range(0, 16384).cat(MEMORY)
                .doc("Threads kept for reuse by new connections. Default autosized (-1): 8 + max_connections / 100, "
                        + "at most 100.")
                .src(SYSVAR + "thread_cache_size"));
        p.add(integer("binlog_cache_size").unit("B").range("4096", "18446744073709547520").def(32768).cat(MEMORY)
                .doc("Per-session cache for a transaction's binary log events before commit.")
                .src(BINLOG + "binlog_cache_size"));
    }

    private static void connections(List<Curated> p) {
        p.add(integer("max_connections").range(1, 100000).def(151).cat(CONNECTIONS)
                .doc("Maximum simultaneous client connections (one extra is kept for CONNECTION_ADMIN).")
                .src(SYSVAR + "max_connections"));
        p.add(integer("max_user_connections").range(0, 4294967295L).def(0).cat(CONNECTIONS)
                .doc("Maximum simultaneous connections per account; 0 means no limit.")
                .src(SYSVAR + "max_user_connections"));
        p.add(integer("max_connect_errors").range("1", U64).def(100).cat(CONNECTIONS)
                .doc("Interrupted connection attempts from a host before the host is blocked.")
                .src(SYSVAR + "max_connect_errors"));
        p.add(integer("back_log").range(1, 65535).restart().cat(CONNECTIONS)
                .doc("Length of the queue of pending TCP connections. Default autosized (-1) to max_connections.")
                .src(SYSVAR + "back_log"));
        p.add(integer("max_allowed_packet").unit("B").range(1024, 1073741824).def(67108864).cat(CONNECTIONS)
                .doc("Largest packet or generated/intermediate string; bounds the largest row or statement.")
                .src(SYSVAR + "max_allowed_packet"));
        p.add(bool("skip_name_resolve").def("OFF").restart().cat(CONNECTIONS)
                .doc("Use IP addresses only when checking client connections (no DNS lookups).")
                .src(SYSVAR + "skip_name_resolve"));
        p.add(integer("wait_timeout").unit("s").range(1, 31536000).def(28800).cat(TIMEOUTS)
                .doc("Idle time after which the server closes a non-interactive connection.")
                .src(SYSVAR + "wait_timeout"));
        p.add(integer("interactive_timeout").unit("s").range(1, 31536000).def(28800).cat(TIMEOUTS)
                .doc("Idle time after which the server closes an interactive connection.")
                .src(SYSVAR + "interactive_timeout"));
        p.add(integer("connect_timeout").unit("s").range(2, 31536000).def(10).cat(TIMEOUTS)
                .doc("Time the server waits for a connect packet before answering Bad handshake.")
                .src(SYSVAR + "connect_timeout"));
        p.add(integer("net_read_timeout").unit("s").range(1, 31536000).def(30).cat(TIMEOUTS)
                .doc("Time to wait for more data from a connection before aborting the read.")
                .src(SYSVAR + "net_read_timeout"));
        p.add(integer("net_write_timeout").unit("s").range(1, 31536000).def(60).cat(TIMEOUTS)
                .doc("Time to wait for a block to be written to a connection before aborting the write.")
                .src(SYSVAR + "net_write_timeout"));
        p.add(integer("lock_wait_timeout").unit("s").range(1, 31536000).def(31536000).cat(TIMEOUTS)
                .doc("Timeout for acquiring metadata locks.")
                .src(SYSVAR + "lock_wait_timeout"));
        p.add(integer("innodb_lock_wait_timeout").unit("s").range(1, 1073741824).def(50).cat(TIMEOUTS)
                .doc("Time an InnoDB transaction waits for a row lock before giving up.")
                .src(INNODB + "innodb_lock_wait_timeout"));
        p.add(integer("max_execution_time").unit("ms").range(0, 4294967295L).def(0).cat(TIMEOUTS)
                .doc("Execution timeout for read-only SELECT statements; 0 means no timeout.")
                .src(SYSVAR + "max_execution_time"));
    }

    private static void logging(List<Curated> p) {
        p.add(bool("slow_query_log").def("OFF").cat(LOGGING)
                .doc("Write statements slower than long_query_time to the slow query log.")
                .src(SYSVAR + "slow_query_log"));
        p.add(real("long_query_time").unit("s").range(0, 31536000).def(10).cat(LOGGING)
                .doc("Threshold for the slow query log; fractions of a second allowed.")
                .src(SYSVAR + "long_query_time"));
        p.add(bool("log_queries_not_using_indexes").def("OFF").cat(LOGGING)
                .doc("Also log queries that do not use indexes to the slow query log.")
                .src(SYSVAR + "log_queries_not_using_indexes"));
        p.add(bool("log_slow_extra").def("OFF").cat(LOGGING)
                .doc("Write extra fields (bytes sent, rows examined...) to the slow query log file.")
                .src(SYSVAR + "log_slow_extra"));
        p.add(integer("min_examined_row_limit").range("0", U64).def(0).cat(LOGGING)
                .doc("Queries examining fewer rows are not written to the slow query log.")
                .src(SYSVAR + "min_examined_row_limit"));
        p.add(bool("general_log").def("OFF").cat(LOGGING)
                .doc("Log every statement received; expensive, for diagnosis only.")
                .src(SYSVAR + "general_log"));
        p.add(integer("log_error_verbosity").range(1, 3).def(2).cat(LOGGING)
                .doc("1 errors, 2 errors and warnings, 3 errors, warnings and notes.")
                .src(SYSVAR + "log_error_verbosity"));
        p.add(bool("performance_schema").def("ON").restart().cat(LOGGING)
                .doc("Enable the Performance Schema instrumentation.")
                .src(PFS + "performance_schema"));
    }

    private static void redoAndIo(List<Curated> p, boolean v84) {
        p.add(integer("innodb_redo_log_capacity").unit("B").range("8388608", "137438953472").def(104857600).cat(REDO)
                .doc("Disk space for redo log files (MySQL 8.0.30 and later); resizable online. Larger values mean "
                        + "fewer checkpoint flushes and longer crash recovery.")
                .src(INNODB + "innodb_redo_log_capacity"));
        p.add(integer("innodb_log_file_size").unit("B").range("4194304", null).def(50331648).restart().cat(REDO)
                .doc("Deprecated since 8.0.30 in favour of innodb_redo_log_capacity; used only when that is not "
                        + "set. Maximum 512 GiB / innodb_log_files_in_group.")
                .src(INNODB + "innodb_log_file_size"));
        p.add(choice("innodb_flush_log_at_trx_commit", "0", "1", "2").def("1").cat(REDO)
                .doc("1 flushes the redo log at every commit (durable); 2 writes at commit and flushes once a "
                        + "second; 0 writes and flushes once a second.")
                .src(INNODB + "innodb_flush_log_at_trx_commit"));
        p.add(integer("sync_binlog").range(0, 4294967295L).def(1).cat(REDO)
                .doc("Sync the binary log to disk after every N commit groups; 1 is the durable setting, 0 leaves "
                        + "it to the operating system.")
                .src(BINLOG + "sync_binlog"));
        p.add(real("innodb_max_dirty_pages_pct").range("0", "99.999").def(90).cat(REDO)
                .doc("Percentage of dirty pages in the buffer pool that InnoDB tries not to exceed.")
                .src(INNODB + "innodb_max_dirty_pages_pct"));
        p.add(real("innodb_max_dirty_pages_pct_lwm").range("0", "99.999").def(10).cat(REDO)
                .doc("Dirty page percentage at which pre-flushing starts; 0 disables it.")
                .src(INNODB + "innodb_max_dirty_pages_pct_lwm"));
        p.add(bool("innodb_adaptive_flushing").def("ON").cat(REDO)
                .doc("Adjust the flushing rate to the redo generation rate.")
                .src(INNODB + "innodb_adaptive_flushing"));
        p.add(integer("innodb_adaptive_flushing_lwm").range(0, 70).def(10).cat(REDO)
                .doc("Percentage of redo log capacity at which adaptive flushing starts.")
                .src(INNODB + "innodb_adaptive_flushing_lwm"));
        p.add(choice("innodb_flush_method", "fsync", "O_DSYNC", "littlesync", "nosync", "O_DIRECT",
                        "O_DIRECT_NO_FSYNC").def(v84 ? "O_DIRECT" : "fsync").restart().cat(IO)
                .doc(v84 ? "How data and log files are opened and flushed (Unix values). Default O_DIRECT where the "
                        + "system supports it, otherwise fsync." : "How data and log files are opened and flushed "
                        + "(Unix values; Windows uses unbuffered or normal).")
                .src(INNODB + "innodb_flush_method"));
        p.add(integer("innodb_io_capacity").range("100", U64).def(v84 ? 10000 : 200).cat(IO)
                .doc("I/O operations per second available to InnoDB background work (flushing, change buffer).")
                .src(INNODB + "innodb_io_capacity"));
        p.add(integer("innodb_io_capacity_max").range("100", U64).def(v84 ? 20000 : 2000).cat(IO)
                .doc(v84 ? "Ceiling for background I/O when flushing falls behind; default twice innodb_io_capacity."
                        : "Ceiling for background I/O when flushing falls behind; default twice innodb_io_capacity, "
                        + "at least 2000.")
                .src(INNODB + "innodb_io_capacity_max"));
        p.add(integer("innodb_read_io_threads").range(1, 64).def(v84 ? null : "4").restart().cat(IO)
                .doc(v84 ? "Background read I/O threads. Default half the logical processors, at least 4."
                        : "Background read I/O threads.")
                .src(INNODB + "innodb_read_io_threads"));
        p.add(integer("innodb_write_io_threads").range(1, 64).def(4).restart().cat(IO)
                .doc("Background write I/O threads.")
                .src(INNODB + "innodb_write_io_threads"));
        p.add(integer("innodb_page_cleaners").range(1, 64).def(v84 ? null : "4").restart().cat(IO)
                .doc(v84 ? "Threads flushing dirty pages. Default innodb_buffer_pool_instances."
                        : "Threads flushing dirty pages; capped at innodb_buffer_pool_instances.")
                .src(INNODB + "innodb_page_cleaners"));
        p.add(choice("innodb_flush_neighbors", "0", "1", "2").def("0").cat(IO)
                .doc("Also flush neighbouring dirty pages of an extent: 0 off (SSD), 1 contiguous, 2 whole extent "
                        + "(spinning disks).")
                .src(INNODB + "innodb_flush_neighbors"));
        p.add(integer("innodb_lru_scan_depth").range("100", U64).def(1024).cat(IO)
                .doc("How far page cleaners scan each buffer pool LRU list for dirty pages per second.")
                .src(INNODB + "innodb_lru_scan_depth"));
        p.add(bool("innodb_use_native_aio").def("ON").restart().cat(IO)
                .doc("Use Linux native asynchronous I/O.")
                .src(INNODB + "innodb_use_native_aio"));
        p.add(bool("innodb_use_fdatasync").def(v84 ? "ON" : "OFF").cat(IO)
                .doc("Use fdatasync() instead of fsync() where the system supports it (8.0.26 and later).")
                .src(INNODB + "innodb_use_fdatasync"));
        p.add(bool("innodb_numa_interleave").def(v84 ? "ON" : "OFF").restart().cat(IO)
                .doc("Interleave buffer pool memory allocation across NUMA nodes.")
                .src(INNODB + "innodb_numa_interleave"));
        p.add(choice("innodb_change_buffering", "none", "inserts", "deletes", "changes", "purges", "all")
                .def(v84 ? "none" : "all").cat(IO)
                .doc("Which secondary index changes InnoDB buffers instead of writing at once.")
                .src(INNODB + "innodb_change_buffering"));
        p.add(bool("innodb_adaptive_hash_index").def(v84 ? "OFF" : "ON").cat(IO)
                .doc("Build hash indexes on hot B-tree pages; can contend under high concurrency.")
                .src(INNODB + "innodb_adaptive_hash_index"));
        p.add(bool("innodb_file_per_table").def("ON").cat(IO)
                .doc("Create each new InnoDB table in its own .ibd tablespace.")
                .src(INNODB + "innodb_file_per_table"));
        p.add(bool("innodb_dedicated_server").def("OFF").restart().cat(MEMORY)
                .doc(v84 ? "Size innodb_buffer_pool_size from RAM and innodb_redo_log_capacity from logical "
                        + "processors at startup; no longer sets innodb_flush_method."
                        : "Size buffer pool, redo log and flush method automatically from the host at startup.")
                .src(INNODB + "innodb_dedicated_server"));
    }

    private static void parallelismAndOptimizer(List<Curated> p, boolean v84) {
        p.add(integer("innodb_parallel_read_threads").range(1, 256).def(v84 ? null : "4").cat(PARALLEL)
                .doc(v84 ? "Threads for parallel clustered index reads (CHECK TABLE, SELECT COUNT(*)). Default "
                        + "logical processors / 8, at least 4." : "Threads for parallel clustered index reads "
                        + "(CHECK TABLE, SELECT COUNT(*)).")
                .src(INNODB + "innodb_parallel_read_threads"));
        p.add(integer("innodb_purge_threads").range(1, 32).def(v84 ? null : "4").restart().cat(PARALLEL)
                .doc(v84 ? "Background threads purging undo history. Default 1 with up to 16 logical processors, "
                        + "otherwise 4." : "Background threads purging undo history.")
                .src(INNODB + "innodb_purge_threads"));
        p.add(integer("innodb_thread_concurrency").range(0, 1000).def(0).cat(PARALLEL)
                .doc("Maximum threads inside InnoDB at once; 0 means unlimited.")
                .src(INNODB + "innodb_thread_concurrency"));
        p.add(integer("innodb_ddl_threads").range(1, 64).def(4).cat(PARALLEL)
                .doc("Threads for index creation sort and build phases of online DDL (8.0.27 and later).")
                .src(INNODB + "innodb_ddl_threads"));
        p.add(integer("optimizer_search_depth").range(0, 62).def(62).cat(OPTIMIZER)
                .doc("Depth of the join-order search; 0 lets the server choose.")
                .src(SYSVAR + "optimizer_search_depth"));
        p.add(integer("optimizer_prune_level").range(0, 1).def(1).cat(OPTIMIZER)
                .doc("1 prunes less promising partial plans heuristically; 0 searches exhaustively.")
                .src(SYSVAR + "optimizer_prune_level"));
        p.add(integer("eq_range_index_dive_limit").range(0, 4294967295L).def(200).cat(OPTIMIZER)
                .doc("Equality ranges above which index statistics replace index dives.")
                .src(SYSVAR + "eq_range_index_dive_limit"));
        p.add(integer("histogram_generation_max_mem_size").unit("B").range("1000000", U64).def(20000000)
                .cat(OPTIMIZER).doc("Memory for building histograms with ANALYZE TABLE ... UPDATE HISTOGRAM.")
                .src(SYSVAR + "histogram_generation_max_mem_size"));
        p.add(bool("innodb_stats_persistent").def("ON").cat(OPTIMIZER)
                .doc("Persist InnoDB index statistics to disk so plans survive restarts.")
                .src(INNODB + "innodb_stats_persistent"));
        p.add(integer("innodb_stats_persistent_sample_pages").range("1", U64).def(20).cat(OPTIMIZER)
                .doc("Index pages sampled for persistent statistics by ANALYZE TABLE.")
                .src(INNODB + "innodb_stats_persistent_sample_pages"));
    }

    private static void replication(List<Curated> p, boolean v84) {
        p.add(integer("server_id").range(0, 4294967295L).def(1).cat(REPLICATION_HA)
                .doc("Unique id of the server in a replication topology.")
                .src(REPLICATION + "server_id"));
        p.add(choice("binlog_format", "ROW", "STATEMENT", "MIXED").def("ROW").cat(REPLICATION_HA)
                .doc("Binary logging format; deprecated since 8.0.34 (ROW will be the only format).")
                .src(BINLOG + "binlog_format"));
        p.add(choice("binlog_row_image", "full", "minimal", "noblob").def("full").cat(REPLICATION_HA)
                .doc("Which columns row-based binary log events carry.")
                .src(BINLOG + "binlog_row_image"));
        p.add(integer("binlog_expire_logs_seconds").unit("s").range(0, 4294967295L).def(2592000).cat(REPLICATION_HA)
                .doc("Binary log files older than this are purged automatically (default 30 days).")
                .src(BINLOG + "binlog_expire_logs_seconds"));
        if (!v84) {
            p.add(integer("expire_logs_days").unit("d").range(0, 99).def(0).cat(REPLICATION_HA)
                    .doc("Deprecated predecessor of binlog_expire_logs_seconds; removed in MySQL 8.4.")
                    .src(BINLOG + "expire_logs_days"));
            p.add(choice("binlog_transaction_dependency_tracking", "COMMIT_ORDER", "WRITESET", "WRITESET_SESSION")
                    .def("COMMIT_ORDER").cat(REPLICATION_HA)
                    .doc("How dependencies for multithreaded replicas are computed; deprecated in 8.0.35, removed "
                            + "in 8.4 (which always uses WRITESET).")
                    .src(BINLOG + "binlog_transaction_dependency_tracking"));
        }
        p.add(integer("max_binlog_size").unit("B").range(4096, 1073741824).def(1073741824).cat(REPLICATION_HA)
                .doc("Binary log file size at which the server rotates to a new file.")
                .src(BINLOG + "max_binlog_size"));
        p.add(choice("gtid_mode", "OFF", "OFF_PERMISSIVE", "ON_PERMISSIVE", "ON").def("OFF").cat(REPLICATION_HA)
                .doc("GTID-based logging; change one step at a time across the topology.")
                .src(GTID + "gtid_mode"));
        p.add(choice("enforce_gtid_consistency", "OFF", "ON", "WARN").def("OFF").cat(REPLICATION_HA)
                .doc("Allow only statements that can be logged safely with GTIDs.")
                .src(GTID + "enforce_gtid_consistency"));
        p.add(integer("replica_parallel_workers").range(0, 1024).def(4).cat(REPLICATION_HA)
                .doc("Applier threads on a replica (slave_parallel_workers before 8.0.26); takes effect at the next "
                        + "START REPLICA.")
                .src(REPLICA + "replica_parallel_workers"));
        p.add(bool("replica_preserve_commit_order").def("ON").cat(REPLICATION_HA)
                .doc("Commit transactions on a multithreaded replica in source order.")
                .src(REPLICA + "replica_preserve_commit_order"));
        p.add(bool("log_replica_updates").def("ON").restart().cat(REPLICATION_HA)
                .doc("Write replicated transactions to this server's own binary log (chained replication).")
                .src(BINLOG + "log_replica_updates"));
        p.add(bool("relay_log_recovery").def("OFF").restart().cat(REPLICATION_HA)
                .doc("Discard unprocessed relay logs at startup and fetch them again; recommended for crash-safe "
                        + "replicas.")
                .src(REPLICA + "relay_log_recovery"));
        p.add(integer("sync_relay_log").range(0, 4294967295L).def(10000).cat(REPLICATION_HA)
                .doc("Sync the relay log to disk after every N events; 0 leaves it to the operating system.")
                .src(REPLICA + "sync_relay_log"));
        p.add(bool("read_only").def("OFF").cat(REPLICATION_HA)
                .doc("Refuse client updates except from users with CONNECTION_ADMIN or SUPER.")
                .src(SYSVAR + "read_only"));
        p.add(bool("super_read_only").def("OFF").cat(REPLICATION_HA)
                .doc("Refuse client updates from every user, including privileged ones.")
                .src(SYSVAR + "super_read_only"));
    }

    private static void securityAndServer(List<Curated> p, boolean v84) {
        if (v84) {
            p.add(bool("mysql_native_password").def("OFF").restart().cat(SECURITY)
                    .doc("Load the deprecated mysql_native_password authentication plugin (not loaded by default "
                            + "since 8.4.0).")
                    .src("https://dev.mysql.com/doc/refman/{v}/en/native-pluggable-authentication.html"));
        } else {
            p.add(choice("default_authentication_plugin", "mysql_native_password", "sha256_password",
                            "caching_sha2_password").def("caching_sha2_password").restart().cat(SECURITY)
                    .doc("Plugin for new accounts that name none; deprecated in favour of authentication_policy and "
                            + "removed in 8.4.")
                    .src(SYSVAR + "default_authentication_plugin"));
        }
        p.add(bool("require_secure_transport").def("OFF").cat(SECURITY)
                .doc("Refuse client connections that do not use TLS or a socket/shared memory.")
                .src(SYSVAR + "require_secure_transport"));
        p.add(choice("transaction_isolation", "READ-UNCOMMITTED", "READ-COMMITTED", "REPEATABLE-READ", "SERIALIZABLE")
                .def("REPEATABLE-READ").cat(TRANSACTIONS)
                .doc("Default isolation level of new transactions.")
                .src(SYSVAR + "transaction_isolation"));
        p.add(bool("autocommit").def("ON").cat(TRANSACTIONS)
                .doc("Commit each statement on its own unless a transaction is opened explicitly.")
                .src(SYSVAR + "autocommit"));
        p.add(bool("innodb_deadlock_detect").def("ON").cat(TRANSACTIONS)
                .doc("Detect deadlocks immediately; under very high concurrency some disable it and rely on "
                        + "innodb_lock_wait_timeout.")
                .src(INNODB + "innodb_deadlock_detect"));
        p.add(choice("innodb_autoinc_lock_mode", "0", "1", "2").def("2").restart().cat(TRANSACTIONS)
                .doc("AUTO_INCREMENT locking: 0 traditional, 1 consecutive, 2 interleaved (needs row-based "
                        + "replication).")
                .src(INNODB + "innodb_autoinc_lock_mode"));
        p.add(integer("open_files_limit").range("0", null).def(5000).restart().cat(SERVER)
                .doc("File descriptors the server asks the operating system for; the effective value is adjusted "
                        + "upwards from max_connections and table_open_cache.")
                .src(SYSVAR + "open_files_limit"));
        p.add(integer("lower_case_table_names").range(0, 2).def(0).mode(ApplyMode.READ_ONLY).cat(SERVER)
                .doc("Case sensitivity of table names; can only be set when the data directory is initialized "
                        + "(default 0 on Linux, 1 on Windows, 2 on macOS).")
                .src(SYSVAR + "lower_case_table_names"));
        p.add(string("authentication_policy").def("*,,").cat(SECURITY)
                .doc("Authentication factors and plugins allowed for CREATE/ALTER USER (8.0.27 and later).")
                .src(SYSVAR + "authentication_policy"));
    }
}
