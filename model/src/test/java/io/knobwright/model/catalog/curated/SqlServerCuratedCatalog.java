package io.knobwright.model.catalog.curated;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.util.ArrayList;
import java.util.List;

import static io.knobwright.model.catalog.curated.Curated.integer;

/**
 * The sp_configure options DBAs tune, from Microsoft's "Server configuration options" reference, spelled as
 * sys.configurations names them. Options that take effect at RECONFIGURE are ONLINE, those marked "restart
 * required" RESTART. Values are integers as sys.configurations stores them, so on/off options are INTEGER 0..1.
 * Advanced options (visible only with 'show advanced options' = 1) say so in their description. Where an option
 * accepts 0 as "let the server decide" below its documented minimum (max worker threads, locks, index create
 * memory), the range starts at 0 and the description states the real lower bound.
 */
final class SqlServerCuratedCatalog {

    static final String ORIGIN = "Curated from Microsoft SQL Server documentation for the parameters DBAs tune; "
            + "not generated";

    private static final String DOCS = "https://learn.microsoft.com/en-us/sql/database-engine/configure-windows/";
    private static final String ALL = DOCS + "server-configuration-options-sql-server";
    private static final String ADVANCED = "Advanced option. ";

    private static final String MEMORY = "Memory";
    private static final String PARALLEL = "Parallelism";
    private static final String CONNECTIONS = "Connections";
    private static final String TIMEOUTS = "Timeouts & locking";
    private static final String REDO = "Redo & checkpoint";
    private static final String IO = "I/O";
    private static final String OPTIMIZER = "Optimizer";
    private static final String LOGGING = "Logging";
    private static final String SECURITY = "Security";
    private static final String BACKUP = "Backup";
    private static final String SERVER = "Server";
    private static final String POLYBASE = "PolyBase";

    private SqlServerCuratedCatalog() {
    }

    static ParameterCatalog build(String version) {
        boolean v2022 = switch (version) {
            case "2019" -> false;
            case "2022" -> true;
            default -> throw new IllegalArgumentException("No curated SQL Server table for " + version);
        };
        List<Curated> p = new ArrayList<>();
        memoryAndParallelism(p);
        connectionsAndTimeouts(p);
        recoveryBackupAndIo(p);
        securityAndSurface(p);
        serverBehaviour(p);
        polybaseAndNewer(p, v2022);
        return new ParameterCatalog(new EngineVersion(Engine.SQLSERVER, version), ORIGIN,
                p.stream().map(c -> c.toSpec(Engine.SQLSERVER, version, version)).toList());
    }

    private static Curated flag(String name, int def) {
        return integer(name).range(0, 1).def(def);
    }

