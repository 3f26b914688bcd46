package io.knobwright.connectors.catalog;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Groups MariaDB variables for display. The server has no category column, so the group comes from the name:
 * first a few well-known names whose prefix says nothing (max_connections, wait_timeout), then prefixes in
 * order (the first match wins). Categories only sort the catalog for a human; nothing validates by them.
 */
public final class MariaDbCategories {

    public static final String SESSION = "Session";
    public static final String DEFAULT = "Server";

    private static final Map<String, String> BY_NAME = Map.ofEntries(
            Map.entry("max_connections", "Connections"), Map.entry("max_user_connections", "Connections"),
            Map.entry("max_connect_errors", "Connections"), Map.entry("connect_timeout", "Connections"),
            Map.entry("wait_timeout", "Connections"), Map.entry("interactive_timeout", "Connections"),
            Map.entry("back_log", "Connections"), Map.entry("max_allowed_packet", "Connections"),
            Map.entry("port", "Connections"), Map.entry("socket", "Connections"),
            Map.entry("bind_address", "Connections"), Map.entry("skip_networking", "Connections"),
            Map.entry("skip_name_resolve", "Connections"), Map.entry("host_cache_size", "Connections"),
            Map.entry("sync_binlog", "Binary log"), Map.entry("expire_logs_days", "Binary log"),
            Map.entry("server_id", "Replication"), Map.entry("read_only", "Replication"),
            Map.entry("log_slave_updates", "Replication"), Map.entry("read_binlog_speed_limit", "Replication"),
            Map.entry("long_query_time", "Logging"), Map.entry("general_log", "Logging"),
            Map.entry("general_log_file", "Logging"), Map.entry("slow_query_log", "Logging"),
            Map.entry("slow_query_log_file", "Logging"), Map.entry("slow_launch_time", "Logging"),
            Map.entry("min_examined_row_limit", "Logging"),
            Map.entry("tmp_table_size", "Memory"), Map.entry("max_heap_table_size", "Memory"),
            Map.entry("sort_buffer_size", "Memory"), Map.entry("join_buffer_size", "Memory"),
            Map.entry("read_buffer_size", "Memory"), Map.entry("read_rnd_buffer_size", "Memory"),
            Map.entry("bulk_insert_buffer_size", "Memory"), Map.entry("max_session_mem_used", "Memory"),
            Map.entry("table_open_cache", "Table cache"), Map.entry("table_definition_cache", "Table cache"),
            Map.entry("table_open_cache_instances", "Table cache"), Map.entry("open_files_limit", "Table cache"),
            Map.entry("lock_wait_timeout", "Locking"), Map.entry("autocommit", "Transactions"),
            Map.entry("completion_type", "Transactions"), Map.entry("tx_isolation", "Transactions"),
            Map.entry("tx_read_only", "Transactions"),
            Map.entry("max_relay_log_size", "Replication"), Map.entry("init_slave", "Replication"),
            Map.entry("query_alloc_block_size", "Memory"), Map.entry("query_prealloc_size", "Memory"),
            Map.entry("range_alloc_block_size", "Memory"), Map.entry("preload_buffer_size", "Memory"),
            Map.entry("rowid_merge_buff_size", "Memory"), Map.entry("mrr_buffer_size", "Optimizer"),
            Map.entry("max_join_size", "Optimizer"), Map.entry("max_seeks_for_key", "Optimizer"),
            Map.entry("max_rowid_filter_size", "Optimizer"), Map.entry("expensive_subquery_limit", "Optimizer"),
            Map.entry("in_predicate_conversion_threshold", "Optimizer"), Map.entry("use_stat_tables", "Optimizer"),
            Map.entry("local_infile", "Security"), Map.entry("require_secure_transport", "Security"),
            Map.entry("max_password_errors", "Security"), Map.entry("default_password_lifetime", "Security"),
            Map.entry("disconnect_on_expired_password", "Security"), Map.entry("old_passwords", "Security"),
            Map.entry("strict_password_validation", "Security"), Map.entry("skip_grant_tables", "Security"),
            Map.entry("hostname", "Server information"), Map.entry("license", "Server information"),
            Map.entry("large_files_support", "Server information"), Map.entry("protocol_version", "Server information"),
            Map.entry("lower_case_file_system", "Server information"), Map.entry("server_uid", "Server information"),
            Map.entry("system_time_zone", "Server information"),
            Map.entry("basedir", "Files and paths"), Map.entry("datadir", "Files and paths"),
            Map.entry("tmpdir", "Files and paths"), Map.entry("pid_file", "Files and paths"),
            Map.entry("plugin_dir", "Files and paths"), Map.entry("character_sets_dir", "Files and paths"),
            Map.entry("lc_messages_dir", "Files and paths"));

