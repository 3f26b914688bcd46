package io.knobwright.simulator.calibration;

/**
 * δ(z) = w₀ + wᵀz with a Gaussian prior on the weights, solved in closed form: the correction for fewer than eight
 * calibration points. The prior carries the base model's own uncertainty (the intercept's standard deviation) and
 * keeps the slopes small (half of it, shared among the features), so three points move the level of the predictions
 * but cannot make the correction chase their noise.
 */
final class BayesLinearResidual implements Residual {

    /** Roughness of the model beyond the measured noise: no point is trusted to better than 3%. */
    static final double NUGGET = 0.03;

    private final double[] weights;
    private final Cholesky precision;

    private BayesLinearResidual(double[] weights, Cholesky precision) {
        this.weights = weights;
        this.precision = precision;
    }

    /**
     * @param z        standardised features, one row per point
     * @param r        log measured − log predicted, per point
     * @param noiseVar the variance of each point's log measurement (replicates' noise)
     * @param priorSd  the prior standard deviation of the correction's level, in log space
     */
    static BayesLinearResidual fit(double[][] z, double[] r, double[] noiseVar, double priorSd) {
        int d = z.length == 0 ? 0 : z[0].length;
        int p = d + 1;
        double slopeSd = 0.5 * priorSd / Math.sqrt(Math.max(1, d));
        double[][] a = new double[p][p];
        double[] b = new double[p];
        a[0][0] = 1 / (priorSd * priorSd);
        for (int j = 1; j < p; j++) {
            a[j][j] = 1 / (slopeSd * slopeSd);
        }
        for (int i = 0; i < r.length; i++) {
            double[] x = design(z[i]);
            double w = 1 / (noiseVar[i] + NUGGET * NUGGET);
            for (int j = 0; j < p; j++) {
                b[j] += w * x[j] * r[i];
                for (int k = 0; k < p; k++) {
                    a[j][k] += w * x[j] * x[k];
                }
            }
        }
        Cholesky c = Cholesky.of(a);
        return new BayesLinearResidual(c.solve(b), c);
    }

    private static double[] design(double[] z) {
        double[] x = new double[z.length + 1];
        x[0] = 1;
        System.arraycopy(z, 0, x, 1, z.length);
        return x;
    }

    @Override
    public Posterior at(double[] z) {
        double[] x = design(z);
        double[] v = precision.forward(x);
        return new Posterior(Cholesky.dot(weights, x), Cholesky.dot(v, v));
    }

    @Override
    public String kind() {
        return "Bayesian linear model";
    }
}