    private static void memoryAndParallelism(List<Curated> p) {
        p.add(integer("max server memory (MB)").unit("MB").range(128, 2147483647).def(2147483647).cat(MEMORY)
                .doc(ADVANCED + "Upper bound of the buffer pool and other memory the Database Engine manages; set it "
                        + "so the operating system and other processes keep enough.")
                .src(DOCS + "server-memory-server-configuration-options"));
        p.add(integer("min server memory (MB)").unit("MB").range(0, 2147483647).def(0).cat(MEMORY)
                .doc(ADVANCED + "Memory the Database Engine does not release once it has acquired it.")
                .src(DOCS + "server-memory-server-configuration-options"));
        p.add(integer("min memory per query (KB)").unit("kB").range(512, 2147483647).def(1024).cat(MEMORY)
                .doc(ADVANCED + "Minimum memory grant for the execution of a query.")
                .src(DOCS + "configure-the-min-memory-per-query-server-configuration-option"));
        p.add(integer("index create memory (KB)").unit("kB").range(0, 2147483647).def(0).cat(MEMORY)
                .doc(ADVANCED + "Memory for index creation sorts; 0 lets the server decide, otherwise at least 704.")
                .src(DOCS + "configure-the-index-create-memory-server-configuration-option"));
        p.add(integer("locks").range(0, 2147483647).def(0).restart().cat(MEMORY)
                .doc(ADVANCED + "Maximum number of locks; 0 lets the server allocate lock memory dynamically, "
                        + "otherwise at least 5000.")
                .src(DOCS + "configure-the-locks-server-configuration-option"));
        p.add(integer("max degree of parallelism").range(0, 32767).def(0).cat(PARALLEL)
                .doc(ADVANCED + "Processors one parallel plan may use; 0 uses all available. Setup since 2019 "
                        + "proposes a value from the processor count.")
                .src(DOCS + "configure-the-max-degree-of-parallelism-server-configuration-option"));
        p.add(integer("cost threshold for parallelism").range(0, 32767).def(5).cat(PARALLEL)
                .doc(ADVANCED + "Estimated cost above which the optimizer considers a parallel plan.")
                .src(DOCS + "configure-the-cost-threshold-for-parallelism-server-configuration-option"));
        p.add(integer("max worker threads").range(0, 32767).def(0).cat(PARALLEL)
                .doc(ADVANCED + "Worker threads for the whole instance; 0 sizes it from the processor count, "
                        + "otherwise at least 128.")
                .src(DOCS + "configure-the-max-worker-threads-server-configuration-option"));
        p.add(integer("affinity mask").range(-2147483648L, 2147483647).def(0).cat(PARALLEL)
                .doc(ADVANCED + "Bitmask binding schedulers to processors 0-31; 0 lets Windows schedule.")
                .src(DOCS + "affinity-mask-server-configuration-option"));
        p.add(integer("affinity I/O mask").range(-2147483648L, 2147483647).def(0).restart().cat(PARALLEL)
                .doc(ADVANCED + "Bitmask binding disk I/O to processors 0-31.")
                .src(DOCS + "affinity-input-output-mask-server-configuration-option"));
        p.add(integer("automatic soft-NUMA disabled").range(0, 1).def(0).restart().cat(PARALLEL)
                .doc(ADVANCED + "1 turns off automatic soft-NUMA partitioning of large NUMA nodes.")
                .src(DOCS + "soft-numa-sql-server"));
        p.add(flag("lightweight pooling", 0).restart().cat(PARALLEL)
                .doc(ADVANCED + "Fiber mode scheduling; rarely beneficial and unsupported by several features.")
                .src(DOCS + "lightweight-pooling-server-configuration-option"));
        p.add(flag("priority boost", 0).restart().cat(PARALLEL)
                .doc(ADVANCED + "Run the Database Engine at a higher Windows priority; deprecated, not recommended.")
                .src(DOCS + "configure-the-priority-boost-server-configuration-option"));
    }

