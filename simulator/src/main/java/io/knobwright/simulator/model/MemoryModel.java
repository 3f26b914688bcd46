package io.knobwright.simulator.model;

import java.util.List;

/**
 * What the server's processes take beside shared_buffers, and the chance that it exceeds the RAM (SIMULATOR.md
 * §2.5). work_mem is per sort or hash node, per process: a parallel plan gives each worker its own. The backends
 * working at once are not all clients: by Little's law a class executing at rate λ for R seconds has λ·R executions
 * in flight on average, and their number is taken as Poisson. The memory they need is a compound Poisson sum,
 * approximated by a Poisson count of its size-biased mean need (exact when all needs are equal).
 */
final class MemoryModel {

    /** A backend's private memory without work areas (catalog caches, plan, executor state). */
    static final double BACKEND_BYTES = 6 * 1024 * 1024;
    private static final double MB = 1024 * 1024;

    /**
     * @param room         RAM less the reserve for the kernel and other processes
     * @param fixedBytes   shared_buffers + open backends' base memory + autovacuum workers' maintenance memory
     * @param expectedWork work areas in use at an average moment
     * @param typicalPeak  fixed + the work areas in use at the 95th percentile moment
     * @param worstPeak    shared_buffers + autovacuum + every allowed connection at the largest need
     * @param oomRisk      P(fixed + work areas > room)
     * @param maxNeed      the largest per-execution work-area need of any class
     */
    record Result(double room, double fixedBytes, double expectedWork, double typicalPeak, double worstPeak,
                  double oomRisk, double oomRiskLow, double oomRiskHigh, double heavyInFlight, double maxNeed,
                  double privateBytes) {
    }

    private MemoryModel() {
    }

    /** Kept for the kernel, its slab and other processes: 5% of RAM, at least 256 MB, at most a quarter. */
    static double reserve(double ram) {
        return Math.min(Math.max(0.05 * ram, 256 * MB), 0.25 * ram);
    }

    /** Work-area memory one execution of the class takes, its parallel workers included. */
    static double need(QueryClass q, Settings s) {
        double one = Math.min(q.sortInputBytes(), s.workMem())
                + Math.min(q.hashInputBytes(), s.workMem() * s.hashMemMultiplier());
        if (one <= 0) {
            return 0;
        }
        double workers = q.planSensitive() ? s.parallelWorkersPerGather() : 0;
        return one * (1 + workers) + workers * BACKEND_BYTES;
    }

    /**
     * @param inFlight executions of each class in flight on average (λ_c·R_c), in the order of {@code classes}
     */
    static Result solve(List<QueryClass> classes, double[] inFlight, Settings s, double ram, int connections) {
        double room = ram - reserve(ram);
        double maintenance = s.autovacuumWorkers() * s.autovacuumWorkMem();
        double fixed = s.sharedBuffers() + connections * BACKEND_BYTES + maintenance;
        double mass = 0;
        double square = 0;
        double heavy = 0;
        double maxNeed = 0;
        for (int i = 0; i < classes.size(); i++) {
            double m = need(classes.get(i), s);
            double l = Math.max(0, inFlight[i]);
            maxNeed = Math.max(maxNeed, m);
            if (m > 0) {
                mass += l * m;
                square += l * m * m;
                heavy += l;
            }
        }
        double typical = fixed;
        double risk = fixed > room ? 1 : 0;
        double riskLow = risk;
        double riskHigh = risk;
        if (mass > 0) {
            double size = square / mass;
            double count = mass / size;
            typical += size * Poisson.quantile(count, 0.95);
            double avail = room - fixed;
            if (avail > 0) {
                risk = Poisson.exceeds(count, avail / size);
                riskLow = Poisson.exceeds(count / 1.5, avail / size);
                riskHigh = Poisson.exceeds(count * 1.5, avail / size);
            }
        }
        double worst = s.sharedBuffers() + maintenance + s.maxConnections() * (BACKEND_BYTES + maxNeed);
        double privateBytes = connections * BACKEND_BYTES + mass;
        return new Result(room, fixed, mass, typical, Math.max(worst, typical), risk, riskLow, riskHigh, heavy,
                maxNeed, privateBytes);
    }
}
