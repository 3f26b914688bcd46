package io.knobwright.model.catalog.curated;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import static io.knobwright.model.catalog.curated.Curated.bool;
import static io.knobwright.model.catalog.curated.Curated.choice;
import static io.knobwright.model.catalog.curated.Curated.integer;
import static io.knobwright.model.catalog.curated.Curated.string;

/**
 * The Oracle initialization parameters DBAs tune, from the Oracle Database Reference (19c and 23ai), named as
 * V$PARAMETER names them (lower case). Apply modes follow the reference's "Modifiable" row:
 * ALTER SYSTEM (immediate, SCOPE=BOTH) is ONLINE; not modifiable (SCOPE=SPFILE, then restart) is RESTART;
 * ALTER SYSTEM ... DEFERRED is NEW_SESSIONS: the new value reaches only sessions opened after the change.
 * Defaults Oracle derives from CPU_COUNT, SGA size or PROCESSES are left empty and described; which defaults
 * differ from host to host is said once, in {@link io.knobwright.model.catalog.HostDependentDefaults}.
 */
final class OracleCuratedCatalog {

    static final String ORIGIN = "Curated from Oracle Database documentation for the parameters DBAs tune; "
            + "not generated";

    private static final String REF = "https://docs.oracle.com/en/database/oracle/oracle-database/{v}/refrn/";

    private static final String MEMORY = "Memory";
    private static final String CONNECTIONS = "Connections";
    private static final String PARALLEL = "Parallelism";
    private static final String REDO = "Redo & checkpoint";
    private static final String IO = "I/O";
    private static final String OPTIMIZER = "Optimizer";
    private static final String TIMEOUTS = "Timeouts & locking";
    private static final String REPLICATION = "Replication";
    private static final String LOGGING = "Logging";
    private static final String SECURITY = "Security";
    private static final String STORAGE = "Storage";

    private OracleCuratedCatalog() {
    }

    static ParameterCatalog build(String version) {
        boolean v23 = switch (version) {
            case "19c" -> false;
            case "23ai" -> true;
            default -> throw new IllegalArgumentException("No curated Oracle table for " + version);
        };
        List<Curated> p = new ArrayList<>();
        memory(p, v23);
        connectionsAndParallelism(p);
        redoAndIo(p, v23);
        optimizer(p, v23);
        replicationLoggingSecurity(p);
        String docVersion = v23 ? "23" : "19";
        return new ParameterCatalog(new EngineVersion(Engine.ORACLE, version), ORIGIN,
                p.stream().map(c -> c.toSpec(Engine.ORACLE, version, docVersion)).toList());
    }

    /** Reference pages are named after the upper-case parameter. */
    private static String ref(String name) {
        return REF + name.toUpperCase(Locale.ROOT) + ".html";
    }

    private static Curated bytes(String name) {
        return integer(name).unit("B").src(ref(name));
    }

