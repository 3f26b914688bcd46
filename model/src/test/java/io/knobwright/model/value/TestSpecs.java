package io.knobwright.model.value;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.engine.Engine;

import java.math.BigDecimal;
import java.util.List;

/** Catalog entries as the generators produce them (PostgreSQL figures from pg_settings of 15/16). */
final class TestSpecs {

    static final ParameterSpec SHARED_BUFFERS = pg("shared_buffers", ParameterType.INTEGER, "8kB", 16, 1073741823L);
    static final ParameterSpec EFFECTIVE_CACHE_SIZE = pg("effective_cache_size", ParameterType.INTEGER, "8kB", 1, 2147483647L);
    static final ParameterSpec WAL_BUFFERS = pg("wal_buffers", ParameterType.INTEGER, "8kB", -1, 262143);
    static final ParameterSpec WORK_MEM = pg("work_mem", ParameterType.INTEGER, "kB", 64, 2147483647L);
    static final ParameterSpec AUTOVACUUM_WORK_MEM = pg("autovacuum_work_mem", ParameterType.INTEGER, "kB", -1, 2147483647L);
    static final ParameterSpec MIN_WAL_SIZE = pg("min_wal_size", ParameterType.INTEGER, "MB", 2, 2147483647L);
    static final ParameterSpec WAL_SEGMENT_SIZE = pg("wal_segment_size", ParameterType.INTEGER, "B", 1048576, 1073741824);
    static final ParameterSpec STATEMENT_TIMEOUT = pg("statement_timeout", ParameterType.INTEGER, "ms", 0, 2147483647L);
    static final ParameterSpec LOG_MIN_DURATION = pg("log_min_duration_statement", ParameterType.INTEGER, "ms", -1, 2147483647L);
    static final ParameterSpec CHECKPOINT_TIMEOUT = pg("checkpoint_timeout", ParameterType.INTEGER, "s", 30, 86400);
    static final ParameterSpec TCP_KEEPALIVES_IDLE = pg("tcp_keepalives_idle", ParameterType.INTEGER, "s", 0, 2147483647L);
    static final ParameterSpec LOG_ROTATION_AGE = pg("log_rotation_age", ParameterType.INTEGER, "min", 0, 35791394);
    static final ParameterSpec VACUUM_COST_DELAY = pg("vacuum_cost_delay", ParameterType.REAL, "ms", 0, 100);
    static final ParameterSpec RANDOM_PAGE_COST = spec(Engine.POSTGRESQL, "16", "random_page_cost", ParameterType.REAL,
            null, BigDecimal.ZERO, new BigDecimal("1.79769e+308"), List.of());
    static final ParameterSpec UNIX_SOCKET_PERMISSIONS = pg("unix_socket_permissions", ParameterType.INTEGER, null, 0, 511);
    static final ParameterSpec MAX_CONNECTIONS = pg("max_connections", ParameterType.INTEGER, null, 1, 262143);
    static final ParameterSpec UNBOUNDED_INT = spec(Engine.POSTGRESQL, "16", "some_int", ParameterType.INTEGER,
            null, null, null, List.of());
    static final ParameterSpec ENABLE_SEQSCAN = pg("enable_seqscan", ParameterType.BOOLEAN, null, null, null);
    static final ParameterSpec WAL_LEVEL = spec(Engine.POSTGRESQL, "16", "wal_level", ParameterType.ENUM, null, null, null,
            List.of("minimal", "replica", "logical"));
    static final ParameterSpec SYNCHRONOUS_COMMIT = spec(Engine.POSTGRESQL, "16", "synchronous_commit", ParameterType.ENUM,
            null, null, null, List.of("local", "remote_write", "remote_apply", "on", "off"));
    static final ParameterSpec SEARCH_PATH = pg("search_path", ParameterType.STRING, null, null, null);
    static final ParameterSpec LOG_LINE_PREFIX = pg("log_line_prefix", ParameterType.STRING, null, null, null);