    private static void connectionsAndTimeouts(List<Curated> p) {
        p.add(integer("user connections").range(0, 32767).def(0).restart().cat(CONNECTIONS)
                .doc(ADVANCED + "Maximum simultaneous user connections; 0 means the maximum, 32767.")
                .src(DOCS + "configure-the-user-connections-server-configuration-option"));
        p.add(integer("network packet size (B)").unit("B").range(512, 32767).def(4096).cat(CONNECTIONS)
                .doc(ADVANCED + "Default network packet size for client connections.")
                .src(DOCS + "configure-the-network-packet-size-server-configuration-option"));
        p.add(flag("remote admin connections", 0).cat(CONNECTIONS)
                .doc("Allow the dedicated administrator connection from other computers.")
                .src(DOCS + "remote-admin-connections-server-configuration-option"));
        p.add(flag("remote access", 1).restart().cat(CONNECTIONS)
                .doc("Allow remote stored procedure calls from linked servers (deprecated).")
                .src(DOCS + "configure-the-remote-access-server-configuration-option"));
        p.add(integer("remote login timeout (s)").unit("s").range(0, 2147483647).def(10).cat(TIMEOUTS)
                .doc("Time to wait for a login to a remote server; 0 waits indefinitely.")
                .src(DOCS + "configure-the-remote-login-timeout-server-configuration-option"));
        p.add(integer("remote query timeout (s)").unit("s").range(0, 2147483647).def(600).cat(TIMEOUTS)
                .doc("Time a remote operation may take before it times out; 0 means no timeout.")
                .src(DOCS + "configure-the-remote-query-timeout-server-configuration-option"));
        p.add(integer("query wait (s)").unit("s").range(-1, 2147483647).def(-1).cat(TIMEOUTS)
                .doc(ADVANCED + "Time a query waits for a memory grant; -1 means 25 times the estimated cost.")
                .src(DOCS + "configure-the-query-wait-server-configuration-option"));
        p.add(integer("blocked process threshold (s)").unit("s").range(0, 86400).def(0).cat(TIMEOUTS)
                .doc(ADVANCED + "Blocking time after which a blocked process report is raised; 0 disables it.")
                .src(DOCS + "blocked-process-threshold-server-configuration-option"));
        p.add(integer("remote proc trans").range(0, 1).def(0).cat(CONNECTIONS)
                .doc("Protect server-to-server procedure calls with distributed transactions (MS DTC).")
                .src(DOCS + "configure-the-remote-proc-trans-server-configuration-option"));
        p.add(integer("in-doubt xact resolution").range(0, 2).def(0).cat(TIMEOUTS)
                .doc(ADVANCED + "Outcome of distributed transactions MS DTC cannot resolve: 0 none, 1 presume "
                        + "commit, 2 presume abort.")
                .src(DOCS + "in-doubt-xact-resolution-server-configuration-option"));
    }

    private static void recoveryBackupAndIo(List<Curated> p) {
        p.add(integer("recovery interval (min)").unit("min").range(0, 32767).def(0).cat(REDO)
                .doc(ADVANCED + "Target recovery time for databases without indirect checkpoints; 0 lets the server "
                        + "checkpoint about once a minute.")
                .src(DOCS + "configure-the-recovery-interval-server-configuration-option"));
        p.add(integer("fill factor (%)").range(0, 100).def(0).restart().cat(IO)
                .doc(ADVANCED + "Default fill factor for new indexes; 0 and 100 both fill leaf pages completely.")
                .src(DOCS + "configure-the-fill-factor-server-configuration-option"));
        p.add(integer("affinity64 I/O mask").range(-2147483648L, 2147483647).def(0).restart().cat(IO)
                .doc(ADVANCED + "Bitmask binding disk I/O to processors 32-63.")
                .src(DOCS + "affinity64-input-output-mask-server-configuration-option"));
        p.add(integer("filestream access level").range(0, 2).def(0).cat(IO)
                .doc("FILESTREAM access: 0 disabled, 1 T-SQL, 2 T-SQL and Win32 streaming.")
                .src(DOCS + "filestream-access-level-server-configuration-option"));
        p.add(flag("backup compression default", 0).cat(BACKUP)
                .doc("Compress backups unless BACKUP says otherwise.")
                .src(DOCS + "view-or-configure-the-backup-compression-default-server-configuration-option"));
        p.add(flag("backup checksum default", 0).cat(BACKUP)
                .doc("Verify page checksums and write a backup checksum unless BACKUP says otherwise.")
                .src(DOCS + "backup-checksum-default"));
        p.add(integer("media retention").unit("d").range(0, 365).def(0).restart().cat(BACKUP)
                .doc(ADVANCED + "Days a backup set is protected from being overwritten.")
                .src(DOCS + "configure-the-media-retention-server-configuration-option"));
    }

