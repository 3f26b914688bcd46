package io.knobwright.simulator.calibration;

import java.util.Random;

/**
 * δ as a Gaussian process: the correction for eight or more calibration points. The kernel is Matérn-5/2 with one
 * length-scale per feature (ARD, as CherryPick used), plus a constant term whose variance is the base model's own
 * uncertainty (it marginalises an unknown level). Each point's measured run-to-run variance sits on the diagonal,
 * with a fitted nugget for roughness the features do not explain. Signal variance, length-scales and nugget maximise
 * the marginal likelihood under weak log-normal priors, from a few starts; the seed is fixed so a fit repeats.
 */
final class GaussianProcessResidual implements Residual {

    private static final double SQRT5 = Math.sqrt(5);
    private static final double LENGTH_PRIOR = Math.log(1.5);
    private static final double NUGGET_PRIOR = Math.log(0.02);
    static final int STARTS = 4;

    private final double[][] z;
    private final double[] alpha;
    private final Cholesky k;
    private final double signalVar;
    private final double levelVar;
    private final double[] lengths;

    private GaussianProcessResidual(double[][] z, double[] alpha, Cholesky k, double signalVar, double levelVar,
                                    double[] lengths) {
        this.z = z;
        this.alpha = alpha;
        this.k = k;
        this.signalVar = signalVar;
        this.levelVar = levelVar;
        this.lengths = lengths;
    }

    /** Same arguments as {@link BayesLinearResidual#fit}. */
    static GaussianProcessResidual fit(double[][] z, double[] r, double[] noiseVar, double priorSd) {
        int d = z[0].length;
        double levelVar = priorSd * priorSd;
        double signalPrior = Math.log(priorSd);
        // hyperparameters in log space: [log signal sd, log length-scales..., log nugget sd]
        java.util.function.ToDoubleFunction<double[]> objective = h -> {
            double penalty = 0.5 * sq(h[0] - signalPrior) + 0.5 * sq((h[d + 1] - NUGGET_PRIOR) / 1.5);
            for (int j = 1; j <= d; j++) {
                penalty += 0.5 * sq(h[j] - LENGTH_PRIOR);
            }
            try {
                return negLogMarginal(z, r, noiseVar, levelVar, h) + penalty;
            } catch (IllegalArgumentException notDefinite) {
                return Double.NaN;
            }
        };
        Random random = new Random(137);
        double[] best = null;
        double bestValue = Double.POSITIVE_INFINITY;
        for (int s = 0; s < STARTS; s++) {
            double[] start = new double[d + 2];
            start[0] = signalPrior + (s == 0 ? 0 : random.nextGaussian());
            for (int j = 1; j <= d; j++) {
                start[j] = LENGTH_PRIOR + (s == 0 ? 0 : random.nextGaussian());
            }
            start[d + 1] = NUGGET_PRIOR + (s == 0 ? 0 : random.nextGaussian());
            NelderMead.Minimum m = NelderMead.minimize(objective, start, 0.5, 120 * (d + 2), 1e-9);
            if (m.value() < bestValue) {
                bestValue = m.value();
                best = m.point();
            }
        }
        return build(z, r, noiseVar, levelVar, best);
    }

    private static GaussianProcessResidual build(double[][] z, double[] r, double[] noiseVar, double levelVar, double[] h) {
        int d = z[0].length;
        double signalVar = Math.exp(2 * h[0]);
        double[] lengths = new double[d];
        for (int j = 0; j < d; j++) {
            lengths[j] = Math.exp(h[j + 1]);
        }
        double nuggetVar = Math.exp(2 * h[d + 1]);
        Cholesky c = Cholesky.of(kernelMatrix(z, noiseVar, levelVar, signalVar, lengths, nuggetVar));
        return new GaussianProcessResidual(z, c.solve(r), c, signalVar, levelVar, lengths);
    }

    private static double negLogMarginal(double[][] z, double[] r, double[] noiseVar, double levelVar, double[] h) {
        int d = z[0].length;
        double[] lengths = new double[d];
        for (int j = 0; j < d; j++) {
            lengths[j] = Math.exp(h[j + 1]);
        }
        Cholesky c = Cholesky.of(kernelMatrix(z, noiseVar, levelVar, Math.exp(2 * h[0]), lengths, Math.exp(2 * h[d + 1])));
        double[] y = c.forward(r);
        return 0.5 * Cholesky.dot(y, y) + 0.5 * c.logDet() + 0.5 * r.length * Math.log(2 * Math.PI);
    }

    private static double[][] kernelMatrix(double[][] z, double[] noiseVar, double levelVar, double signalVar,
                                           double[] lengths, double nuggetVar) {
        int n = z.length;
        double[][] k = new double[n][n];
        for (int i = 0; i < n; i++) {
            for (int j = 0; j <= i; j++) {
                double v = levelVar + signalVar * matern(z[i], z[j], lengths);
                k[i][j] = v;
                k[j][i] = v;
            }
            k[i][i] += noiseVar[i] + nuggetVar;
        }
        return k;
    }

    static double matern(double[] a, double[] b, double[] lengths) {
        double s = 0;
        for (int j = 0; j < a.length; j++) {
            s += sq((a[j] - b[j]) / lengths[j]);
        }
        double r = Math.sqrt(s);
        return (1 + SQRT5 * r + 5 * s / 3) * Math.exp(-SQRT5 * r);
    }

    @Override
    public Posterior at(double[] x) {
        double[] kStar = new double[z.length];
        for (int i = 0; i < z.length; i++) {
            kStar[i] = levelVar + signalVar * matern(z[i], x, lengths);
        }
        double[] v = k.forward(kStar);
        double variance = Math.max(0, levelVar + signalVar - Cholesky.dot(v, v));
        return new Posterior(Cholesky.dot(kStar, alpha), variance);
    }

    @Override
    public String kind() {
        return "Gaussian process";
    }

    double[] lengthScales() {
        return lengths.clone();
    }

    private static double sq(double x) {
        return x * x;
    }
}
