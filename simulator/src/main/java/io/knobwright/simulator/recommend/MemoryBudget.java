package io.knobwright.simulator.recommend;

import java.util.Optional;

/**
 * The settings' memory must fit in the machine's RAM (decision 0149 gives the formula and its sources):
 * <pre>
 *   shared_buffers
 * + work_mem x hash_mem_multiplier x (max_parallel_workers_per_gather + 1) x active connections
 * + autovacuum memory x autovacuum_max_workers      (autovacuum_work_mem, or maintenance_work_mem when it is -1)
 * + wal_buffers                                     (-1: shared_buffers / 32, between 64kB and 16MB)
 * + OS headroom                                     (5% of RAM, at least 256MB, at most a quarter)
 * <= RAM
 * </pre>
 * Active connections are the workload's clients, at most max_connections.
 */
public final class MemoryBudget implements Constraint {

    private static final double KB = 1024;
    private static final double MB = 1024 * KB;

    /** Each term of the formula in bytes, for the message and the tests. */
    public record Breakdown(double sharedBuffers, double workAreas, double autovacuum, double walBuffers,
                            double headroom, double ram, int activeConnections) {

        public double total() {
            return sharedBuffers + workAreas + autovacuum + walBuffers + headroom;
        }

        /** Bytes above RAM; 0 when the settings fit. */
        public double overshoot() {
            return Math.max(0, total() - ram);
        }

        public boolean fits() {
            return total() <= ram;
        }

        public String describe() {
            return "shared_buffers " + Texts.bytes(sharedBuffers) + " + work areas " + Texts.bytes(workAreas) + " ("
                    + activeConnections + " active connections) + autovacuum " + Texts.bytes(autovacuum)
                    + " + wal_buffers " + Texts.bytes(walBuffers) + " + OS headroom " + Texts.bytes(headroom) + " = "
                    + Texts.bytes(total()) + " of " + Texts.bytes(ram) + " RAM";
        }
    }

    @Override
    public String name() {
        return "memory budget";
    }

    @Override
    public Optional<String> violation(Candidate candidate) {
        Breakdown b = of(candidate.request(), candidate.proposed());
        if (b.fits()) {
            return Optional.empty();
        }
        return Optional.of("The settings need more memory than the machine has: " + b.describe() + ".");
    }

    public static Breakdown of(RecommendationRequest request, Configuration c) {
        double ram = request.machine().memoryBytes();
        double sharedBuffers = c.value("shared_buffers");
        double maxConnections = c.value("max_connections");
        int active = (int) Math.max(1, Math.min(request.workload().clients(), maxConnections));
        double workers = Math.max(0, c.value("max_parallel_workers_per_gather"));
        double workAreas = c.value("work_mem") * multiplier(c) * (workers + 1) * active;
        double avMem = c.value("autovacuum_work_mem");
        double perWorker = Double.isNaN(avMem) || avMem < 0 ? c.value("maintenance_work_mem") : avMem;
        double autovacuum = perWorker * Math.max(0, c.value("autovacuum_max_workers"));
        return new Breakdown(sharedBuffers, workAreas, autovacuum, walBuffers(c), headroom(ram), ram, active);
    }

    /** PostgreSQL 13 and later have hash_mem_multiplier; a catalog without it means hash tables get work_mem. */
    private static double multiplier(Configuration c) {
        double m = c.text("hash_mem_multiplier") == null ? 1 : c.value("hash_mem_multiplier");
        return Double.isNaN(m) ? 1 : Math.max(1, m);
    }

    /** wal_buffers = -1 sizes itself at 1/32 of shared_buffers, at least 64kB and at most one 16MB WAL segment. */
    static double walBuffers(Configuration c) {
        double w = c.value("wal_buffers");
        if (Double.isNaN(w) || w < 0) {
            return Math.min(Math.max(c.value("shared_buffers") / 32, 64 * KB), 16 * MB);
        }
        return w;
    }

    /** Kept for the kernel and other processes: the built-in model's reserve (decision 0136). */
    static double headroom(double ram) {
        return Math.min(Math.max(0.05 * ram, 256 * MB), 0.25 * ram);
    }
}