    private static void securityAndSurface(List<Curated> p) {
        p.add(flag("clr enabled", 0).cat(SECURITY)
                .doc("Allow user assemblies to run in the Database Engine.")
                .src(DOCS + "clr-enabled-server-configuration-option"));
        p.add(flag("clr strict security", 1).cat(SECURITY)
                .doc(ADVANCED + "Treat every CLR assembly as UNSAFE, requiring signed assemblies.")
                .src(DOCS + "clr-strict-security"));
        p.add(flag("xp_cmdshell", 0).cat(SECURITY)
                .doc(ADVANCED + "Allow xp_cmdshell to run operating system commands.")
                .src(DOCS + "xp-cmdshell-server-configuration-option"));
        p.add(flag("Ole Automation Procedures", 0).cat(SECURITY)
                .doc(ADVANCED + "Allow OLE Automation objects to be instantiated from Transact-SQL.")
                .src(DOCS + "ole-automation-procedures-server-configuration-option"));
        p.add(flag("Ad Hoc Distributed Queries", 0).cat(SECURITY)
                .doc(ADVANCED + "Allow OPENROWSET and OPENDATASOURCE ad hoc connections.")
                .src(DOCS + "ad-hoc-distributed-queries-server-configuration-option"));
        p.add(flag("Database Mail XPs", 0).cat(SECURITY)
                .doc(ADVANCED + "Enable Database Mail extended stored procedures.")
                .src(DOCS + "database-mail-xps-server-configuration-option"));
        p.add(flag("Agent XPs", 0).cat(SECURITY)
                .doc(ADVANCED + "Enable SQL Server Agent extended stored procedures; set to 1 when Agent starts.")
                .src(DOCS + "agent-xps-server-configuration-option"));
        p.add(flag("contained database authentication", 0).cat(SECURITY)
                .doc("Allow contained databases to authenticate their own users.")
                .src(DOCS + "contained-database-authentication-server-configuration-option"));
        p.add(flag("cross db ownership chaining", 0).cat(SECURITY)
                .doc("Allow ownership chains across all databases of the instance.")
                .src(DOCS + "cross-db-ownership-chaining-server-configuration-option"));
        p.add(flag("c2 audit mode", 0).restart().cat(SECURITY)
                .doc(ADVANCED + "C2 auditing of all access attempts; superseded by common criteria compliance.")
                .src(DOCS + "c2-audit-mode-server-configuration-option"));
        p.add(flag("common criteria compliance enabled", 0).restart().cat(SECURITY)
                .doc(ADVANCED + "Enable the Common Criteria elements (residual information protection, login "
                        + "statistics, column GRANT not overriding table DENY).")
                .src(DOCS + "common-criteria-compliance-enabled-server-configuration-option"));
        p.add(flag("scan for startup procs", 0).restart().cat(SECURITY)
                .doc(ADVANCED + "Run stored procedures marked for automatic execution at startup.")
                .src(DOCS + "configure-the-scan-for-startup-procs-server-configuration-option"));
        p.add(flag("default trace enabled", 1).cat(LOGGING)
                .doc(ADVANCED + "Run the default trace that records configuration and schema changes.")
                .src(DOCS + "default-trace-enabled-server-configuration-option"));
    }

