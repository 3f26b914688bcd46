package io.knobwright.simulator.model;

/**
 * One predicted number with its 80% interval: the truth falls in [low, high] four times in five, if the model is
 * as good as its calibration says.
 */
public record Estimate(double mean, double low, double high) {

    public Estimate {
        if (!Double.isFinite(mean) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("An estimate is finite: " + mean + " [" + low + ", " + high + "]");
        }
        if (low > mean || high < mean) {
            throw new IllegalArgumentException("An interval holds its mean: " + mean + " [" + low + ", " + high + "]");
        }
    }

    /** A number the model is sure of (a mechanism's direct arithmetic, before any calibration). */
    public static Estimate exact(double value) {
        return new Estimate(value, value, value);
    }

    /** An interval of relative half-width {@code relative} in log space: [mean/(1+r), mean*(1+r)]. */
    public static Estimate relative(double mean, double relative) {
        if (!(relative >= 0)) {
            throw new IllegalArgumentException("A relative width is not negative: " + relative);
        }
        return mean >= 0 ? new Estimate(mean, mean / (1 + relative), mean * (1 + relative))
                : new Estimate(mean, mean * (1 + relative), mean / (1 + relative));
    }

    public boolean covers(double measured) {
        return measured >= low && measured <= high;
    }
}