    /** Ordered: a longer, more specific prefix must come before a shorter one that would also match. */
    private static final List<Map.Entry<String, String>> BY_PREFIX = List.of(
            Map.entry("innodb_", "InnoDB"),
            Map.entry("aria_", "Aria"),
            Map.entry("myisam_", "MyISAM"),
            Map.entry("key_cache_", "MyISAM"),
            Map.entry("key_buffer", "MyISAM"),
            Map.entry("query_cache_", "Query cache"),
            Map.entry("wsrep_", "Galera (wsrep)"),
            Map.entry("performance_schema", "Performance schema"),
            Map.entry("thread_pool_", "Thread pool"),
            Map.entry("thread_", "Threads"),
            Map.entry("rpl_semi_sync_", "Replication"),
            Map.entry("slave_", "Replication"),
            Map.entry("replicate_", "Replication"),
            Map.entry("relay_log", "Replication"),
            Map.entry("master_", "Replication"),
            Map.entry("gtid_", "Replication"),
            Map.entry("sync_", "Replication"),
            Map.entry("binlog_", "Binary log"),
            Map.entry("log_bin", "Binary log"),
            Map.entry("max_binlog_", "Binary log"),
            Map.entry("log_slow_", "Logging"),
            Map.entry("log_", "Logging"),
            Map.entry("optimizer_", "Optimizer"),
            Map.entry("join_", "Optimizer"),
            Map.entry("histogram_", "Optimizer"),
            Map.entry("eq_range_", "Optimizer"),
            Map.entry("net_", "Connections"),
            Map.entry("tcp_", "Connections"),
            Map.entry("extra_", "Connections"),
            Map.entry("idle_", "Transactions"),
            Map.entry("transaction_", "Transactions"),
            Map.entry("character_set_", "Character sets"),
            Map.entry("collation_", "Character sets"),
            Map.entry("ssl_", "Security"),
            Map.entry("secure_", "Security"),
            Map.entry("report_", "Replication"),
            Map.entry("tls_", "Security"),
            Map.entry("version", "Server information"),
            Map.entry("have_", "Server information"),
            Map.entry("sql_", "SQL behaviour"),
            Map.entry("tmp_", "Memory"),
            Map.entry("ft_", "Full-text search"),
            Map.entry("deadlock_", "Locking"));

    private static final Set<String> SESSION_ONLY_SCOPES = Set.of("SESSION ONLY");

    /**
     * @param scope VARIABLE_SCOPE as the server reports it; variables only a session can set (timestamp,
     *              insert_id) are put under {@link #SESSION} so they stay out of the way of server tuning
     */
    public String categoryOf(String lowerName, String scope) {
        if (scope != null && SESSION_ONLY_SCOPES.contains(scope.toUpperCase(Locale.ROOT))) {
            return SESSION;
        }
        String byName = BY_NAME.get(lowerName);
        if (byName != null) {
            return byName;
        }
        return BY_PREFIX.stream().filter(e -> lowerName.startsWith(e.getKey())).map(Map.Entry::getValue)
                .findFirst().orElse(DEFAULT);
    }
}
