package io.knobwright.simulator.model;

import java.util.Objects;

/**
 * One kind of statement in the workload (a script line, or one fingerprint of the instance's top queries), with
 * what it costs per execution when nothing is in short supply. The mechanisms price each need against the
 * scenario's settings: pages against the caches, sort and hash inputs against work_mem, dirtied pages against
 * the checkpoint interval.
 *
 * @param name            the statement (shortened) or fingerprint
 * @param callsPerTx      executions per transaction (the mix)
 * @param cpuMs           CPU time of one execution with every page in shared_buffers and every sort in memory
 * @param pagesRead       shared pages one execution reads (hits and misses)
 * @param sortInputBytes  bytes one execution feeds to sorts (0 when none)
 * @param hashInputBytes  bytes one execution builds into hash tables (hash joins, hash aggregates; 0 when none)
 * @param pagesDirtied    shared pages one execution modifies
 * @param walBytes        WAL records one execution writes, full-page images excluded
 * @param planSensitive   whether its plan can change with planner settings (asked of the server's planner, never
 *                        assumed)
 */
public record QueryClass(String name, double callsPerTx, double cpuMs, double pagesRead, double sortInputBytes,
                         double hashInputBytes, double pagesDirtied, double walBytes, boolean planSensitive) {

    public QueryClass {
        Objects.requireNonNull(name, "name");
        for (double v : new double[]{callsPerTx, cpuMs, pagesRead, sortInputBytes, hashInputBytes, pagesDirtied, walBytes}) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("A query class's costs are finite and not negative: " + name);
            }
        }
    }
}
