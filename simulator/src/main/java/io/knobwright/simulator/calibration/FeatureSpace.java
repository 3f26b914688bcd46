package io.knobwright.simulator.calibration;

import io.knobwright.simulator.model.Prediction;

import java.util.ArrayList;
import java.util.List;
import java.util.TreeSet;

/**
 * The inputs of the learned correction: a prediction's physics features plus the log of its throughput, each through
 * asinh (miss ratios stay as they are, byte counts become logs, zero stays zero) and standardised over the calibration
 * points. A feature that does not vary over the points says nothing the intercept does not, and is left out. One
 * that varies only a little is scaled as if it varied by {@value #MIN_SD} (in asinh units, ~10%): standardised by its
 * own tiny spread, a scenario far from two or three runs would sit hundreds of units out and a slope learnt from noise
 * would swing its prediction to the correction's cap.
 */
final class FeatureSpace {

    static final String LOG_TPS = "log tps";
    static final double MIN_SD = 0.1;

    private final List<String> names;
    private final double[] means;
    private final double[] sds;

    private FeatureSpace(List<String> names, double[] means, double[] sds) {
        this.names = List.copyOf(names);
        this.means = means;
        this.sds = sds;
    }

    static FeatureSpace of(List<Prediction> training) {
        TreeSet<String> all = new TreeSet<>();
        training.forEach(p -> all.addAll(p.features().keySet()));
        List<String> candidates = new ArrayList<>(all);
        candidates.add(LOG_TPS);
        List<String> kept = new ArrayList<>();
        List<Double> means = new ArrayList<>();
        List<Double> sds = new ArrayList<>();
        for (String name : candidates) {
            double sum = 0;
            int count = 0;
            for (Prediction p : training) {
                double v = raw(p, name);
                if (Double.isFinite(v)) {
                    sum += v;
                    count++;
                }
            }
            if (count == 0) {
                continue;
            }
            double mean = sum / count;
            double ss = 0;
            for (Prediction p : training) {
                double v = raw(p, name);
                if (Double.isFinite(v)) {
                    ss += (v - mean) * (v - mean);
                }
            }
            double sd = Math.sqrt(ss / count);
            if (sd > 1e-9 * (1 + Math.abs(mean))) {
                kept.add(name);
                means.add(mean);
                sds.add(Math.max(sd, MIN_SD));
            }
        }
        return new FeatureSpace(kept, means.stream().mapToDouble(Double::doubleValue).toArray(),
                sds.stream().mapToDouble(Double::doubleValue).toArray());
    }

    private static double raw(Prediction p, String name) {
        if (name.equals(LOG_TPS)) {
            return Math.log(p.throughput().mean());
        }
        Double v = p.features().get(name);
        return v == null ? Double.NaN : asinh(v);
    }

    private static double asinh(double x) {
        return Math.signum(x) * Math.log(Math.abs(x) + Math.sqrt(x * x + 1));
    }

    /** The standardised inputs of one prediction; a feature it lacks sits at the points' mean (0). */
    double[] vector(Prediction p) {
        double[] z = new double[names.size()];
        for (int i = 0; i < z.length; i++) {
            double v = raw(p, names.get(i));
            z[i] = Double.isFinite(v) ? (v - means[i]) / sds[i] : 0;
        }
        return z;
    }

    int dimension() {
        return names.size();
    }

    List<String> names() {
        return names;
    }
}