    static final ParameterSpec INNODB_BUFFER_POOL_SIZE = spec(Engine.MYSQL, "8.0", "innodb_buffer_pool_size",
            ParameterType.INTEGER, "B", new BigDecimal(5242880), new BigDecimal("18446744073709551615"), List.of());
    static final ParameterSpec SORT_BUFFER_SIZE_UNITLESS = spec(Engine.MARIADB, "10.11", "sort_buffer_size",
            ParameterType.INTEGER, null, new BigDecimal(1024), new BigDecimal("18446744073709551615"), List.of());
    static final ParameterSpec MYSQL_MAX_CONNECTIONS = spec(Engine.MYSQL, "8.0", "max_connections", ParameterType.INTEGER,
            null, BigDecimal.ONE, new BigDecimal(100000), List.of());
    static final ParameterSpec LONG_QUERY_TIME = spec(Engine.MYSQL, "8.0", "long_query_time", ParameterType.REAL, "s",
            BigDecimal.ZERO, new BigDecimal(31536000), List.of());
    static final ParameterSpec GENERAL_LOG = spec(Engine.MARIADB, "10.11", "general_log", ParameterType.BOOLEAN, null,
            null, null, List.of());
    static final ParameterSpec EVENT_SCHEDULER = spec(Engine.MARIADB, "10.11", "event_scheduler", ParameterType.ENUM, null,
            null, null, List.of("OFF", "ON", "DISABLED", "ORIGINAL"));
    static final ParameterSpec GTID_MODE = spec(Engine.MYSQL, "8.0", "gtid_mode", ParameterType.ENUM, null,
            null, null, List.of("OFF", "OFF_PERMISSIVE", "ON_PERMISSIVE", "ON"));
    static final ParameterSpec BINLOG_FORMAT = spec(Engine.MARIADB, "10.11", "binlog_format", ParameterType.ENUM, null,
            null, null, List.of("MIXED", "STATEMENT", "ROW"));

    static final ParameterSpec MAX_SERVER_MEMORY = spec(Engine.SQLSERVER, "2022", "max server memory (MB)",
            ParameterType.INTEGER, "MB", new BigDecimal(128), new BigDecimal(2147483647), List.of());
    static final ParameterSpec COST_THRESHOLD = spec(Engine.SQLSERVER, "2022", "cost threshold for parallelism",
            ParameterType.INTEGER, null, BigDecimal.ZERO, new BigDecimal(32767), List.of());
    static final ParameterSpec AD_HOC_WORKLOADS = spec(Engine.SQLSERVER, "2022", "optimize for ad hoc workloads",
            ParameterType.BOOLEAN, null, null, null, List.of());

    static final ParameterSpec SGA_TARGET = spec(Engine.ORACLE, "19c", "sga_target", ParameterType.INTEGER, "B",
            BigDecimal.ZERO, null, List.of());
    static final ParameterSpec OPEN_CURSORS = spec(Engine.ORACLE, "19c", "open_cursors", ParameterType.INTEGER, null,
            BigDecimal.ZERO, new BigDecimal(65535), List.of());
    static final ParameterSpec RESOURCE_LIMIT = spec(Engine.ORACLE, "19c", "resource_limit", ParameterType.BOOLEAN, null,
            null, null, List.of());
    static final ParameterSpec OPTIMIZER_MODE = spec(Engine.ORACLE, "19c", "optimizer_mode", ParameterType.ENUM, null,
            null, null, List.of("FIRST_ROWS_1", "FIRST_ROWS_10", "FIRST_ROWS_100", "FIRST_ROWS_1000", "FIRST_ROWS",
                    "ALL_ROWS"));

    private TestSpecs() {
    }

    static ParameterSpec pg(String name, ParameterType type, String unit, Number min, Number max) {
        return spec(Engine.POSTGRESQL, "16", name, type, unit,
                min == null ? null : new BigDecimal(min.toString()), max == null ? null : new BigDecimal(max.toString()),
                List.of());
    }

    static ParameterSpec spec(Engine engine, String version, String name, ParameterType type, String unit,
                              BigDecimal min, BigDecimal max, List<String> enumValues) {
        return new ParameterSpec(engine, version, name, type, unit, min, max, enumValues, null, ApplyMode.RELOAD,
                "test", "", "test");
    }

    static NumericValue number(long amount, ParameterSpec spec) {
        return NumericValue.of(amount, Unit.of(spec));
    }

    static NumericValue number(String amount, ParameterSpec spec) {
        return new NumericValue(new BigDecimal(amount), Unit.of(spec));
    }
}
