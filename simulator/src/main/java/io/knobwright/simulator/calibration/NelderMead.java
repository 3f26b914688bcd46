package io.knobwright.simulator.calibration;

import java.util.Arrays;
import java.util.function.ToDoubleFunction;

/**
 * Derivative-free minimisation (Nelder and Mead's simplex, with the usual reflection 1, expansion 2, contraction 1/2
 * and shrink 1/2). Hand-written rather than taken from commons-math3: about sixty lines, and the calibration needs
 * nothing else from that library (decision 0137). The objectives here have at most a dozen dimensions and are cheap
 * next to a model's prediction, so the budget is counted in evaluations.
 */
final class NelderMead {

    /** The best point found and its value. */
    record Minimum(double[] point, double value, int evaluations) {
    }

    private NelderMead() {
    }

    /**
     * @param step     the initial simplex's edge along each axis
     * @param maxEvals evaluations allowed; the search stops earlier when the simplex's values agree within {@code tol}
     */
    static Minimum minimize(ToDoubleFunction<double[]> f, double[] start, double step, int maxEvals, double tol) {
        int n = start.length;
        if (n == 0) {
            return new Minimum(new double[0], f.applyAsDouble(start), 1);
        }
        double[][] simplex = new double[n + 1][];
        double[] values = new double[n + 1];
        simplex[0] = start.clone();
        for (int i = 0; i < n; i++) {
            simplex[i + 1] = start.clone();
            simplex[i + 1][i] += step;
        }
        int evals = 0;
        for (int i = 0; i <= n; i++) {
            values[i] = safe(f.applyAsDouble(simplex[i]));
            evals++;
        }
        while (evals < maxEvals) {
            sort(simplex, values);
            if (Math.abs(values[n] - values[0]) <= tol * (Math.abs(values[0]) + tol) && spread(simplex) < 1e-7) {
                break;
            }
            double[] centroid = new double[n];
            for (int i = 0; i < n; i++) {
                for (int j = 0; j < n; j++) {
                    centroid[j] += simplex[i][j] / n;
                }
            }
            double[] reflected = along(centroid, simplex[n], -1);
            double fr = safe(f.applyAsDouble(reflected));
            evals++;
            if (fr < values[0]) {
                double[] expanded = along(centroid, simplex[n], -2);
                double fe = safe(f.applyAsDouble(expanded));
                evals++;
                replaceWorst(simplex, values, fe < fr ? expanded : reflected, Math.min(fe, fr));
            } else if (fr < values[n - 1]) {
                replaceWorst(simplex, values, reflected, fr);
            } else {
                boolean outside = fr < values[n];
                double[] contracted = outside ? along(centroid, simplex[n], -0.5) : along(centroid, simplex[n], 0.5);
                double fc = safe(f.applyAsDouble(contracted));
                evals++;
                if (fc < Math.min(fr, values[n])) {
                    replaceWorst(simplex, values, contracted, fc);
                } else {
                    for (int i = 1; i <= n; i++) {
                        for (int j = 0; j < n; j++) {
                            simplex[i][j] = simplex[0][j] + 0.5 * (simplex[i][j] - simplex[0][j]);
                        }
                        values[i] = safe(f.applyAsDouble(simplex[i]));
                        evals++;
                    }
                }
            }
        }
        sort(simplex, values);
        return new Minimum(simplex[0], values[0], evals);
    }

    /** centroid + t (worst - centroid): t = -1 reflects, -2 expands, ±1/2 contracts. */
    private static double[] along(double[] centroid, double[] worst, double t) {
        double[] p = new double[centroid.length];
        for (int j = 0; j < p.length; j++) {
            p[j] = centroid[j] + t * (worst[j] - centroid[j]);
        }
        return p;
    }

    private static void replaceWorst(double[][] simplex, double[] values, double[] point, double value) {
        simplex[simplex.length - 1] = point;
        values[values.length - 1] = value;
    }

    private static double spread(double[][] simplex) {
        double max = 0;
        for (int i = 1; i < simplex.length; i++) {
            for (int j = 0; j < simplex[0].length; j++) {
                max = Math.max(max, Math.abs(simplex[i][j] - simplex[0][j]));
            }
        }
        return max;
    }

    /** A model that fails far from its priors answers NaN; the simplex treats that as a very bad point. */
    private static double safe(double v) {
        return Double.isNaN(v) ? Double.MAX_VALUE : v;
    }

    private static void sort(double[][] simplex, double[] values) {
        Integer[] order = new Integer[values.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[][] s = new double[simplex.length][];
        double[] v = new double[values.length];
        for (int i = 0; i < order.length; i++) {
            s[i] = simplex[order[i]];
            v[i] = values[order[i]];
        }
        System.arraycopy(s, 0, simplex, 0, s.length);
        System.arraycopy(v, 0, values, 0, v.length);
    }
}
