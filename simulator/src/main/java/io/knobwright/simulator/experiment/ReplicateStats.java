package io.knobwright.simulator.experiment;

import java.util.Arrays;
import java.util.List;

/**
 * What replicated runs of one configuration measured: their median, an 80% interval of that median, and the
 * run-to-run noise.
 * <ul>
 * <li>The interval comes from order statistics where they reach 80% (four runs or more: the narrowest pair of
 *     ranks symmetric about the middle with binomial coverage ≥ 80%, exact and free of any assumed shape). Two or
 *     three runs cannot give 80% that way (three cover 75% at most), so there it is the median ± 1.28 of its
 *     standard error, 1.25 s/√n as for a normal sample. One run has no interval.</li>
 * <li>Noise is (p90 − p10) / 2 / median of the runs (linear interpolation between ranks), the share that one run
 *     strays either way four times in five; 0 with one run.</li>
 * </ul>
 *
 * @param low  lower end of the median's 80% interval (not below 0)
 * @param high upper end
 */
public record ReplicateStats(int runs, double median, double low, double high, double noise) {

    private static final double Z80 = 1.2815515655446004;

    public ReplicateStats {
        if (runs < 1) {
            throw new IllegalArgumentException("Statistics need at least one run");
        }
        if (!(low <= median) || !(median <= high) || !(noise >= 0)) {
            throw new IllegalArgumentException("A median lies in its interval and noise is not negative: " + median
                    + " [" + low + ", " + high + "], noise " + noise);
        }
    }

    public static ReplicateStats of(List<Double> tps) {
        return of(tps.stream().mapToDouble(Double::doubleValue).toArray());
    }

    /** @throws IllegalArgumentException with no run, or with a throughput that is negative or not finite */
    public static ReplicateStats of(double... tps) {
        if (tps.length == 0) {
            throw new IllegalArgumentException("Statistics need at least one run");
        }
        double[] x = tps.clone();
        for (double v : x) {
            if (!(v >= 0) || Double.isInfinite(v)) {
                throw new IllegalArgumentException("A run's throughput is finite and not negative: " + v);
            }
        }
        Arrays.sort(x);
        int n = x.length;
        double median = quantile(x, 0.5);
        double noise = n == 1 || median == 0 ? 0 : (quantile(x, 0.9) - quantile(x, 0.1)) / 2 / median;
        double low;
        double high;
        if (n == 1) {
            low = median;
            high = median;
        } else if (n <= 3) {
            double mean = Arrays.stream(x).average().orElseThrow();
            double ss = Arrays.stream(x).map(v -> (v - mean) * (v - mean)).sum();
            double se = 1.2533 * Math.sqrt(ss / (n - 1)) / Math.sqrt(n);
            low = Math.max(0, Math.min(median, median - Z80 * se));
            high = Math.max(median, median + Z80 * se);
        } else {
            int k = orderStatisticRank(n);
            low = Math.min(median, x[k]);
            high = Math.max(median, x[n - 1 - k]);
        }
        return new ReplicateStats(n, median, low, high, noise);
    }

    /** The largest 0-based rank k such that [x(k), x(n-1-k)] covers the median with probability ≥ 80%. */
    static int orderStatisticRank(int n) {
        int best = 0;
        for (int k = 0; k < n / 2; k++) {
            // P(x(k) ≤ median ≤ x(n-1-k)) = 1 - 2 P(Binomial(n, 1/2) ≤ k)
            if (1 - 2 * binomialCdf(n, k) >= 0.8) {
                best = k;
            } else {
                break;
            }
        }
        return best;
    }

    private static double binomialCdf(int n, int k) {
        double sum = 0;
        double term = Math.pow(0.5, n);
        for (int i = 0; i <= k; i++) {
            sum += term;
            term = term * (n - i) / (i + 1);
        }
        return sum;
    }

    /** Linear interpolation between ranks (R's type 7). */
    private static double quantile(double[] sorted, double p) {
        double h = (sorted.length - 1) * p;
        int lo = (int) Math.floor(h);
        int hi = Math.min(sorted.length - 1, lo + 1);
        return sorted[lo] + (h - lo) * (sorted[hi] - sorted[lo]);
    }
}