    private static void memory(List<Curated> p, boolean v23) {
        p.add(bytes("memory_target").range("0", null).def(0).cat(MEMORY)
                .doc("Automatic memory management target for SGA and PGA together; 0 disables it. At most "
                        + "memory_max_target."));
        p.add(bytes("memory_max_target").range("0", null).def(0).restart().cat(MEMORY)
                .doc("Ceiling for memory_target for the life of the instance."));
        p.add(bytes("sga_target").range("0", null).def(0).cat(MEMORY)
                .doc("Total SGA size for automatic shared memory management; 0 disables it. At most sga_max_size."));
        p.add(bytes("sga_max_size").restart().cat(MEMORY)
                .doc("Maximum SGA size for the life of the instance. Default: the SGA size at startup."));
        p.add(bytes("pga_aggregate_target").range("10485760", null).cat(MEMORY)
                .doc("Target for the PGA memory of all server processes. Default 10 MB or 20% of the SGA, whichever "
                        + "is greater."));
        p.add(bytes("pga_aggregate_limit").range("0", null).cat(MEMORY)
                .doc("Hard limit on PGA memory; sessions over it are terminated. Default the greater of 2 GB, 200% "
                        + "of pga_aggregate_target and 3 MB * processes; 0 means no limit."));
        p.add(bytes("db_cache_size").range("0", null).cat(MEMORY)
                .doc("Default buffer cache size; with sga_target set it is a minimum for auto-tuning. Default 0 "
                        + "with sga_target, otherwise the larger of 48 MB and 4 MB * cpu_count."));
        p.add(bytes("shared_pool_size").range("0", null).cat(MEMORY)
                .doc("Shared pool size (library and dictionary cache); a minimum when sga_target is set. Default 0 "
                        + "with sga_target, otherwise platform dependent."));
        p.add(bytes("large_pool_size").range("0", null).cat(MEMORY)
                .doc("Large pool for shared server, parallel execution and RMAN buffers. Default 0 with sga_target, "
                        + "otherwise derived."));
        p.add(bytes("java_pool_size").range("0", null).cat(MEMORY)
                .doc("Java pool size. Default 0 with sga_target, otherwise 24 MB."));
        p.add(bytes("streams_pool_size").range("0", null).def(0).cat(MEMORY)
                .doc("Streams pool for GoldenGate, XStream and Data Pump; auto-tuned when 0 and sga_target is set."));
        p.add(bytes("log_buffer").range("2097152", null).restart().cat(MEMORY)
                .doc("Redo log buffer size. Default 2 MB to 32 MB, depending on the SGA size."));
        p.add(bytes("result_cache_max_size").range("0", null).cat(MEMORY)
                .doc("Memory for the server result cache; 0 disables it. Default derived from the shared pool."));
        p.add(bytes("inmemory_size").range("0", null).def(0).cat(MEMORY)
                .doc("Size of the In-Memory column store. Can be increased online when it was non-zero at startup; "
                        + "enabling it from 0 or decreasing it needs a restart."));
        p.add(choice("use_large_pages", "TRUE", "FALSE", "ONLY", "AUTO", "AUTO_ONLY").def("TRUE").restart()
                .cat(MEMORY).doc("Use of large (huge) pages for the SGA on Linux.").src(ref("use_large_pages")));
        p.add(bool("lock_sga").def("FALSE").restart().cat(MEMORY)
                .doc("Lock the whole SGA in physical memory.").src(ref("lock_sga")));
        if (v23) {
            p.add(bytes("vector_memory_size").range("0", null).def(0).cat(MEMORY)
                    .doc("Size of the Vector Pool in the SGA for HNSW/IVF vector indexes (at most 70% of the SGA); "
                            + "at PDB level the PDB's quota."));
        }
    }

    private static void connectionsAndParallelism(List<Curated> p) {
        p.add(integer("processes").range("6", null).restart().cat(CONNECTIONS)
                .doc("Maximum operating system processes that can connect, background processes included. Default "
                        + "derived from the number of cores; sessions and transactions derive from it.")
                .src(ref("processes")));
        p.add(integer("sessions").range(1, 65535).restart().cat(CONNECTIONS)
                .doc("Maximum sessions. Default derived: 1.5 * processes + 22, which is also the minimum: a value "
                        + "from 1 up to it is accepted and ignored. Modifiable with ALTER SYSTEM only in a PDB, for "
                        + "that PDB's own limit; in a non-CDB or the CDB root it takes the spfile and a restart.")
                .src(ref("sessions")));
        p.add(integer("open_cursors").range(0, 65535).def(50).cat(CONNECTIONS)
                .doc("Open cursors (private SQL areas) one session may hold.")
                .src(ref("open_cursors")));
        p.add(integer("session_cached_cursors").range("0", null).def(50).mode(ApplyMode.NEW_SESSIONS).cat(CONNECTIONS)
                .doc("Session cursors cached per session. ALTER SYSTEM ... DEFERRED: applies to sessions opened "
                        + "after the change; ALTER SESSION changes the current session.")
                .src(ref("session_cached_cursors")));
        p.add(integer("job_queue_processes").range(0, 4000).def(4000).cat(CONNECTIONS)
                .doc("Maximum job slaves for DBMS_SCHEDULER and DBMS_JOB; 0 disables job execution.")
                .src(ref("job_queue_processes")));
        p.add(bool("resource_limit").def("TRUE").cat(CONNECTIONS)
                .doc("Enforce resource limits set in database profiles.")
                .src(ref("resource_limit")));
        p.add(string("resource_manager_plan").cat(CONNECTIONS)
                .doc("Top resource plan of the Database Resource Manager; empty means none.")
                .src(ref("resource_manager_plan")));
        p.add(integer("cpu_count").range("0", null).cat(PARALLEL)
                .doc("CPUs the instance may use; also the basis of many derived defaults. Default: the CPUs "
                        + "available (0 lets Oracle set it).")
                .src(ref("cpu_count")));
        p.add(integer("parallel_max_servers").range(0, 32767).cat(PARALLEL)
                .doc("Maximum parallel execution processes. Default derived from cpu_count, "
                        + "parallel_threads_per_cpu and memory settings.")
                .src(ref("parallel_max_servers")));
        p.add(integer("parallel_min_servers").range("0", null).cat(PARALLEL)
                .doc("Parallel execution processes started at startup and kept. Default cpu_count * "
                        + "parallel_threads_per_cpu * 2.")
                .src(ref("parallel_min_servers")));
        p.add(integer("parallel_servers_target").range("0", null).cat(PARALLEL)
                .doc("Parallel servers available before statements are queued (with parallel_degree_policy AUTO). "
                        + "Default derived.")
                .src(ref("parallel_servers_target")));
        p.add(choice("parallel_degree_policy", "MANUAL", "LIMITED", "AUTO", "ADAPTIVE").def("MANUAL").cat(PARALLEL)
                .doc("Automatic degree of parallelism, statement queuing and in-memory parallel execution.")
                .src(ref("parallel_degree_policy")));
        p.add(string("parallel_degree_limit").def("CPU").cat(PARALLEL)
                .doc("Upper bound of automatic DOP: CPU, IO or an integer.")
                .src(ref("parallel_degree_limit")));
        p.add(integer("parallel_threads_per_cpu").range("1", null).def(1).cat(PARALLEL)
                .doc("Parallel execution threads per CPU used in default DOP calculations. Default operating "
                        + "system-dependent: 1 on Linux; the references up to 12.1 said usually 2.")
                .src(ref("parallel_threads_per_cpu")));
        p.add(bool("parallel_force_local").def("FALSE").cat(PARALLEL)
                .doc("Keep parallel execution on the instance where the statement started (RAC).")
                .src(ref("parallel_force_local")));
        p.add(integer("db_writer_processes").range(1, 100).restart().cat(PARALLEL)
                .doc("Database writer processes. Default the greater of 1 and cpu_count / 8.")
                .src(ref("db_writer_processes")));
    }

