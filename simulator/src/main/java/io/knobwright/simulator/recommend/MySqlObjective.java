package io.knobwright.simulator.recommend;

import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Estimate;

import java.util.Arrays;

/**
 * What MySQL and MariaDB settings cost a workload, in session-seconds of waiting per second, anchored on what was
 * measured at today's settings (decision 0153). Small and engine-specific on purpose: the what-if model is shaped by
 * PostgreSQL's mechanisms, and a MySQL answer should rest on InnoDB's own counters.
 * <ul>
 *   <li>Buffer pool misses: the measured miss ratio m0 at today's pool B0; the working set W = B0 / hit ratio (the
 *   uniform-access estimate of the workload profile), capped by the data's size. A larger pool B misses
 *   m0 (W - B) / (W - B0) under uniform access (the optimistic end: W is a lower bound of the working set) and
 *   m0 sqrt(B0 / B) until the whole data fits when a hot set already sits in the pool (the pessimistic end); the middle is their mean. Each miss waits one random read of the
 *   device. A smaller pool misses m0 + (B0 - B) / W (uniform), or m0 while the whole data still fits.</li>
 *   <li>Temporary tables on disk: the measured rate at today's limit L0 = min(tmp_table_size, max_heap_table_size).
 *   How large the spilled tables are is not measured (the server does not report it), so their sizes are assumed
 *   spread evenly on a log scale over the next n doublings of the limit, n = 2, 4, 6 for the optimistic, middle and
 *   pessimistic ends; each costs writing and reading it back at the device's sequential rate. Rates below
 *   {@value #MIN_DISK_TMP_RATE} per second are not priced (the collector's own information_schema reads).</li>
 *   <li>Commit flushes (only weighed when a durability trade is allowed): one fsync per commit with
 *   innodb_flush_log_at_trx_commit = 1, about one per second with 2. Group commit shares fsyncs, so this is an upper
 *   bound of the saving.</li>
 * </ul>
 * A gain is the waiting saved as a share of the session time: saved / max(active sessions p95, one session, waiting
 * today); one session's time when active sessions were not measured.
 */
final class MySqlObjective {

    /** The ends of the assumptions, in the order of their gains' interval: pessimistic, middle, optimistic. */
    enum Scenario { PESSIMISTIC, CENTRAL, OPTIMISTIC }

    private static final double MB = 1024 * 1024;
    /**
     * Below one on-disk temporary table per second the rate is not priced: Knobwright's own polls read
     * information_schema, which MariaDB and MySQL materialise on disk at any size (TEXT columns), and a handful per
     * poll would otherwise pass for the workload's.
     */
    static final double MIN_DISK_TMP_RATE = 1;

    private final MySqlEvidence evidence;
    private final DeviceProfile device;
    private final double pool0;
    private final double limit0;

    MySqlObjective(RecommendationRequest request, Configuration today) {
        this.evidence = MySqlEvidence.of(request);
        this.device = request.machine().device();
        this.pool0 = MySqlMemoryBudget.bytes(today, "innodb_buffer_pool_size");
        this.limit0 = tmpLimit(today);
    }

    /** Session-seconds of waiting per second under {@code c}; infinite where a change cannot be priced. */
    double cost(Configuration c, Scenario s) {
        return poolCost(c, s) + tmpCost(c, s) + commitCost(c);
    }

    /** Share of session time {@code after} saves against {@code before}: middle, with the ends as its interval. */
    Estimate gain(Configuration before, Configuration after) {
        double[] g = new double[Scenario.values().length];
        for (Scenario s : Scenario.values()) {
            double b = cost(before, s);
            double a = cost(after, s);
            double share = (b - a) / busy(b);
            g[s.ordinal()] = Double.isFinite(share) ? share : -1; // an unpriced change counts as losing everything
        }
        double mean = g[Scenario.CENTRAL.ordinal()];
        double[] sorted = g.clone();
        Arrays.sort(sorted);
        return new Estimate(mean, Math.min(sorted[0], mean), Math.max(sorted[2], mean));
    }

    /** The session time a saving is a share of. */
    double busy(double waitingToday) {
        double active = evidence.activeSessionsP95();
        // at least one session: a server seen idle at every poll still served the statements that waited
        return Math.max(Double.isNaN(active) ? 1 : Math.max(active, 1), waitingToday);
    }

