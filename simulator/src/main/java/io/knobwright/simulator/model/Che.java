package io.knobwright.simulator.model;

/**
 * Che's approximation of an LRU-like cache (Che, Tung &amp; Wang 2002; Fricker, Robert &amp; Roberts, arXiv:1202.3974
 * on why it is accurate): a cache of C pages keeps a page requested at rate λ with probability 1 − e^(−λT), where
 * the characteristic time T solves Σ(1 − e^(−λ_i·T)) = C. Clock sweep and the kernel's two LRU lists are not exact
 * LRU; the workload's effective skew absorbs the difference when it is fitted to a measured hit ratio.
 */
final class Che {

    private static final double RELATIVE_PRECISION = 1e-10;
    private static final int MAX_STEPS = 200;

    private Che() {
    }

    /**
     * @param count    pages per bucket
     * @param rate     request rate of each page in the bucket (any unit)
     * @param capacity cache size in pages
     * @return the characteristic time T (infinite when everything fits, 0 when the cache is empty)
     */
    static double characteristicTime(double[] count, double[] rate, double capacity) {
        double distinct = 0;
        double totalRate = 0;
        for (int b = 0; b < count.length; b++) {
            if (rate[b] > 0) {
                distinct += count[b];
                totalRate += count[b] * rate[b];
            }
        }
        if (capacity >= distinct) {
            return Double.POSITIVE_INFINITY;
        }
        if (capacity <= 0 || totalRate <= 0) {
            return 0;
        }
        return timeToReach(count, rate, 0, capacity);
    }

    /**
     * The t at which linear·t + Σ count·(1 − e^(−rate·t)) reaches target, for a reachable target &gt; 0. The left
     * side is concave and grows no faster than t·(linear + Σ count·rate): Newton's method started from that lower
     * bound stays left of the root and climbs to it monotonically, in a handful of steps.
     */
    static double timeToReach(double[] count, double[] rate, double linear, double target) {
        double totalRate = linear;
        for (int b = 0; b < count.length; b++) {
            totalRate += count[b] * rate[b];
        }
        double t = target / totalRate;
        for (int i = 0; i < MAX_STEPS; i++) {
            double f = linear * t;
            double slope = linear;
            for (int b = 0; b < count.length; b++) {
                double e = Math.exp(-rate[b] * t);
                f += count[b] * (1 - e);
                slope += count[b] * rate[b] * e;
            }
            if (slope <= 0) {
                break;
            }
            double step = (target - f) / slope;
            t += step;
            if (step <= t * RELATIVE_PRECISION) {
                break;
            }
        }
        return t;
    }

    /** Expected distinct pages requested within time T: the cache's occupancy, or pages touched in an interval. */
    static double occupancy(double[] count, double[] rate, double t) {
        double s = 0;
        for (int b = 0; b < count.length; b++) {
            s += count[b] * hit(rate[b], t);
        }
        return s;
    }

    static double hit(double rate, double t) {
        if (t == Double.POSITIVE_INFINITY) {
            return rate > 0 ? 1 : 0;
        }
        double x = rate * t;
        // expm1 keeps precision for tiny x; Math.exp is an intrinsic and several times faster elsewhere
        return x < 1e-4 ? -Math.expm1(-x) : 1 - Math.exp(-x);
    }
}
