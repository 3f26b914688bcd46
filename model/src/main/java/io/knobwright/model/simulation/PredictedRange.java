package io.knobwright.model.simulation;

/**
 * A predicted number as it is kept with a plan: the mean and its 80% interval. The simulator's own Estimate lives a
 * module above the model, so the store keeps this plain copy of it.
 */
public record PredictedRange(double mean, double low, double high) {

    public PredictedRange {
        if (!Double.isFinite(mean) || !Double.isFinite(low) || !Double.isFinite(high)) {
            throw new IllegalArgumentException("A predicted range is finite: " + mean + " [" + low + ", " + high + "]");
        }
        if (low > mean || high < mean) {
            throw new IllegalArgumentException("A predicted range holds its mean: " + mean + " [" + low + ", " + high + "]");
        }
    }

    /** Whether the two intervals overlap: then the model cannot tell the two apart. */
    public boolean overlaps(PredictedRange other) {
        return low <= other.high && other.low <= high;
    }

    /** The relative change of the mean from {@code before} to this (0.12 = 12% more); 0 when before is 0. */
    public double changeFrom(PredictedRange before) {
        return before.mean == 0 ? 0 : (mean - before.mean) / before.mean;
    }
}