    private static void redoAndIo(List<Curated> p, boolean v23) {
        p.add(integer("fast_start_mttr_target").unit("s").range(0, 3600).def(0).cat(REDO)
                .doc("Target crash recovery time; drives incremental checkpointing. 0 disables MTTR advisory-based "
                        + "checkpointing.")
                .src(ref("fast_start_mttr_target")));
        p.add(integer("log_checkpoint_interval").range("0", "2147483647").def(0).cat(REDO)
                .doc("Redo blocks (operating system blocks) written between checkpoints; 0 disables.")
                .src(ref("log_checkpoint_interval")));
        p.add(integer("log_checkpoint_timeout").unit("s").range("0", "2147483647").def(1800).cat(REDO)
                .doc("Maximum age of the oldest dirty buffer before a checkpoint writes it; 0 disables.")
                .src(ref("log_checkpoint_timeout")));
        p.add(bool("log_checkpoints_to_alert").def("FALSE").cat(LOGGING)
                .doc("Record checkpoints in the alert log.")
                .src(ref("log_checkpoints_to_alert")));
        p.add(integer("archive_lag_target").unit("s").range(0, 7200).def(0).cat(REDO)
                .doc("Force a log switch after this many seconds so standbys lag at most this long; 0 disables, "
                        + "otherwise 60 to 7200.")
                .src(ref("archive_lag_target")));
        p.add(integer("log_archive_max_processes").range(1, 30).def(4).cat(REDO)
                .doc("Archiver (ARCn) processes.")
                .src(ref("log_archive_max_processes")));
        p.add(integer("undo_retention").unit("s").range("0", "4294967295").def(900).cat(REDO)
                .doc("Low threshold for how long committed undo is kept (for consistent reads and flashback).")
                .src(ref("undo_retention")));
        p.add(string("undo_tablespace").cat(REDO)
                .doc("Undo tablespace of the instance.")
                .src(ref("undo_tablespace")));
        p.add(bytes("db_recovery_file_dest_size").range("0", null).cat(REDO)
                .doc("Space limit of the fast recovery area."));
        p.add(string("db_recovery_file_dest").cat(REDO)
                .doc("Location of the fast recovery area.")
                .src(ref("db_recovery_file_dest")));
        p.add(integer("db_flashback_retention_target").unit("min").range("0", null).def(1440).cat(REDO)
                .doc("How far back Flashback Database can go.")
                .src(ref("db_flashback_retention_target")));
        p.add(integer("control_file_record_keep_time").unit("d").range(0, 365).def(7).cat(REDO)
                .doc("Days reusable control file records (e.g. backup history) are kept.")
                .src(ref("control_file_record_keep_time")));
        p.add(choice("db_block_checksum", "OFF", "FALSE", "TYPICAL", "TRUE", "FULL").def("TYPICAL").cat(IO)
                .doc("Checksums on data blocks written to disk (TRUE = TYPICAL, FALSE = OFF).")
                .src(ref("db_block_checksum")));
        p.add(choice("db_block_checking", "FALSE", "OFF", "LOW", "MEDIUM", "TRUE", "FULL").def("FALSE").cat(IO)
                .doc("Logical consistency checks on changed blocks; costs CPU (1-10%).")
                .src(ref("db_block_checking")));
        if (!v23) {
            p.add(choice("db_lost_write_protect", "NONE", "TYPICAL", "FULL").def("NONE").cat(IO)
                    .doc("Lost-write detection through redo (used with a physical standby).")
                    .src(ref("db_lost_write_protect")));
        }
        p.add(choice("filesystemio_options", "none", "setall", "directIO", "asynch").restart().cat(IO)
                .doc("Direct and asynchronous I/O on file systems. Default depends on the platform.")
                .src(ref("filesystemio_options")));
        p.add(bool("disk_asynch_io").def("TRUE").restart().cat(IO)
                .doc("Asynchronous I/O for data files, control files and log files.")
                .src(ref("disk_asynch_io")));
        p.add(integer("db_file_multiblock_read_count").range("1", null).cat(IO)
                .doc("Blocks read in one I/O during full scans. Default derived from the maximum efficient I/O size.")
                .src(ref("db_file_multiblock_read_count")));
        p.add(integer("db_block_size").unit("B").range(2048, 32768).def(8192).mode(ApplyMode.READ_ONLY).cat(STORAGE)
                .doc("Standard block size; fixed when the database is created.")
                .src(ref("db_block_size")));
        p.add(integer("db_files").range("1", null).def(200).restart().cat(STORAGE)
                .doc("Maximum number of data files that can be opened.")
                .src(ref("db_files")));
    }

