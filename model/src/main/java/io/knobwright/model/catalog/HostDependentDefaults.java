package io.knobwright.model.catalog;

import io.knobwright.model.engine.Engine;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one table of catalog defaults that are not facts of an engine version: what the server they were read from
 * (or the vendor's reference) says depends on its host name, CPU count, memory, data directory, operating system or
 * distribution build, so another server of the same version reports something else. Catalogs are marked from it
 * when they are generated (the PostgreSQL and MariaDB readers, the curated tables), so regeneration keeps the marks;
 * a shipped catalog that lacks one fails {@code ShippedCatalogsTest}.
 *
 * <p>Found by comparing the shipped catalogs with each other (MariaDB 10.11 Debian build against the 11.4 upstream
 * build), with Debian's PostgreSQL 15 and MariaDB 10.11 on the project machine (boot/default values against what
 * the running server reports), and from the vendors' references. Defaults that a server sizes from its other
 * settings (MariaDB back_log from max_connections) are facts of the version and are not listed.
 */
public final class HostDependentDefaults {

    public static final String HOST_NAME = "the host name";
    public static final String CPU_COUNT = "the CPU count";
    public static final String MEMORY = "the host's memory";
    public static final String DATA_DIRECTORY = "the data directory";
    public static final String BUILD = "the distribution's build";
    public static final String RELEASE = "the exact release and its build";
    public static final String INSTALLATION = "where the server is installed";
    public static final String OPERATING_SYSTEM = "the operating system";
    public static final String HOST_LIMITS = "the host's resource limits (ulimit)";
    public static final String STORAGE = "the storage the files are on";
    public static final String TIME_ZONE = "the host's time zone";
    public static final String TEMP_DIRECTORY = "the host's temporary directory (TMPDIR)";
    public static final String INITDB = "how the cluster was initialised (initdb)";
    public static final String ROLE = "whether the server is a standby";
    public static final String STARTUP = "what the server works out at startup (it states an empty default)";

    /** What a default depends on, for all versions of the engine or only for those listed. */
    private record Mark(String dependsOn, Set<String> versions) {
        boolean appliesTo(String version) {
            return versions.isEmpty() || versions.contains(version);
        }
    }

    private static final Map<Engine, Map<String, Mark>> TABLE = Map.of(
            Engine.POSTGRESQL, postgresql(),
            Engine.MARIADB, mariadb(),
            Engine.MYSQL, mysql(),
            Engine.ORACLE, oracle(),
            Engine.SQLSERVER, Map.of());

    private HostDependentDefaults() {
    }

    /** What the default of {@code name} depends on in that engine version; empty when it is a fact of the version. */
    public static Optional<String> dependsOn(Engine engine, String version, String name) {
        Mark mark = TABLE.get(engine).get(ParameterCatalog.canonicalName(name));
        return mark != null && mark.appliesTo(version) ? Optional.of(mark.dependsOn()) : Optional.empty();
    }

    /** The listed parameters of one engine version, by canonical name, for checks over whole catalogs. */
    public static Map<String, String> of(Engine engine, String version) {
        Map<String, String> listed = new TreeMap<>();
        TABLE.get(engine).forEach((name, mark) -> {
            if (mark.appliesTo(version)) {
                listed.put(name, mark.dependsOn());
            }
        });
        return Collections.unmodifiableMap(listed);
    }

    /** The catalog with every listed parameter marked; entries the table does not list keep their own mark. */
    public static ParameterCatalog mark(ParameterCatalog catalog) {
        String version = catalog.engineVersion().major();
        List<ParameterSpec> marked = new ArrayList<>(catalog.size());
        for (ParameterSpec p : catalog.parameters()) {
            String dependsOn = dependsOn(p.engine(), version, p.name()).orElse(p.defaultDependsOn());
            marked.add(new ParameterSpec(p.engine(), p.version(), p.name(), p.type(), p.unit(), p.min(), p.max(),
                    p.enumValues(), p.defaultValue(), p.applyMode(), p.category(), p.description(), p.source(),
                    dependsOn));
        }
        return new ParameterCatalog(catalog.engineVersion(), catalog.origin(), marked);
    }

    /**
     * Compared: zonky's embedded binaries (the catalogs) with Debian's 15.20 build; boot_val with the value a running
     * server reports. Locale, time zone and text search settings that initdb writes into postgresql.conf are not
     * defaults and are not listed: their boot values hold on every server.
     */
    private static Map<String, Mark> postgresql() {
        Table t = new Table();
        // zonky: /tmp and no keyfile; Debian: /var/run/postgresql and FILE:/etc/postgresql-common/krb5.keytab.
        t.all(BUILD, "unix_socket_directories", "krb_server_keyfile", "ssl_library", "debug_assertions");
        t.all(RELEASE, "server_version", "server_version_num");
        t.all(DATA_DIRECTORY, "data_directory_mode");
        t.all(INITDB, "data_checksums", "wal_segment_size", "lc_collate", "lc_ctype", "server_encoding");
        t.all(ROLE, "in_hot_standby");
        // The boot value is 100kB; at start the server raises it to 2MB when the stack limit allows.
        t.all(HOST_LIMITS, "max_stack_depth");
        t.all(MEMORY, "shared_memory_size_in_huge_pages", "huge_pages_status");
        // Defaults the manual gives per platform ("the first method supported", "off on Windows").
        t.all(OPERATING_SYSTEM, "wal_sync_method", "dynamic_shared_memory_type", "shared_memory_type",
                "update_process_title", "effective_io_concurrency", "maintenance_io_concurrency");
        return t.done();
    }