    private static void serverBehaviour(List<Curated> p) {
        p.add(flag("optimize for ad hoc workloads", 0).cat(OPTIMIZER)
                .doc(ADVANCED + "Cache a small plan stub on first execution of an ad hoc batch instead of the full "
                        + "plan; reduces plan cache bloat.")
                .src(DOCS + "optimize-for-ad-hoc-workloads-server-configuration-option"));
        p.add(integer("query governor cost limit").range(0, 2147483647).def(0).cat(OPTIMIZER)
                .doc(ADVANCED + "Refuse queries whose estimated cost exceeds this; 0 means no limit.")
                .src(DOCS + "configure-the-query-governor-cost-limit-server-configuration-option"));
        p.add(integer("cursor threshold").range(-1, 2147483647).def(-1).cat(OPTIMIZER)
                .doc(ADVANCED + "Rows above which keyset cursors are generated asynchronously; -1 always "
                        + "synchronously.")
                .src(DOCS + "configure-the-cursor-threshold-server-configuration-option"));
        p.add(flag("show advanced options", 0).cat(SERVER)
                .doc("Make advanced options visible to and settable by sp_configure.")
                .src(DOCS + "show-advanced-options-server-configuration-option"));
        p.add(flag("nested triggers", 1).cat(SERVER)
                .doc("Allow AFTER triggers to cascade (up to 32 levels).")
                .src(DOCS + "configure-the-nested-triggers-server-configuration-option"));
        p.add(flag("server trigger recursion", 1).cat(SERVER)
                .doc("Allow server-level triggers to fire recursively.")
                .src(DOCS + "server-trigger-recursion-server-configuration-option"));
        p.add(flag("disallow results from triggers", 0).cat(SERVER)
                .doc(ADVANCED + "Forbid triggers from returning result sets.")
                .src(DOCS + "disallow-results-from-triggers-server-configuration-option"));
        p.add(integer("max text repl size (B)").unit("B").range(-1, 2147483647).def(65536).cat(SERVER)
                .doc("Largest text/image/xml/max value replicated or captured per statement; -1 means no limit.")
                .src(DOCS + "configure-the-max-text-repl-size-server-configuration-option"));
        p.add(integer("default language").range(0, 9999).def(0).cat(SERVER)
                .doc("Language id for new logins; 0 is us_english.")
                .src(DOCS + "configure-the-default-language-server-configuration-option"));
        p.add(integer("two digit year cutoff").range(1753, 9999).def(2049).cat(SERVER)
                .doc(ADVANCED + "Cutoff year for interpreting two-digit years.")
                .src(DOCS + "configure-the-two-digit-year-cutoff-server-configuration-option"));
        p.add(integer("user options").range(0, 32767).def(0).cat(SERVER)
                .doc("Bitmask of default SET options for new user sessions.")
                .src(DOCS + "configure-the-user-options-server-configuration-option"));
        p.add(integer("access check cache bucket count").range(0, 16384).def(0).cat(SERVER)
                .doc(ADVANCED + "Hash buckets of the access check result cache; 0 lets the server decide.")
                .src(DOCS + "access-check-cache-server-configuration-options"));
        p.add(integer("access check cache quota").range(0, 2147483647).def(0).cat(SERVER)
                .doc(ADVANCED + "Entries in the access check result cache; 0 lets the server decide.")
                .src(DOCS + "access-check-cache-server-configuration-options"));
    }

    private static void polybaseAndNewer(List<Curated> p, boolean v2022) {
        p.add(flag("tempdb metadata memory-optimized", 0).restart().cat(MEMORY)
                .doc(ADVANCED + "Keep tempdb system tables in memory-optimized tables to remove metadata contention "
                        + "(SQL Server 2019 and later).")
                .src(ALL));
        p.add(integer("column encryption enclave type").range(0, 2).def(0).restart().cat(SECURITY)
                .doc("Secure enclave for Always Encrypted: 0 none, 1 VBS, 2 SGX (SQL Server 2019 and later).")
                .src(DOCS + "configure-column-encryption-enclave-type"));
        p.add(flag("polybase enabled", 0).restart().cat(POLYBASE)
                .doc("Enable PolyBase data virtualization (SQL Server 2019 and later).")
                .src(ALL));
        if (v2022) {
            p.add(flag("allow polybase export", 0).cat(POLYBASE)
                    .doc("Allow CREATE EXTERNAL TABLE AS SELECT to export data (SQL Server 2022).")
                    .src(DOCS + "allow-polybase-export"));
            p.add(flag("hardware offload enabled", 0).restart().cat(BACKUP)
                    .doc(ADVANCED + "Allow hardware offload such as Intel QuickAssist backup compression "
                            + "(SQL Server 2022).")
                    .src(ALL));
        } else {
            p.add(integer("hadoop connectivity").range(0, 7).def(0).restart().cat(POLYBASE)
                    .doc("PolyBase connectivity to Hadoop and Azure Blob Storage; needs a PolyBase service restart. "
                            + "Removed in SQL Server 2022 with PolyBase Hadoop support.")
                    .src(DOCS + "polybase-connectivity-configuration-transact-sql"));
        }
    }
}