    private static void optimizer(List<Curated> p, boolean v23) {
        p.add(choice("optimizer_mode", "FIRST_ROWS_1", "FIRST_ROWS_10", "FIRST_ROWS_100", "FIRST_ROWS_1000",
                        "FIRST_ROWS", "ALL_ROWS").def("ALL_ROWS").cat(OPTIMIZER)
                .doc("Optimizer goal: best throughput (ALL_ROWS) or fastest first rows.")
                .src(ref("optimizer_mode")));
        p.add(bool("optimizer_adaptive_plans").def("TRUE").cat(OPTIMIZER)
                .doc("Adaptive plans: the final join method is chosen at run time.")
                .src(ref("optimizer_adaptive_plans")));
        p.add(bool("optimizer_adaptive_statistics").def("FALSE").cat(OPTIMIZER)
                .doc("Adaptive statistics (SQL plan directives, statistics feedback for joins).")
                .src(ref("optimizer_adaptive_statistics")));
        p.add(integer("optimizer_index_cost_adj").range(1, 10000).def(100).cat(OPTIMIZER)
                .doc("Percentage by which index access paths are costed; lower favours indexes.")
                .src(ref("optimizer_index_cost_adj")));
        p.add(integer("optimizer_dynamic_sampling").range(0, 11).def(2).cat(OPTIMIZER)
                .doc("Level of dynamic statistics gathered during optimization; 11 lets the optimizer decide.")
                .src(ref("optimizer_dynamic_sampling")));
        p.add(string("optimizer_features_enable").def(v23 ? null : "19.1.0").cat(OPTIMIZER)
                .doc(v23 ? "Optimizer behaviour of an earlier release. Default: the release of the software."
                        : "Optimizer behaviour of an earlier release (e.g. 12.2.0.1).")
                .src(ref("optimizer_features_enable")));
        p.add(bool("optimizer_capture_sql_plan_baselines").def("FALSE").cat(OPTIMIZER)
                .doc("Capture SQL plan baselines for repeatable statements automatically.")
                .src(ref("optimizer_capture_sql_plan_baselines")));
        p.add(bool("optimizer_use_sql_plan_baselines").def("TRUE").cat(OPTIMIZER)
                .doc("Use SQL plan baselines stored in the SQL management base.")
                .src(ref("optimizer_use_sql_plan_baselines")));
        p.add(choice("cursor_sharing", "EXACT", "FORCE").def("EXACT").cat(OPTIMIZER)
                .doc("FORCE replaces literals by binds so statements differing only in literals share cursors.")
                .src(ref("cursor_sharing")));
        p.add(choice("statistics_level", "BASIC", "TYPICAL", "ALL").def("TYPICAL").cat(OPTIMIZER)
                .doc("Level of database and operating system statistics collection; BASIC disables AWR and advisors.")
                .src(ref("statistics_level")));
        p.add(choice("result_cache_mode", "MANUAL", "FORCE", "MANUAL_TEMP", "FORCE_TEMP").def("MANUAL")
                .cat(OPTIMIZER).doc("Which queries use the server result cache.")
                .src(ref("result_cache_mode")));
        p.add(integer("ddl_lock_timeout").unit("s").range(0, 1000000).def(0).cat(TIMEOUTS)
                .doc("Time a DDL statement waits for a DML lock; 0 fails at once (NOWAIT).")
                .src(ref("ddl_lock_timeout")));
        p.add(integer("distributed_lock_timeout").unit("s").range("1", null).def(60).restart().cat(TIMEOUTS)
                .doc("Time distributed transactions wait for locked resources.")
                .src(ref("distributed_lock_timeout")));
        if (v23) {
            p.add(choice("max_columns", "STANDARD", "EXTENDED").def("STANDARD").restart().cat(STORAGE)
                    .doc("EXTENDED allows 4096 columns per table or view (needs compatible >= 23.0.0); STANDARD "
                            + "keeps 1000. Not modifiable with ALTER SYSTEM in the CDB; modifiable in a PDB.")
                    .src(ref("max_columns")));
        }
    }

