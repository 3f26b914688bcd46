package io.knobwright.simulator.model;

import java.util.ArrayList;
import java.util.List;

/**
 * Sorts and hashes against work_mem (SIMULATOR.md §2.3), and what their temporary files cost on this host.
 * <ul>
 * <li>Sort of S bytes with M = work_mem: in memory when S ≤ M; else r = ⌈S/M⌉ runs merged F at a time,
 * F = clamp(M / 272 kB, 6, 500) (tuplesort.c: TAPE_BUFFER_OVERHEAD + MERGE_BUFFER_SIZE per input tape),
 * p = ⌈log_F r⌉ passes, each writing and reading all of S: temp ≈ 2·S·p.</li>
 * <li>Hash of an inner side B with limit L = work_mem × hash_mem_multiplier: nbatch = 2^⌈log2(B/L)⌉ and the
 * batches beyond the first are written and read back: temp ≈ 2·B·(1 − 1/nbatch). The outer side's batches are not
 * counted (a query class carries no outer size).</li>
 * <li>Temporary files are ordinary files: their writes stay in the page cache while the concurrent temp footprint is
 * under the kernel's dirty limit (vm.dirty_ratio, 20% of the page cache; beyond it writers are throttled to the
 * device's speed), and reads come back from the page cache while the footprint fits in it. That share is priced at memory bandwidth on the CPU, the rest at the device's
 * sequential bandwidth.</li>
 * <li>Quicksort of a run much larger than the CPU caches loses locality: each run of size min(S, M) costs an extra
 * sortCachePenalty × x/(x + sortCacheBytes) of the sort's CPU (sortCpuMsPerMB). tuplesort.c says it of merges
 * ("high order merges are quite slow due to CPU cache effects"), and on a 2-core host a sort-heavy mix ran 30–50%
 * slower with work_mem 256MB than 4MB: small runs sorted in cache and merged from the page cache beat one big
 * in-memory sort. Runs of a few MB pay little of it: on the same host, quiet, a reporting mix of 9-11 MB sorts and
 * hashes ran 18% faster with work_mem 16MB than 4MB (decision 0157), so the half-penalty size is a server CPU's
 * last-level cache (32 MB), not its L2. The constants are θ so calibration fits them to the host.</li>
 * </ul>
 */
final class SpillModel {

    static final double MERGE_TAPE_BYTES = 272 * 1024;
    static final double DIRTY_SHARE = 0.20;
    private static final double MB = 1024 * 1024;

    /** One query class's spill, per execution. */
    record ClassSpill(QueryClass query, double tempBytes, double runs, double passes, double nbatch,
                      double inMemorySortBytes, double penaltyMs, double fileBytes) {
        boolean spills() {
            return tempBytes > 0;
        }
    }

    /**
     * Totals per transaction.
     *
     * @param memoryShare share of temp I/O served by the page cache (1 when there is none)
     * @param cpuMs       temp I/O at memory bandwidth plus the sort cache penalty
     * @param diskMs      temp I/O at the device's bandwidth
     * @param footprint   temporary files present at once, on average
     */
    record Result(List<ClassSpill> classes, double tempBytesPerTx, double inMemorySortBytesPerTx,
                  double penaltyMsPerTx, double memoryShare, double cpuMs, double diskMs, double footprint) {
    }

    private SpillModel() {
    }

    /** Merge passes of an external sort of {@code s} bytes under work_mem {@code workMem} (0 when it fits). */
    static double passes(double s, double workMem) {
        if (s <= workMem) {
            return 0;
        }
        double runs = Math.ceil(s / workMem);
        double fanIn = Math.max(6, Math.min(500, workMem / MERGE_TAPE_BYTES));
        return Math.max(1, Math.ceil(Math.log(runs) / Math.log(fanIn) - 1e-12));
    }

    /**
     * The sort input that writes {@code written} bytes of temporary files under {@code workMem}: each merge pass
     * writes the whole input once (the model's temp volume, 2·S·p, counts the reads back too; the server's temp_bytes
     * counts only the writes). Null or negative volumes give 0.
     */
    static double sortInputWriting(double written, double workMem) {
        if (!(written > 0)) {
            return 0;
        }
        for (int p = 1; p <= 20; p++) {
            if (passes(written / p, workMem) == p) {
                return written / p;
            }
        }
        return written / Math.max(1, passes(written, workMem));
    }

    static ClassSpill spill(QueryClass q, double workMem, double hashMemMultiplier, ModelParameters theta) {
        double temp = 0;
        double runs = 0;
        double passes = 0;
        double inMemory = 0;
        double penalty = 0;
        double file = 0;
        double s = q.sortInputBytes();
        if (s > 0) {
            double run;
            if (s <= workMem) {
                inMemory = s;
                run = s;
                runs = 1;
            } else {
                runs = Math.ceil(s / workMem);
                passes = passes(s, workMem);
                temp += 2 * s * passes;
                file += s;
                run = workMem;
            }
            penalty = theta.get("sortCpuMsPerMB") * (s / MB) * theta.get("sortCachePenalty")
                    * run / (run + theta.get("sortCacheBytes"));
        }
        double nbatch = 1;
        double b = q.hashInputBytes();
        double limit = workMem * hashMemMultiplier;
        if (b > limit) {
            nbatch = Math.pow(2, Math.ceil(Math.log(b / limit) / Math.log(2) - 1e-12));
            temp += 2 * b * (1 - 1 / nbatch);
            file += b * (1 - 1 / nbatch);
        }
        return new ClassSpill(q, temp, runs, passes, nbatch, inMemory, penalty, file);
    }

    /**
     * @param busyBackends backends executing at once (Little's law on the queueing model's answer)
     * @param osCacheBytes the page cache
     */
    static Result solve(List<QueryClass> classes, double workMem, double hashMemMultiplier, ModelParameters theta,
                        DeviceProfile device, double osCacheBytes, double busyBackends) {
        List<ClassSpill> spills = new ArrayList<>();
        double temp = 0;
        double inMemory = 0;
        double penalty = 0;
        double weightedFile = 0;
        double weight = 0;
        for (QueryClass q : classes) {
            ClassSpill c = spill(q, workMem, hashMemMultiplier, theta);
            spills.add(c);
            temp += q.callsPerTx() * c.tempBytes();
            inMemory += q.callsPerTx() * c.inMemorySortBytes();
            penalty += q.callsPerTx() * c.penaltyMs();
            // time a backend spends in this class, roughly: its CPU
            double time = q.callsPerTx() * (q.cpuMs() + c.penaltyMs() + 1e-3);
            weightedFile += time * c.fileBytes();
            weight += time;
        }
        double footprint = weight > 0 ? Math.max(0, busyBackends) * weightedFile / weight : 0;
        double cache = Math.max(0, osCacheBytes);
        double writesOut = overflow(footprint, DIRTY_SHARE * cache);
        double readsOut = overflow(footprint, cache);
        double deviceShare = (writesOut + readsOut) / 2;
        double memoryShare = temp > 0 ? 1 - deviceShare : 1;
        double memMs = temp * (1 - deviceShare) / (theta.get("spillMemoryMBps") * MB) * 1000;
        double diskMs = temp * deviceShare / (device.seqMBps() * MB) * 1000;
        return new Result(List.copyOf(spills), temp, inMemory, penalty, memoryShare, memMs + penalty, diskMs, footprint);
    }

    /** The share of {@code footprint} beyond {@code room}. */
    private static double overflow(double footprint, double room) {
        return footprint <= room || footprint <= 0 ? 0 : (footprint - room) / footprint;
    }
}
