package io.knobwright.connectors.catalog;

import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Units of MariaDB variables. SYSTEM_VARIABLES does not report units, so they come from this curated table:
 * a name is listed only when the MariaDB server-system-variable documentation (mariadb.com/kb, "Server System
 * Variables", "InnoDB System Variables", "Aria System Variables", "Replication and Binary Log System Variables",
 * "Thread Pool System and Status Variables", "Semisynchronous Replication") or the server's own VARIABLE_COMMENT
 * states the unit. Names are never matched by pattern: "_size" means pages, rows or entries as often as bytes,
 * and "_timeout" is in seconds, milliseconds or microseconds depending on the variable. A variable not listed
 * has no unit (counts, percentages, levels, IOPS, or a unit we have not checked).
 *
 * <p>Spellings: B (bytes), MB, d (days), s, ms, us; the same spellings the PostgreSQL catalogs use where they
 * overlap.
 */
public final class MariaDbUnits {

    private static final Set<String> BYTES = Set.of(
            // Buffers and caches
            "aria_pagecache_buffer_size", "aria_sort_buffer_size", "binlog_cache_size", "binlog_file_cache_size",
            "binlog_stmt_cache_size", "bulk_insert_buffer_size", "innodb_buffer_pool_chunk_size",
            "innodb_buffer_pool_size", "innodb_buffer_pool_size_auto_min", "innodb_buffer_pool_size_max",
            "innodb_ft_cache_size", "innodb_ft_result_cache_limit", "innodb_ft_total_cache_size",
            "innodb_log_buffer_size", "innodb_sort_buffer_size", "join_buffer_size", "join_buffer_space_limit",
            "key_buffer_size", "max_heap_table_size", "max_rowid_filter_size", "max_session_mem_used",
            "mrr_buffer_size", "myisam_mmap_size", "myisam_sort_buffer_size", "net_buffer_length",
            "optimizer_trace_max_mem_size", "preload_buffer_size", "query_alloc_block_size", "query_cache_limit",
            "query_cache_min_res_unit", "query_cache_size", "query_prealloc_size", "range_alloc_block_size",
            "read_buffer_size", "read_rnd_buffer_size", "rowid_merge_buff_size", "slave_parallel_max_queued",
            "sort_buffer_size", "thread_stack", "tmp_memory_table_size", "tmp_table_size",
            "transaction_alloc_block_size", "transaction_prealloc_size",
            // Block and page sizes
            "aria_block_size", "innodb_log_write_ahead_size", "innodb_page_size", "key_cache_block_size",
            "myisam_block_size",
            // File and log sizes and limits
            "aria_checkpoint_log_activity", "aria_log_file_size", "aria_max_sort_file_size",
            "binlog_gtid_index_page_size", "binlog_gtid_index_span_min", "binlog_row_event_max_size",
            "binlog_space_limit", "innodb_log_file_size", "innodb_max_undo_log_size",
            "innodb_online_alter_log_max_size", "log_tc_size", "max_binlog_cache_size", "max_binlog_size",
            "max_binlog_stmt_cache_size", "max_binlog_total_size", "max_relay_log_size", "myisam_max_sort_file_size",
            "relay_log_space_limit", "tmp_disk_table_size", "wsrep_max_ws_size",
            // Lengths of packets, values and sort keys, documented in bytes
            "analyze_max_length", "group_concat_max_len", "histogram_size", "log_bin_compress_min_len",
            "max_allowed_packet", "max_digest_length", "max_length_for_sort_data", "max_sort_length",
            "performance_schema_max_digest_length", "performance_schema_max_sql_text_length",
            "slave_max_allowed_packet");

    private static final Set<String> SECONDS = Set.of(
            "aria_checkpoint_interval", "binlog_expire_logs_seconds", "connect_timeout", "delayed_insert_timeout",
            "flush_time", "idle_readonly_transaction_timeout", "idle_transaction_timeout",
            "idle_write_transaction_timeout", "innodb_fatal_semaphore_wait_threshold", "innodb_flush_log_at_timeout",
            "innodb_lock_wait_timeout", "interactive_timeout", "lock_wait_timeout", "log_slow_query_time",
            "long_query_time", "max_statement_time", "net_read_timeout", "net_write_timeout",
            "progress_report_time", "rpl_semi_sync_slave_kill_conn_timeout", "slave_max_statement_time",
            "slave_net_timeout", "slave_transaction_retry_interval", "slow_launch_time", "tcp_keepalive_interval",
            "tcp_keepalive_time", "thread_pool_idle_timeout", "wait_timeout");

    private static final Set<String> MILLISECONDS = Set.of(
            "innodb_old_blocks_time", "rpl_semi_sync_master_timeout", "thread_pool_prio_kickup_timer",
            "thread_pool_stall_limit");

    private static final Set<String> MICROSECONDS = Set.of(
            "aria_group_commit_interval", "binlog_commit_wait_usec", "deadlock_timeout_long",
            "deadlock_timeout_short", "innodb_max_purge_lag_delay");

    private final Map<String, String> unitByName = new HashMap<>();

    public MariaDbUnits() {
        BYTES.forEach(n -> unitByName.put(n, "B"));
        SECONDS.forEach(n -> unitByName.put(n, "s"));
        MILLISECONDS.forEach(n -> unitByName.put(n, "ms"));
        MICROSECONDS.forEach(n -> unitByName.put(n, "us"));
        unitByName.put("innodb_autoextend_increment", "MB"); // "Data file autoextend increment in megabytes"
        unitByName.put("expire_logs_days", "d");             // fractional days; binlog_expire_logs_seconds is its twin
    }

    /** The documented unit of a (lower-case) variable name, empty when none is documented or it is a count. */
    public Optional<String> unitOf(String lowerName) {
        return Optional.ofNullable(unitByName.get(lowerName));
    }

    /** Every name the table knows, for tests that check the table against a live server. */
    public Set<String> names() {
        return Set.copyOf(unitByName.keySet());
    }
}
