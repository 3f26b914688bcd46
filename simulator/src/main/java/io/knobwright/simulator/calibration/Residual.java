package io.knobwright.simulator.calibration;

/**
 * The learned correction δ of the base model's log throughput, as a function of standardised features: what it adds
 * (in log space) and how sure it is.
 */
sealed interface Residual permits BayesLinearResidual, GaussianProcessResidual {

    /** δ's posterior at one point: mean and variance, both in log space. */
    record Posterior(double mean, double variance) {
    }

    Posterior at(double[] z);

    /** In words, for the explanation: "Bayesian linear model", "Gaussian process". */
    String kind();
}
