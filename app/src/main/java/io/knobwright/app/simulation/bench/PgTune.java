package io.knobwright.app.simulation.bench;

import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * The generic formula tuner the effect bench compares Knobwright with: PGTune's published formulas (le0pard/pgtune,
 * src/features/configuration/configurationSlice.js, the version of commit 01bb644; decision 0155), for Linux. It sees
 * only the machine and a database type the user picks, never the workload's measurements: that is what "a formula
 * table" means here. Memory is computed in kB and floored, as PGTune does.
 */
public final class PgTune {

    /** PGTune's "DB Type". */
    public enum DbType {
        WEB(200, 1024, 4096, 100), OLTP(300, 2048, 8192, 100), DW(40, 4096, 16384, 500), DESKTOP(20, 100, 2048, 100),
        MIXED(100, 1024, 4096, 100);

        private final int defaultConnections;
        private final int minWalMb;
        private final int maxWalMb;
        private final int statisticsTarget;

        DbType(int defaultConnections, int minWalMb, int maxWalMb, int statisticsTarget) {
            this.defaultConnections = defaultConnections;
            this.minWalMb = minWalMb;
            this.maxWalMb = maxWalMb;
            this.statisticsTarget = statisticsTarget;
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /** PGTune's "Data Storage". */
    public enum Storage {
        HDD(4, 2), SSD(1.1, 200), SAN(1.1, 300), NVME(1.1, 1000);

        private final double randomPageCost;
        private final int ioConcurrency;

        Storage(double randomPageCost, int ioConcurrency) {
            this.randomPageCost = randomPageCost;
            this.ioConcurrency = ioConcurrency;
        }
    }

    /**
     * PGTune's form.
     *
     * @param connections the "Number of Connections" field; 0 leaves it empty (the type's default)
     */
    public record Input(int major, DbType type, long ramBytes, int cpus, int connections, Storage storage) {
        public Input {
            Objects.requireNonNull(type, "type");
            Objects.requireNonNull(storage, "storage");
            if (ramBytes < (1L << 20) || cpus < 1 || connections < 0) {
                throw new IllegalArgumentException("PGTune needs RAM, CPUs and a connection count that is not negative");
            }
        }
    }

    private static final long MB_IN_KB = 1024;
    private static final long GB_IN_KB = 1024 * 1024;
    /** PGTune's stand-in for max_worker_processes when it sets no parallel settings (fewer than 4 CPUs). */
    private static final int DEFAULT_WORKER_PROCESSES = 8;

    private PgTune() {
    }

    /** The settings PGTune writes for this form, in its order, as postgresql.conf values. */
    public static Map<String, String> configure(Input in) {
        DbType type = in.type();
        long ramKb = in.ramBytes() / 1024;
        int connections = in.connections() > 0 ? in.connections() : type.defaultConnections;
        long sharedBuffersKb = type == DbType.DESKTOP ? ramKb / 16 : ramKb / 4;
        long cacheKb = type == DbType.DESKTOP ? ramKb / 4 : ramKb * 3 / 4;
        long maintenanceKb = Math.min(type == DbType.DW ? ramKb / 8 : ramKb / 16, 8 * GB_IN_KB);
        Map<String, String> out = new LinkedHashMap<>();
        out.put("max_connections", String.valueOf(connections));
        out.put("shared_buffers", memory(sharedBuffersKb));
        out.put("effective_cache_size", memory(cacheKb));
        out.put("maintenance_work_mem", memory(maintenanceKb));
        out.put("checkpoint_completion_target", "0.9");
        out.put("wal_buffers", memory(walBuffersKb(sharedBuffersKb)));
        out.put("default_statistics_target", String.valueOf(type.statisticsTarget));
        out.put("random_page_cost", in.storage().randomPageCost == 4 ? "4" : "1.1");
        out.put("effective_io_concurrency", String.valueOf(in.storage().ioConcurrency));
        out.put("work_mem", memory(workMemKb(in, ramKb, sharedBuffersKb, connections)));
        out.put("huge_pages", sharedBuffersKb >= 2 * GB_IN_KB ? "try" : "off");
        out.put("min_wal_size", memory(type.minWalMb * MB_IN_KB));
        out.put("max_wal_size", memory(type.maxWalMb * MB_IN_KB));
        if (in.cpus() >= 4) {
            int perGather = (int) Math.ceil(in.cpus() / 2.0);
            out.put("max_worker_processes", String.valueOf(in.cpus()));
            out.put("max_parallel_workers_per_gather", String.valueOf(type == DbType.DW ? perGather
                    : Math.min(perGather, 4)));
            out.put("max_parallel_workers", String.valueOf(in.cpus()));
            out.put("max_parallel_maintenance_workers", String.valueOf(Math.min(perGather, 4)));
        }
        if (type == DbType.DESKTOP) {
            out.put("wal_level", "minimal");
            out.put("max_wal_senders", "0");
        }
        if (type == DbType.WEB || type == DbType.OLTP || type == DbType.MIXED) {
            out.put("jit", "off");
        }
        out.put("wal_compression", in.major() >= 15 ? "lz4" : "on");
        if (in.cpus() >= 16) {
            out.put("autovacuum_max_workers", in.cpus() >= 32 ? "5" : "4");
        }
        if (maintenanceKb >= 2 * GB_IN_KB) {
            out.put("autovacuum_work_mem", memory(2 * GB_IN_KB));
        }
        return out;
    }

    /**
     * PGTune's configuration as a server without lz4 can run it: wal_compression=lz4 needs a server built with lz4
     * (the PGDG packages are; the embedded binaries are not, and refuse to start with it). There PGTune's own choice
     * before PostgreSQL 15, pglz (what "on" means from 15), stands in; everything else is kept.
     */
    public static Map<String, String> forServer(Map<String, String> conf, boolean lz4) {
        Map<String, String> out = new LinkedHashMap<>(conf);
        if (!lz4 && "lz4".equals(out.get("wal_compression"))) {
            out.put("wal_compression", "pglz");
        }
        return out;
    }

    /** 3% of shared_buffers, at most 16MB (rounded up to it from above 14MB), at least 32kB. */
    static long walBuffersKb(long sharedBuffersKb) {
        long kb = 3 * sharedBuffersKb / 100;
        long max = 16 * MB_IN_KB;
        if (kb > max) {
            kb = max;
        }
        if (kb > 14 * MB_IN_KB && kb < max) {
            kb = max;
        }
        return Math.max(kb, 32);
    }

    /**
     * (RAM - shared_buffers) / ((max_connections + max_worker_processes) x 3), halved for dw and mixed, a sixth for
     * desktop, at least 4MB.
     */
    static long workMemKb(Input in, long ramKb, long sharedBuffersKb, int connections) {
        int workers = in.cpus() >= 4 ? in.cpus() : DEFAULT_WORKER_PROCESSES;
        double base = (double) (ramKb - sharedBuffersKb) / ((connections + workers) * 3.0);
        long kb = (long) Math.floor(switch (in.type()) {
            case WEB, OLTP -> base;
            case DW, MIXED -> base / 2;
            case DESKTOP -> base / 6;
        });
        return Math.max(kb, 4 * MB_IN_KB);
    }

    /** kB as PGTune prints it: GB or MB when whole, else kB. */
    static String memory(long kb) {
        if (kb % GB_IN_KB == 0) {
            return kb / GB_IN_KB + "GB";
        }
        if (kb % MB_IN_KB == 0) {
            return kb / MB_IN_KB + "MB";
        }
        return kb + "kB";
    }
}
