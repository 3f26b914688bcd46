package io.knobwright.simulator.model;

/**
 * The two caches a PostgreSQL page read meets: shared_buffers (L1), then the kernel's page cache (L2), then the
 * device. Both levels by Che's approximation over a Zipf popularity of the workload's pages (SIMULATOR.md §2.1).
 * <p>
 * L2 sees only L1's miss stream: a page hot in shared_buffers is rarely asked of the kernel, so its double-buffered
 * copy ages out there. That is why a shared_buffers near half of RAM can lose to a smaller one: the same pages sit in
 * both caches and the union covers less data.
 */
final class CacheModel {

    static final double PAGE_BYTES = 8192;

    /**
     * @param hitRatio       share of page reads served by shared_buffers
     * @param osHitRatio     share of shared_buffers misses served by the page cache
     * @param deviceShare    share of page reads that go to the device: (1 − hitRatio)(1 − osHitRatio)
     * @param dataPages      pages the workload touches
     * @param sharedPages    shared_buffers in pages
     * @param osCachePages   page cache left for data in pages
     */
    record Result(double hitRatio, double osHitRatio, double deviceShare, double dataPages, double sharedPages,
                  double osCachePages) {
    }

    private CacheModel() {
    }

    /** What shared_buffers lets through: its hit ratio and the per-page miss rates the page cache sees. */
    record SharedLevel(Popularity popularity, double hitRatio, double[] missRate, double missShare, double sharedPages) {
    }

    /**
     * @param popularity   the pages and how often each is read
     * @param sharedBytes  shared_buffers
     * @param osCacheBytes RAM left for the page cache (RAM − shared_buffers − private memory − OS reserve)
     */
    static Result solve(Popularity popularity, double sharedBytes, double osCacheBytes) {
        return solve(shared(popularity, sharedBytes), osCacheBytes);
    }

    /** Level 1 alone: it depends only on shared_buffers and the workload, so a model solves it once per scenario. */
    static SharedLevel shared(Popularity popularity, double sharedBytes) {
        double c1 = sharedBytes / PAGE_BYTES;
        double[] count = popularity.count;
        double[] p = popularity.p;
        double t1 = Che.characteristicTime(count, p, c1);
        double[] missRate = new double[count.length];
        double hit1 = 0;
        double miss1 = 0;
        for (int b = 0; b < count.length; b++) {
            double h = Che.hit(p[b], t1);
            hit1 += count[b] * p[b] * h;
            missRate[b] = p[b] * (1 - h);
            miss1 += count[b] * missRate[b];
        }
        if (t1 == Double.POSITIVE_INFINITY) {
            // everything fits: exactly 1, not a sum of rounded shares
            return new SharedLevel(popularity, 1, missRate, 0, c1);
        }
        return new SharedLevel(popularity, clamp01(hit1), missRate, miss1, c1);
    }

    /** Level 2 behind a solved level 1. */
    static Result solve(SharedLevel l1, double osCacheBytes) {
        double c2 = Math.max(0, osCacheBytes) / PAGE_BYTES;
        double[] count = l1.popularity().count;
        double[] missRate = l1.missRate();
        double osHit;
        if (l1.missShare() <= 0) {
            osHit = 1;
        } else {
            double t2 = Che.characteristicTime(count, missRate, c2);
            double served = 0;
            for (int b = 0; b < count.length; b++) {
                served += count[b] * missRate[b] * Che.hit(missRate[b], t2);
            }
            osHit = clamp01(served / l1.missShare());
        }
        double hitRatio = l1.hitRatio();
        return new Result(hitRatio, osHit, (1 - hitRatio) * (1 - osHit), l1.popularity().pages, l1.sharedPages(), c2);
    }

    static double clamp01(double v) {
        return Math.max(0, Math.min(1, v));
    }
}
