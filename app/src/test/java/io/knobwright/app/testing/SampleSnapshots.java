package io.knobwright.app.testing;

import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;

/**
 * Settings snapshots that look like what a DBA finds on real servers: defaults almost everywhere,
 * memory sized to the machine, a few hand-tuned knobs, now and then a change waiting for a restart.
 */
public final class SampleSnapshots {

    private final SampleCatalogs catalogs;

    public SampleSnapshots(SampleCatalogs catalogs) {
        this.catalogs = catalogs;
    }

    /** A snapshot for most instances; about one in seven has never been read. */
    public Optional<SettingsSnapshot> initial(Instance i, Instant now) {
        Random rnd = new Random(i.id() * 31 + 7);
        if (rnd.nextInt(7) == 0) {
            return Optional.empty();
        }
        return Optional.of(read(i, now.minusSeconds(3600L * (1 + rnd.nextInt(72))), rnd));
    }

    /** What a fresh read of the instance returns. */
    public SettingsSnapshot read(Instance i, Instant takenAt, Random rnd) {
        List<ParameterSpec> specs = catalogs.find(i.id(), new EngineVersion(i.engine(), i.version()))
                .map(c -> c.parameters()).orElseGet(() -> oracleLike(i));
        Map<String, String> tuned = tuning(i, rnd);
        List<LiveSetting> settings = new ArrayList<>(specs.size());
        for (ParameterSpec spec : specs) {
            String value = tuned.getOrDefault(spec.name(), spec.defaultValue());
            boolean changed = tuned.containsKey(spec.name());
            boolean pending = changed && spec.requiresRestart() && rnd.nextInt(12) == 0;
            settings.add(new LiveSetting(spec.name(), value, spec.unit(), changed ? "configuration file" : "default",
                    pending));
        }
        return new SettingsSnapshot(i.id(), takenAt, i.fullVersion(), settings);
    }

    private static Map<String, String> tuning(Instance i, Random rnd) {
        long ram = Math.max(i.hardware().memoryBytes(), 2L << 30);
        boolean flash = i.hardware().diskType() == DiskType.NVME || i.hardware().diskType() == DiskType.SSD;
        return switch (i.engine()) {
            case POSTGRESQL -> Map.of(
                    "shared_buffers", String.valueOf(ram / 4 / 8192),
                    "effective_cache_size", String.valueOf(ram * 3 / 4 / 8192),
                    "work_mem", String.valueOf(new int[]{4096, 16384, 65536}[rnd.nextInt(3)]),
                    "maintenance_work_mem", String.valueOf(Math.min(ram / 16 / 1024, 2097152)),
                    "max_connections", String.valueOf(new int[]{100, 200, 300, 500}[rnd.nextInt(4)]),
                    "random_page_cost", flash ? "1.1" : "4",
                    "max_wal_size", String.valueOf(new int[]{1024, 4096, 16384}[rnd.nextInt(3)]),
                    "log_min_duration_statement", i.tier().ordinal() == 0 ? "500" : "-1",
                    "shared_preload_libraries", "pg_stat_statements",
                    "listen_addresses", "*");
            case MYSQL, MARIADB -> Map.of(
                    "innodb_buffer_pool_size", String.valueOf(ram * 5 / 8),
                    "max_connections", String.valueOf(new int[]{151, 300, 500, 1000}[rnd.nextInt(4)]),
                    "innodb_io_capacity", flash ? "2000" : "200",
                    "slow_query_log", i.tier().ordinal() == 0 ? "ON" : "OFF",
                    "long_query_time", i.tier().ordinal() == 0 ? "1.000000" : "10.000000",
                    "tmp_table_size", "67108864",
                    "max_heap_table_size", "67108864");
            case SQLSERVER -> Map.of(
                    "max server memory (MB)", String.valueOf(ram / (1 << 20) * 7 / 8),
                    "max degree of parallelism", String.valueOf(Math.min(8, Math.max(1, i.hardware().cpus() / 2))),
                    "cost threshold for parallelism", "50",
                    "optimize for ad hoc workloads", "1",
                    "backup compression default", "1");
            case ORACLE -> Map.of(
                    "sga_target", String.valueOf(ram / 2),
                    "pga_aggregate_target", String.valueOf(ram / 5),
                    "processes", "600");
        };
    }

    /** Oracle has no sample catalog; its snapshot still lists the usual parameters. */
    private static List<ParameterSpec> oracleLike(Instance i) {
        List<ParameterSpec> specs = new ArrayList<>();
        String[][] rows = {{"sga_target", "0"}, {"pga_aggregate_target", "0"}, {"processes", "300"},
                {"open_cursors", "50"}, {"db_file_multiblock_read_count", "128"}, {"optimizer_mode", "ALL_ROWS"},
                {"undo_retention", "900"}, {"cursor_sharing", "EXACT"}};
        for (String[] r : rows) {
            specs.add(new ParameterSpec(i.engine(), i.version(), r[0], io.knobwright.model.catalog.ParameterType.STRING,
                    null, null, null, List.of(), r[1], io.knobwright.model.catalog.ApplyMode.RESTART, "", "", ""));
        }
        return specs;
    }
}
