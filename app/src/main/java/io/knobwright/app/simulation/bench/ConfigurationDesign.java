package io.knobwright.app.simulation.bench;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * The bench's configurations: PostgreSQL's defaults (4 clients), then a Latin hypercube over shared_buffers (16 MB -
 * 1 GB), work_mem (1 - 256 MB), max_wal_size (64 MB - 4 GB) and checkpoint_timeout (30 s - 15 min), all log-uniform,
 * synchronous_commit (on/off) and clients (1-8). A hypercube puts exactly one point in each of n slices of every
 * range, so every setting is spread over its whole range whatever the others do; the seed fixes it, and the same
 * design serves every workload (it is not chosen per workload). The calibration set is the defaults plus the points
 * farthest from each other (greedy max-min distance in the unit cube): the extremes, which a model must span.
 */
final class ConfigurationDesign {

    static final long SEED = 20261206L;

    private ConfigurationDesign() {
    }

    static List<BenchConfiguration> design(int total, int calibration, long seed) {
        if (total < 2 || calibration < 1 || calibration >= total) {
            throw new IllegalArgumentException("A design has at least one calibration and one predicted configuration");
        }
        int n = total - 1;
        SplittableRandom random = new SplittableRandom(seed);
        int dims = 6;
        double[][] unit = new double[n][dims];
        for (int d = 0; d < dims; d++) {
            int[] perm = permutation(n, random);
            for (int i = 0; i < n; i++) {
                unit[i][d] = (perm[i] + random.nextDouble()) / n;
            }
        }
        List<double[]> points = new ArrayList<>();
        points.add(defaultsInUnitCube());
        for (double[] u : unit) {
            points.add(u);
        }
        List<Integer> chosen = new ArrayList<>(List.of(0));
        while (chosen.size() < calibration) {
            int best = -1;
            double bestDistance = -1;
            for (int i = 1; i < points.size(); i++) {
                if (chosen.contains(i)) {
                    continue;
                }
                double nearest = Double.MAX_VALUE;
                for (int c : chosen) {
                    nearest = Math.min(nearest, distance(points.get(i), points.get(c)));
                }
                if (nearest > bestDistance) {
                    bestDistance = nearest;
                    best = i;
                }
            }
            chosen.add(best);
        }
        List<BenchConfiguration> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            String name = i == 0 ? "defaults" : String.format(Locale.ROOT, "c%02d", i);
            out.add(fromUnit(name, points.get(i), chosen.contains(i)));
        }
        return out;
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
