package io.knobwright.simulator.model;

/**
 * Checkpoints, full-page images and WAL volume (SIMULATOR.md §2.4).
 * <ul>
 * <li>A checkpoint is requested once D = max_wal_size / (1 + checkpoint_completion_target) of WAL has been written
 * since the last one (xlog.c, CalculateCheckpointSegments), else when checkpoint_timeout expires:
 * T_c = min(checkpoint_timeout, D / r_wal).</li>
 * <li>The first change to a page after a checkpoint logs the whole page (full_page_writes). The distinct pages
 * dirtied in T_c follow Che's form over page update rates: P(T_c) = Σ(1 − e^(−u_j·T_c)), with updates as skewed as
 * reads.</li>
 * <li>r_wal = r_records + P(T_c)·8 kB / T_c, and T_c depends on r_wal: solved as the fixed point
 * T·r_records + P(T)·8 kB = D (its left side grows with T).</li>
 * <li>Each cycle writes the P dirty pages once: P·8 kB / T_c on average, spread over cct·T_c.</li>
 * </ul>
 */
final class CheckpointWalModel {

    /** A full-page image: the page itself (hole compression and wal_compression not counted). */
    static final double FPI_BYTES = CacheModel.PAGE_BYTES;

    /**
     * @param cycleSeconds       time between checkpoints
     * @param requested          checkpoints come from WAL volume (max_wal_size) rather than the timer
     * @param dirtyPagesPerCycle distinct pages dirtied, so written, per checkpoint cycle
     * @param recordBytesPerSec  WAL records without full-page images
     * @param fpiBytesPerSec     full-page images
     * @param writeBytesPerSec   checkpoint writes, averaged over the cycle
     * @param distanceBytes      WAL between checkpoints that triggers one
     */
    record Result(double cycleSeconds, boolean requested, double dirtyPagesPerCycle, double recordBytesPerSec,
                  double fpiBytesPerSec, double writeBytesPerSec, double distanceBytes) {

        double walBytesPerSec() {
            return recordBytesPerSec + fpiBytesPerSec;
        }

        double fpiShare() {
            double wal = walBytesPerSec();
            return wal > 0 ? fpiBytesPerSec / wal : 0;
        }
    }

    private CheckpointWalModel() {
    }

    /**
     * @param popularity        the pages and how skewed their use is
     * @param txPerSec          throughput
     * @param walRecordsPerTx   WAL record bytes per transaction (full-page images excluded)
     * @param pagesDirtiedPerTx page modifications per transaction
     */
    static Result solve(Popularity popularity, double txPerSec, double walRecordsPerTx, double pagesDirtiedPerTx,
                        double maxWalBytes, double timeoutSec, double completionTarget, boolean fullPageWrites) {
        double distance = maxWalBytes / (1 + completionTarget);
        double records = Math.max(0, txPerSec * walRecordsPerTx);
        double updates = Math.max(0, txPerSec * pagesDirtiedPerTx);
        double[] rate = new double[popularity.count.length];
        for (int b = 0; b < rate.length; b++) {
            rate[b] = updates * popularity.p[b];
        }
        double fpi = fullPageWrites ? FPI_BYTES : 0;
        double cycle = timeoutSec;
        boolean requested = false;
        if (timeoutSec * records + Che.occupancy(popularity.count, rate, timeoutSec) * fpi > distance) {
            requested = true;
            // T·r_records + P(T)·fpi = D, divided by fpi to be Che's form with a linear term
            cycle = fpi > 0 ? Che.timeToReach(popularity.count, rate, records / fpi, distance / fpi)
                    : distance / records;
            cycle = Math.max(Math.min(cycle, timeoutSec), 1e-3);
        }
        double dirty = Math.min(popularity.pages, Che.occupancy(popularity.count, rate, cycle));
        return new Result(cycle, requested, dirty, records, dirty * fpi / cycle, dirty * CacheModel.PAGE_BYTES / cycle,
                distance);
    }
}
