package io.knobwright.simulator.recommend;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.policy.LockScope;
import io.knobwright.model.policy.ParameterPattern;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Machine;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Generated MySQL, MariaDB, SQL Server and Oracle instances for the property tests (decisions 0150, 0153): machines
 * of 1 GB to 512 GB and 1 to 64 CPUs, every shipped version, settings that include the awkward cases on purpose (a
 * buffer pool or max server memory above the RAM, 64 MB sort buffers with thousands of connections, durability
 * already relaxed, a tiny redo log), measurements present or absent one by one, locks and both options.
 */
final class GeneratedEngineRequests {

    private static final double KB = 1024;
    private static final double MB = 1024 * KB;
    private static final double GB = 1024 * MB;
    private static final DeviceProfile[] DEVICES = {DeviceProfile.SSD, DeviceProfile.HDD, DeviceProfile.NVME,
            DeviceProfile.SAN};
    private static final String[][] VERSIONS = {{"mysql", "8.0"}, {"mysql", "8.4"}, {"mariadb", "10.11"},
            {"mariadb", "11.4"}, {"sqlserver", "2019"}, {"sqlserver", "2022"}, {"oracle", "19c"}, {"oracle", "23ai"}};
    private static final String[] LOCKABLE = {"innodb_*", "max*", "tmp_table_size", "thread_handling",
            "innodb_buffer_pool_size", "open_cursors", "sga_target", "max degree of parallelism", "processes",
            "innodb_redo_log_capacity", "innodb_log_file_size"};

    private GeneratedEngineRequests() {
    }

    static RecommendationRequest request(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        double ram = Math.pow(2, r.nextInt(10)) * GB;
        Machine machine = new Machine(1 + r.nextInt(64), (long) ram, DEVICES[r.nextInt(DEVICES.length)]);
        String[] version = VERSIONS[r.nextInt(VERSIONS.length)];
        Engine engine = Engine.require(version[0]);
        Map<String, String> settings = switch (engine) {
            case MYSQL, MARIADB -> mysql(r, ram);
            case SQLSERVER -> sqlServer(r, ram);
            default -> oracle(r, ram);
        };
        List<LockRule> locks = new ArrayList<>();
        for (String name : LOCKABLE) {
            if (r.nextInt(8) == 0) {
                locks.add(new LockRule(LockScope.ALL, new ParameterPattern(name), "generated lock"));
            }
        }
        List<Measurement> measured = measurements(r, ram);
        int clients = 1 + r.nextInt(500);
        long disk = new long[]{0, (long) (20 * GB), (long) (500 * GB)}[r.nextInt(3)];
        return new RecommendationRequest("generated-" + engine.id() + "-" + seed, machine, disk,
                Requests.CATALOGS.require(engine, version[1]), settings,
                RecommendationRequest.clientsOnly(clients, 0), measured, locks,
                new RecommendationOptions(r.nextBoolean(), r.nextBoolean()), PlannerEvidence.NONE);
    }

    private static Map<String, String> mysql(SplittableRandom r, double ram) {
        Map<String, String> s = new LinkedHashMap<>();
        put(r, s, "innodb_buffer_pool_size", 128 * MB, GB, ram / 2, ram * 1.2);
        put(r, s, "tmp_table_size", 16 * MB, 64 * MB, GB);
        put(r, s, "max_heap_table_size", 16 * MB, 256 * MB);
        put(r, s, "sort_buffer_size", 256 * KB, 2 * MB, 64 * MB);
        put(r, s, "join_buffer_size", 256 * KB, 8 * MB);
        put(r, s, "max_connections", 20, 151, 1000, 5000);
        put(r, s, "innodb_flush_log_at_trx_commit", 1, 2, 0);
        put(r, s, "sync_binlog", 0, 1);
        put(r, s, "innodb_log_file_size", 48 * MB, GB, 16 * GB);
        put(r, s, "innodb_redo_log_capacity", 100 * MB, 8 * GB);
        if (r.nextBoolean()) {
            s.put("innodb_flush_method", r.nextBoolean() ? "fsync" : "O_DIRECT");
        }
        if (r.nextBoolean()) {
            s.put("thread_handling", "one-thread-per-connection");
        }
        return s;
    }

    private static Map<String, String> sqlServer(SplittableRandom r, double ram) {
        Map<String, String> s = new LinkedHashMap<>();
        put(r, s, "max server memory (MB)", 2147483647, Math.floor(ram / MB * 0.5), Math.floor(ram / MB * 0.97));
        put(r, s, "max degree of parallelism", 0, 1, 4, 16);
        put(r, s, "cost threshold for parallelism", 5, 50);
        put(r, s, "optimize for ad hoc workloads", 0, 1);
        return s;
    }

    private static Map<String, String> oracle(SplittableRandom r, double ram) {
        Map<String, String> s = new LinkedHashMap<>();
        put(r, s, "memory_target", 0, 0, Math.floor(ram * 0.9 / MB) * MB);
        put(r, s, "sga_target", 0, Math.floor(ram * 0.3 / MB) * MB, Math.floor(ram * 0.9 / MB) * MB);
        put(r, s, "sga_max_size", Math.floor(ram * 0.3 / MB) * MB, Math.floor(ram * 0.95 / MB) * MB);
        put(r, s, "pga_aggregate_target", 100 * MB, Math.floor(ram * 0.3 / MB) * MB);
        put(r, s, "processes", 100, 300, 2000);
        put(r, s, "open_cursors", 50, 300);
        return s;
    }

    /** One of the values (as the server reports it: a bare number in the catalog's unit), or left at its default. */
    private static void put(SplittableRandom r, Map<String, String> s, String name, double... values) {
        if (r.nextInt(5) == 0) {
            return;
        }
        double v = values[r.nextInt(values.length)];
        s.put(name, String.valueOf((long) v));
    }

    private static List<Measurement> measurements(SplittableRandom r, double ram) {
        List<Measurement> out = new ArrayList<>();
        if (r.nextInt(4) == 0) {
            return out; // nothing measured: instance facts only
        }
        maybe(r, out, Measurements.HIT_RATIO, r.nextDouble(0.3, 1.0), "ratio");
        maybe(r, out, Measurements.PHYSICAL_READS, r.nextDouble(0, 200 * MB), "B/s");
        maybe(r, out, Measurements.DATABASE_SIZE, Math.pow(2, r.nextInt(14)) * 64 * MB, "B");
        maybe(r, out, Measurements.TEMP_FILES, r.nextInt(3) == 0 ? 0 : r.nextDouble(50), "/s");
        maybe(r, out, Measurements.WAL_RATE_P95, r.nextDouble(0, 50 * MB), "B/s");
        maybe(r, out, Measurements.PEAK_CONNECTIONS, 1 + r.nextInt(3000), "connections");
        maybe(r, out, Measurements.ACTIVE_SESSIONS_P95, r.nextDouble(0, 64), "sessions");
        maybe(r, out, Measurements.TPS, r.nextDouble(0, 5000), "tps");
        return out;
    }

    private static void maybe(SplittableRandom r, List<Measurement> out, String key, double value, String unit) {
        if (r.nextInt(4) != 0) {
            out.add(new Measurement(key, value, unit, "generated"));
        }
    }
}
