package io.knobwright.app.simulation.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bench's configurations over shared_buffers (16 MB - 1 GB), work_mem (1 - 256 MB), max_wal_size (64 MB - 4 GB)
 * and checkpoint_timeout (30 s - 15 min), all log-uniform, synchronous_commit (on/off) and clients (1-8); the same
 * design serves every workload (it is not chosen per workload), and a fixed seed fixes it.
 * <ul>
 * <li>Calibration: PostgreSQL's defaults (4 clients) and a Latin hypercube of the others whose levels include both
 * ends of every range (i / (k - 1)): each setting, clients included, is calibrated at its smallest and largest value,
 * so 1 client and more clients than cores are measured before anything is predicted.</li>
 * <li>Predicted: a Latin hypercube at the centres of m slices ((i + 1/2) / m): every predicted value of every setting
 * lies between two calibrated ones, and the predictions spread over the whole ranges.</li>
 * </ul>
 * Each hypercube is the most spread-out (largest smallest distance between its points, the calibration's counted with
 * the defaults) of {@value #CANDIDATES} random ones: a maximin Latin hypercube. An earlier design drew one hypercube for
 * all and calibrated on its points farthest apart, which left 1 client and the widest settings to prediction only.
 */
final class ConfigurationDesign {

    static final long SEED = 20261206L;
    static final int CANDIDATES = 400;
    private static final int DIMS = 6;

    private ConfigurationDesign() {
    }

    static List<BenchConfiguration> design(int total, int calibration, long seed) {
        if (total < 2 || calibration < 1 || calibration >= total) {
            throw new IllegalArgumentException("A design has at least one calibration and one predicted configuration");
        }
        SplittableRandom random = new SplittableRandom(seed);
        int k = calibration - 1;
        List<double[]> calibrated = new ArrayList<>();
        calibrated.add(defaultsInUnitCube());
        if (k > 0) {
            calibrated.addAll(maximin(k, i -> k == 1 ? 0.5 : (double) i / (k - 1), random, defaultsInUnitCube()));
        }
        int m = total - calibration;
        List<double[]> predicted = maximin(m, i -> (i + 0.5) / m, random, null);
        List<BenchConfiguration> out = new ArrayList<>();
        for (int i = 0; i < calibrated.size(); i++) {
            out.add(fromUnit(i == 0 ? "defaults" : String.format(Locale.ROOT, "c%02d", i), calibrated.get(i), true));
        }
        for (int i = 0; i < predicted.size(); i++) {
            out.add(fromUnit(String.format(Locale.ROOT, "c%02d", calibrated.size() + i), predicted.get(i), false));
        }
        return out;
    }

    /** The maximin of {@value #CANDIDATES} Latin hypercubes of n points at {@code level}(0..n-1) in every dimension. */
    private static List<double[]> maximin(int n, java.util.function.IntToDoubleFunction level, SplittableRandom random,
                                          double[] fixed) {
        List<double[]> best = null;
        double bestScore = -1;
        for (int candidate = 0; candidate < CANDIDATES; candidate++) {
            double[][] unit = new double[n][DIMS];
            for (int d = 0; d < DIMS; d++) {
                int[] perm = permutation(n, random);
                for (int i = 0; i < n; i++) {
                    unit[i][d] = level.applyAsDouble(perm[i]);
                }
            }
            List<double[]> points = new ArrayList<>(List.of(unit));
            List<double[]> scored = new ArrayList<>(points);
            if (fixed != null) {
                scored.add(fixed);
            }
            double score = minimumDistance(scored);
            if (score > bestScore) {
                bestScore = score;
                best = points;
            }
        }
        return best;
    }

    private static double minimumDistance(List<double[]> points) {
        double min = Double.MAX_VALUE;
        for (int i = 0; i < points.size(); i++) {
            for (int j = i + 1; j < points.size(); j++) {
                min = Math.min(min, distance(points.get(i), points.get(j)));
            }
        }
        return points.size() < 2 ? 0 : min;
    }

    private static BenchConfiguration fromUnit(String name, double[] u, boolean calibration) {
        Map<String, String> s = new LinkedHashMap<>();
        s.put("shared_buffers", megabytes(logScale(u[0], 16, 1024)));
        s.put("work_mem", megabytes(logScale(u[1], 1, 256)));
        long wal = logScale(u[2], 64, 4096);
        s.put("max_wal_size", megabytes(wal));
        s.put("min_wal_size", megabytes(Math.min(80, wal)));
        s.put("checkpoint_timeout", logScale(u[3], 30, 900) + "s");
        s.put("synchronous_commit", u[4] < 0.5 ? "off" : "on");
        int clients = 1 + (int) Math.min(7, Math.floor(u[5] * 8));
        return new BenchConfiguration(name, s, clients, calibration);
    }

    /** The unit-cube point whose settings are PostgreSQL's defaults and 4 clients. */
    private static double[] defaultsInUnitCube() {
        return new double[] {inverseLog(128, 16, 1024), inverseLog(4, 1, 256), inverseLog(1024, 64, 4096),
                inverseLog(300, 30, 900), 0.75, 3.5 / 8};
    }

    static long logScale(double u, double lo, double hi) {
        return Math.round(Math.exp(Math.log(lo) + u * (Math.log(hi) - Math.log(lo))));
    }

    private static double inverseLog(double v, double lo, double hi) {
        return (Math.log(v) - Math.log(lo)) / (Math.log(hi) - Math.log(lo));
    }

    private static String megabytes(long mb) {
        return mb + "MB";
    }

    private static double distance(double[] a, double[] b) {
        double s = 0;
        for (int i = 0; i < a.length; i++) {
            s += (a[i] - b[i]) * (a[i] - b[i]);
        }
        return Math.sqrt(s);
    }

    private static int[] permutation(int n, SplittableRandom random) {
        int[] p = new int[n];
        for (int i = 0; i < n; i++) {
            p[i] = i;
        }
        for (int i = n - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = p[i];
            p[i] = p[j];
            p[j] = t;
        }
        return p;
    }
}