    private static void replicationLoggingSecurity(List<Curated> p) {
        p.add(string("log_archive_config").cat(REPLICATION)
                .doc("DG_CONFIG list of db_unique_name values in the Data Guard configuration; SEND/RECEIVE.")
                .src(ref("log_archive_config")));
        p.add(string("fal_server").cat(REPLICATION)
                .doc("Fetch-archive-log server(s) a standby asks for missing logs.")
                .src(ref("fal_server")));
        p.add(choice("standby_file_management", "MANUAL", "AUTO").def("MANUAL").cat(REPLICATION)
                .doc("AUTO creates data files on the standby when they are added on the primary.")
                .src(ref("standby_file_management")));
        p.add(bool("dg_broker_start").def("FALSE").cat(REPLICATION)
                .doc("Start the Data Guard broker (DMON) process.")
                .src(ref("dg_broker_start")));
        p.add(bool("enable_goldengate_replication").def("FALSE").cat(REPLICATION)
                .doc("Enable RDBMS services used by Oracle GoldenGate.")
                .src(ref("enable_goldengate_replication")));
        p.add(string("db_unique_name").restart().cat(REPLICATION)
                .doc("Globally unique name of the database (distinguishes primary and standbys).")
                .src(ref("db_unique_name")));
        p.add(string("diagnostic_dest").cat(LOGGING)
                .doc("Root of the Automatic Diagnostic Repository (alert log, traces).")
                .src(ref("diagnostic_dest")));
        p.add(string("max_dump_file_size").def("unlimited").cat(LOGGING)
                .doc("Maximum size of trace files, in OS blocks or with K/M/G, or unlimited.")
                .src(ref("max_dump_file_size")));
        p.add(string("audit_file_dest").mode(ApplyMode.NEW_SESSIONS).cat(LOGGING)
                .doc("Directory for OS audit files. ALTER SYSTEM ... DEFERRED: applies to sessions opened after "
                        + "the change.")
                .src(ref("audit_file_dest")));
        p.add(bytes("sort_area_size").range("0", null).def(65536).mode(ApplyMode.NEW_SESSIONS).cat(MEMORY)
                .doc("Sort memory per session when automatic PGA management is off (legacy). ALTER SYSTEM ... "
                        + "DEFERRED: applies to sessions opened after the change."));
        p.add(choice("recyclebin", "ON", "OFF").def("ON").mode(ApplyMode.NEW_SESSIONS).cat(STORAGE)
                .doc("Keep dropped tables in the recycle bin for FLASHBACK TABLE ... TO BEFORE DROP. ALTER SYSTEM "
                        + "... DEFERRED: applies to sessions opened after the change.")
                .src(ref("recyclebin")));
        p.add(bool("backup_tape_io_slaves").def("FALSE").mode(ApplyMode.NEW_SESSIONS).cat(IO)
                .doc("RMAN uses I/O server processes for tape backups. ALTER SYSTEM ... DEFERRED: applies to "
                        + "backups started after the change.")
                .src(ref("backup_tape_io_slaves")));
        p.add(choice("remote_login_passwordfile", "NONE", "SHARED", "EXCLUSIVE").def("EXCLUSIVE").restart()
                .cat(SECURITY).doc("Whether and how the password file authenticates privileged remote users.")
                .src(ref("remote_login_passwordfile")));
    }
}