    /**
     * Compared: mariadb-10.11.json (Debian 12 package) with mariadb-11.4.json (upstream bintar, generated in
     * /tmp/mdb114-data on a host named vm), and DEFAULT_VALUE with GLOBAL_VALUE of the machine's 10.11 service.
     */
    private static Map<String, Mark> mariadb() {
        Table t = new Table();
        t.all(HOST_NAME, "hostname", "wsrep_node_name", "pid_file", "general_log_file", "slow_query_log_file",
                "log_slow_query_file", "log_bin_basename", "log_bin_index", "relay_log", "relay_log_basename",
                "relay_log_index");
        t.all(DATA_DIRECTORY, "datadir", "aria_log_dir_path", "wsrep_data_home_dir", "innodb_data_home_dir",
                "innodb_log_group_home_dir", "innodb_undo_directory");
        // SYSTEM_VARIABLES states '' as their default, yet an untouched server runs with another value
        t.all(STARTUP, "ft_stopword_file", "relay_log_info_file", "slave_skip_errors", "slave_transaction_retry_errors",
                "system_versioning_asof");
        t.all(INSTALLATION, "basedir", "plugin_dir", "lc_messages_dir", "character_sets_dir", "socket");
        t.all(HOST_LIMITS, "open_files_limit");
        t.all(TEMP_DIRECTORY, "tmpdir", "slave_load_tmpdir");
        // Debian builds with utf8mb4, the upstream 11.4 bintar with latin1.
        t.all(BUILD, "character_set_server", "character_set_database", "character_set_client",
                "character_set_connection", "character_set_results", "collation_server", "collation_database",
                "collation_connection", "secure_file_priv", "have_openssl", "have_ssl", "have_compress", "have_crypt",
                "have_dynamic_loading", "have_geometry", "have_profiling", "have_query_cache", "have_rtree_keys",
                "have_symlink", "large_files_support", "version_compile_machine", "version_compile_os",
                "version_malloc_library", "version_ssl_library", "wsrep_patch_version");
        t.all(RELEASE, "version", "version_comment", "version_source_revision");
        // The server reports 8 and runs with one thread group per CPU; table cache instances shrink with few CPUs.
        t.all(CPU_COUNT, "thread_pool_size", "table_open_cache_instances");
        t.all(MEMORY, "large_page_size");
        t.all(STORAGE, "innodb_log_write_ahead_size", "innodb_log_file_mmap", "lower_case_file_system");
        t.all(OPERATING_SYSTEM, "innodb_flush_method", "innodb_use_native_aio");
        t.all(TIME_ZONE, "system_time_zone");
        return t.done();
    }

    /** From the MySQL reference: 8.4 sizes several InnoDB defaults from the logical processors and RAM. */
    private static Map<String, Mark> mysql() {
        Table t = new Table();
        t.some(CPU_COUNT, Set.of("8.4"), "innodb_buffer_pool_instances", "innodb_parallel_read_threads",
                "innodb_purge_threads", "innodb_read_io_threads", "innodb_page_cleaners");
        t.some(MEMORY, Set.of("8.4"), "temptable_max_ram");
        t.all(OPERATING_SYSTEM, "lower_case_table_names", "innodb_flush_method");
        // 8.4: OFF where the kernel supports MADV_DONTDUMP (Linux), otherwise ON.
        t.some(OPERATING_SYSTEM, Set.of("8.4"), "innodb_buffer_pool_in_core_file");
        return t.done();
    }

    /** From the Oracle Database Reference (19c, 23ai): "derived from the number of cores", "platform dependent". */
    private static Map<String, Mark> oracle() {
        Table t = new Table();
        t.all(CPU_COUNT, "cpu_count", "processes", "sessions", "db_writer_processes", "parallel_max_servers",
                "parallel_min_servers", "parallel_servers_target", "db_cache_size");
        t.all(OPERATING_SYSTEM, "parallel_threads_per_cpu", "filesystemio_options", "shared_pool_size",
                "db_file_multiblock_read_count");
        t.all(INSTALLATION, "diagnostic_dest", "audit_file_dest");
        return t.done();
    }

    /** Builds one engine's table, refusing a name listed twice (two reasons would be a mistake). */
    private static final class Table {
        private final Map<String, Mark> marks = new TreeMap<>();

        void all(String dependsOn, String... names) {
            some(dependsOn, Set.of(), names);
        }

        void some(String dependsOn, Set<String> versions, String... names) {
            for (String name : names) {
                if (marks.put(name, new Mark(dependsOn, versions)) != null) {
                    throw new IllegalStateException(name + " is listed twice in HostDependentDefaults");
                }
            }
        }

        Map<String, Mark> done() {
            return Collections.unmodifiableMap(marks);
        }
    }
}
