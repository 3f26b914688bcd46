package io.knobwright.simulator.model;

import java.util.List;

/**
 * The settings the built-in model reads, in base units, checked against what PostgreSQL itself accepts. A scenario
 * outside those ranges is one the server would refuse to start with, so the model refuses it too, saying which
 * setting and what range.
 */
record Settings(double sharedBuffers, double workMem, double hashMemMultiplier, double maintenanceWorkMem,
                double autovacuumWorkMem, int autovacuumWorkers, double maxWalSize, double checkpointTimeout,
                double completionTarget, boolean fullPageWrites, boolean waitsForFlush, int maxConnections,
                int parallelWorkersPerGather) {

    /** The settings this model reads (beside the planner's, which it only names; see {@link #PLANNER}). */
    static final List<String> READ = List.of("shared_buffers", "work_mem", "hash_mem_multiplier",
            "maintenance_work_mem", "autovacuum_work_mem", "autovacuum_max_workers", "max_wal_size",
            "checkpoint_timeout", "checkpoint_completion_target", "full_page_writes", "synchronous_commit", "fsync",
            "max_connections", "max_parallel_workers_per_gather", "max_parallel_workers");

    /** Settings that act through the planner: judged per query by the server's EXPLAIN, never by this model. */
    static final List<String> PLANNER = List.of("random_page_cost", "seq_page_cost", "effective_cache_size",
            "cpu_tuple_cost", "cpu_index_tuple_cost", "cpu_operator_cost", "jit", "jit_above_cost",
            "jit_inline_above_cost", "jit_optimize_above_cost", "max_parallel_workers_per_gather",
            "parallel_setup_cost", "parallel_tuple_cost", "min_parallel_table_scan_size",
            "min_parallel_index_scan_size", "default_statistics_target");

    private static final double KB = 1024;
    private static final double MB = 1024 * KB;

    static Settings of(Knobs k) {
        double sb = k.get("shared_buffers");
        require(sb >= 128 * KB, "shared_buffers", sb, "at least 128kB");
        double wm = k.get("work_mem");
        require(wm >= 64 * KB, "work_mem", wm, "at least 64kB");
        double hmm = k.get("hash_mem_multiplier");
        require(hmm >= 1 && hmm <= 1000, "hash_mem_multiplier", hmm, "between 1 and 1000");
        double mwm = k.get("maintenance_work_mem");
        require(mwm >= MB, "maintenance_work_mem", mwm, "at least 1MB");
        double avwm = k.get("autovacuum_work_mem");
        // -1 (the default) or unset: autovacuum uses maintenance_work_mem
        double av = Double.isNaN(avwm) || avwm < 0 ? mwm : avwm;
        double workers = k.get("autovacuum_max_workers");
        require(workers >= 1, "autovacuum_max_workers", workers, "at least 1");
        double wal = k.get("max_wal_size");
        require(wal >= 2 * MB, "max_wal_size", wal, "at least 2MB (in practice two WAL segments)");
        double timeout = k.get("checkpoint_timeout");
        require(timeout >= 30 && timeout <= 86400, "checkpoint_timeout", timeout, "between 30s and 1d");
        double cct = k.get("checkpoint_completion_target");
        require(cct > 0 && cct <= 1, "checkpoint_completion_target", cct, "above 0 and at most 1");
        double conns = k.get("max_connections");
        require(conns >= 1, "max_connections", conns, "at least 1");
        double perGather = k.get("max_parallel_workers_per_gather");
        require(perGather >= 0, "max_parallel_workers_per_gather", perGather, "0 or more");
        double parallel = Math.min(perGather, k.get("max_parallel_workers"));
        boolean flush = k.isOn("fsync") && k.isOn("synchronous_commit");
        return new Settings(sb, wm, hmm, mwm, av, (int) workers, wal, timeout, cct, k.isOn("full_page_writes"), flush,
                (int) conns, (int) Math.max(0, parallel));
    }

    private static void require(boolean holds, String name, double given, String range) {
        if (!holds) {
            throw new SimulationException(name + " = " + Text.setting(name, given)
                    + " is not a value PostgreSQL accepts: give " + range + ".");
        }
    }
}
