package io.knobwright.app.ui.diff;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.diff.CatalogValueEquivalence;
import io.knobwright.model.diff.ConfigurationDiff;
import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.engine.Engine;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A DBA's everyday comparison over the real PostgreSQL 16 catalog: an OLTP template of 25 entries resolved
 * over the engine defaults (left) against all settings a production server reports in pg_settings'
 * base units (right). 18 differences: 14 changed, 3 added, 1 removed; 4 of them need a restart.
 */
final class RealisticDiff {

    static final String LEFT_TITLE = "postgresql-oltp v3";
    static final String RIGHT_TITLE = "pg-payments-prod-01 (live)";

    /** Template entries as a DBA writes them: human units. */
    static final Map<String, String> TEMPLATE = ordered(
            "shared_buffers", "8GB",
            "effective_cache_size", "24GB",
            "work_mem", "32MB",
            "maintenance_work_mem", "1GB",
            "wal_buffers", "16MB",
            "min_wal_size", "2GB",
            "max_wal_size", "8GB",
            "checkpoint_timeout", "15min",
            "checkpoint_completion_target", "0.9",
            "max_connections", "200",
            "random_page_cost", "1.1",
            "effective_io_concurrency", "200",
            "default_statistics_target", "100",
            "huge_pages", "try",
            "max_worker_processes", "8",
            "max_parallel_workers", "8",
            "max_parallel_workers_per_gather", "2",
            "autovacuum_max_workers", "5",
            "autovacuum_vacuum_scale_factor", "0.05",
            "log_min_duration_statement", "500ms",
            "idle_in_transaction_session_timeout", "5min",
            "track_io_timing", "on",
            "jit", "off",
            "wal_compression", "on",
            "shared_preload_libraries", "pg_stat_statements",
            // extension settings the catalog does not know
            "pg_stat_statements.max", "5000",
            "pg_stat_statements.track_utility", "off");

    /** What the live server reports where it is not at the engine default: pg_settings' base units. */
    static final Map<String, String> LIVE = ordered(
            "shared_buffers", "1048576",                        // 8GB in 8kB pages: same
            "effective_cache_size", "3145728",                  // 24GB: same
            "work_mem", "65536",                                // 64MB: changed
            "maintenance_work_mem", "1048576",                  // 1GB in kB: same
            "wal_buffers", "2048",                              // 16MB: same
            "min_wal_size", "2048",                             // 2GB in MB: same
            "max_wal_size", "16384",                            // 16GB: changed
            "checkpoint_timeout", "900",                        // 15min: same
            "checkpoint_completion_target", "0.9",
            "max_connections", "400",                           // changed, restart
            "random_page_cost", "4",                            // never tuned: changed
            "effective_io_concurrency", "200",
            "huge_pages", "try",
            "max_worker_processes", "16",                       // changed, restart
            "max_parallel_workers", "8",
            "max_parallel_workers_per_gather", "4",             // changed
            "autovacuum_max_workers", "3",                      // changed, restart
            "autovacuum_vacuum_scale_factor", "0.05",
            "log_min_duration_statement", "500",
            "idle_in_transaction_session_timeout", "0",         // changed
            "track_io_timing", "on",
            "jit", "on",                                        // changed
            "wal_compression", "lz4",                           // changed
            "shared_preload_libraries", "pg_stat_statements,auto_explain", // changed, restart
            "log_lock_waits", "on",                             // drift from an ALTER SYSTEM: changed
            "statement_timeout", "30000",                       // drift: changed
            "data_directory", "/var/lib/postgresql/16/main",
            "config_file", "/etc/postgresql/16/main/postgresql.conf",
            "hba_file", "/etc/postgresql/16/main/pg_hba.conf",
            "ident_file", "/etc/postgresql/16/main/pg_ident.conf",
            "external_pid_file", "/var/run/postgresql/16-main.pid",
            "timezone_abbreviations", "Default",
            "pg_stat_statements.max", "10000",                  // changed, unknown to the catalog
            "pg_stat_statements.track", "all",                  // added
            "auto_explain.log_min_duration", "1000",            // added
            "auto_explain.log_analyze", "on");                  // added

    private RealisticDiff() {
    }

    static ParameterCatalog catalog() {
        return new CatalogRepository().require(Engine.POSTGRESQL, "16");
    }

    /** Template resolved over the engine defaults, as the resolver would hand it to the diff. */
    static Map<String, String> resolvedTemplate(ParameterCatalog catalog) {
        Map<String, String> left = defaults(catalog);
        // The resolver fills instance facts such as file locations from the instance, so they match.
        for (String fact : List.of("data_directory", "config_file", "hba_file", "ident_file", "external_pid_file",
                "timezone_abbreviations")) {
            left.put(fact, LIVE.get(fact));
        }
        left.putAll(TEMPLATE);
        return left;
    }

    static Map<String, String> liveSettings(ParameterCatalog catalog) {
        Map<String, String> right = defaults(catalog);
        right.putAll(LIVE);
        return right;
    }

    static List<DiffRow> rows() {
        ParameterCatalog catalog = catalog();
        return new ConfigurationDiff(new CatalogValueEquivalence())
                .compare(resolvedTemplate(catalog), liveSettings(catalog), catalog);
    }

    private static Map<String, String> defaults(ParameterCatalog catalog) {
        Map<String, String> values = new LinkedHashMap<>();
        for (ParameterSpec spec : catalog.parameters()) {
            if (spec.defaultValue() != null) {
                values.put(spec.name(), spec.defaultValue());
            }
        }
        return values;
    }

    private static Map<String, String> ordered(String... pairs) {
        Map<String, String> map = new LinkedHashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            map.put(pairs[i], pairs[i + 1]);
        }
        return Map.copyOf(map);
    }
}
