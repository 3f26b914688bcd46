package io.knobwright.simulator.model;

/**
 * Zipf page popularity, discretised: pages ranked by popularity are grouped into at most {@link #MAX_BUCKETS}
 * buckets whose rank boundaries grow geometrically, so the few hot pages keep buckets of their own and the long cold
 * tail shares a few wide ones. Each bucket holds {@code count} pages of equal access probability {@code p} (the
 * bucket's mass over its pages); Σ count·p = 1.
 * <p>
 * Why buckets: Che's approximation sums over pages, and a terabyte is 10^8 pages. Within one geometric bucket the
 * popularity varies by a factor N^(α/B) (15% for 10^8 pages, α = 1, 128 buckets), which moves a hit ratio by far
 * less than the uncertainty of the skew itself.
 */
final class Popularity {

    static final int MAX_BUCKETS = 128;
    /** Ranks summed exactly before the integral takes over (the head of a Zipf law carries its mass in few pages). */
    private static final int EXACT_WIDTH = 8;

    final double[] count;
    final double[] p;
    final double pages;
    final double alpha;

    private Popularity(double[] count, double[] p, double pages, double alpha) {
        this.count = count;
        this.p = p;
        this.pages = pages;
        this.alpha = alpha;
    }

    /** @param pages how many pages (at least one), @param alpha Zipf exponent (0 uniform) */
    static Popularity zipf(double pages, double alpha) {
        double n = Math.max(1, Math.ceil(pages));
        long total = (long) n;
        double[] edges = new double[MAX_BUCKETS + 1];
        int k = 0;
        edges[0] = 1;
        for (int i = 1; i <= MAX_BUCKETS; i++) {
            double e = Math.min(total + 1, Math.max(edges[k] + 1, Math.round(Math.pow(total + 1, (double) i / MAX_BUCKETS))));
            if (e > edges[k]) {
                edges[++k] = e;
            }
            if (e >= total + 1) {
                break;
            }
        }
        int buckets = k;
        double[] count = new double[buckets];
        double[] mass = new double[buckets];
        double sum = 0;
        for (int b = 0; b < buckets; b++) {
            double lo = edges[b];
            double hi = edges[b + 1];
            count[b] = hi - lo;
            mass[b] = massOf(lo, hi, alpha);
            sum += mass[b];
        }
        double[] p = new double[buckets];
        for (int b = 0; b < buckets; b++) {
            p[b] = mass[b] / sum / count[b];
        }
        return new Popularity(count, p, n, alpha);
    }

    /** Σ i^-α for ranks lo (inclusive) to hi (exclusive). */
    private static double massOf(double lo, double hi, double alpha) {
        if (hi - lo <= EXACT_WIDTH) {
            double s = 0;
            for (double i = lo; i < hi; i++) {
                s += Math.pow(i, -alpha);
            }
            return s;
        }
        // midpoint rule in integral form: ∫ from lo-1/2 to hi-1/2 of x^-α dx
        double a = lo - 0.5;
        double b = hi - 0.5;
        if (Math.abs(alpha - 1) < 1e-9) {
            return Math.log(b / a);
        }
        return (Math.pow(b, 1 - alpha) - Math.pow(a, 1 - alpha)) / (1 - alpha);
    }

    int buckets() {
        return count.length;
    }
}