    /** The predicted buffer pool miss ratio (middle of the assumptions); NaN when nothing was measured. */
    double missRatio(Configuration c, Scenario s) {
        if (!evidence.poolMeasured()) {
            return Double.NaN;
        }
        return miss(MySqlMemoryBudget.bytes(c, "innodb_buffer_pool_size"), s);
    }

    private double poolCost(Configuration c, Scenario s) {
        if (!evidence.poolMeasured()) {
            return 0;
        }
        double m0 = 1 - evidence.hitRatio();
        double miss = miss(MySqlMemoryBudget.bytes(c, "innodb_buffer_pool_size"), s);
        if (Double.isInfinite(miss)) {
            return miss;
        }
        if (m0 <= 0) {
            return 0;
        }
        double requestsPerSec = evidence.readBytesPerSec() / MySqlEvidence.PAGE / m0;
        return requestsPerSec * miss * device.randomReadMs() / 1000;
    }

    private double miss(double pool, Scenario s) {
        double hit = evidence.hitRatio();
        double m0 = 1 - hit;
        double data = evidence.databaseBytes();
        boolean dataKnown = data > 0;
        if (pool == pool0) {
            return m0;
        }
        if (m0 <= 0) {
            // nothing missed today: a larger pool changes nothing; a smaller one is priced only while the data fits
            return pool >= pool0 || (dataKnown && pool >= data) ? 0 : Double.POSITIVE_INFINITY;
        }
        double workingSet = hit > 0 ? pool0 / hit : Double.POSITIVE_INFINITY;
        if (dataKnown) {
            workingSet = data <= pool0 ? pool0 : Math.min(workingSet, data);
        }
        if (pool > pool0) {
            if (workingSet <= pool0) {
                return m0; // the data already fits: the misses left are first reads, which no pool size avoids
            }
            double linear = m0 * Math.max(0, (workingSet - pool) / (workingSet - pool0));
            // the uniform working set is a lower bound: with a hot set the rest of the data is still read now and then
            double hotSet = dataKnown && pool >= data ? 0 : m0 * Math.sqrt(pool0 / pool);
            return switch (s) {
                case OPTIMISTIC -> linear;
                case PESSIMISTIC -> hotSet;
                case CENTRAL -> (linear + hotSet) / 2;
            };
        }
        if (dataKnown && pool >= data) {
            return m0;
        }
        double slope = Double.isInfinite(workingSet) ? 0 : 1 / Math.max(workingSet, pool0);
        return Math.min(1, m0 + (pool0 - pool) * slope);
    }

    private double tmpCost(Configuration c, Scenario s) {
        double rate = evidence.diskTmpPerSec();
        if (Double.isNaN(rate) || rate < MIN_DISK_TMP_RATE || !(limit0 > 0)) {
            return 0;
        }
        double n = switch (s) {
            case OPTIMISTIC -> 2;
            case CENTRAL -> 4;
            case PESSIMISTIC -> 6;
        };
        double limit = tmpLimit(c);
        double doublings = Math.log(limit / limit0) / Math.log(2);
        double share = doublings >= 0 ? Math.max(0, 1 - doublings / n) : 1 - doublings / n;
        double tableBytes = limit0 * Math.pow(2, n / 2);
        double seconds = 2 * tableBytes / (device.seqMBps() * MB);
        return rate * share * seconds;
    }

    private double commitCost(Configuration c) {
        double tps = evidence.commitsPerSec();
        String flush = c.text("innodb_flush_log_at_trx_commit");
        if (Double.isNaN(tps) || flush == null) {
            return 0;
        }
        boolean perCommit = flush.strip().equals("1") || flush.strip().equals("3");
        double fsyncs = perCommit ? tps : Math.min(tps, 1);
        return fsyncs * device.fsyncMs() / 1000;
    }

    /** The in-memory limit of an internal temporary table: the smaller of the two settings. */
    static double tmpLimit(Configuration c) {
        double tmp = c.text("tmp_table_size") == null ? Double.NaN : MySqlMemoryBudget.bytes(c, "tmp_table_size");
        double heap = c.text("max_heap_table_size") == null ? Double.NaN
                : MySqlMemoryBudget.bytes(c, "max_heap_table_size");
        if (Double.isNaN(tmp)) {
            return heap;
        }
        return Double.isNaN(heap) ? tmp : Math.min(tmp, heap);
    }
}
