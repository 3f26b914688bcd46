package io.knobwright.simulator.calibration;

import io.knobwright.simulator.model.Estimate;

import java.util.List;
import java.util.Locale;

/**
 * How well a calibrated model predicts runs it was not fitted on (leave-one-out), the figures the screen shows next
 * to each prediction.
 *
 * @param n              measured runs
 * @param mape           mean absolute percentage error of throughput (0.08 = 8%), NaN with fewer than 3 runs
 * @param coverage80     share of the left-out measurements inside the predicted 80% interval, NaN with fewer than 3
 * @param directionRight share of left-out runs whose change from the reference (up, down, or no difference when
 *                       smaller than the noise) the model called right, NaN with fewer than 3
 * @param points         each left-out run: what was measured and what the model fitted on the others predicted
 */
public record HeldOutError(int n, double mape, double coverage80, double directionRight, List<Point> points) {

    /** Fewer runs leave too little to fit after one is taken out. */
    public static final int MIN_POINTS = 3;

    /**
     * One left-out run.
     *
     * @param referenceTps          the reference run's measured throughput, NaN for the reference itself
     * @param predictedReferenceTps what the same fold predicted for the reference, NaN for the reference itself
     * @param noise                 the relative run-to-run noise below which a change counts as none
     */
    public record Point(String scenario, double measuredTps, Estimate predictedTps, double referenceTps,
                        double predictedReferenceTps, double noise) {

        public double absolutePercentageError() {
            return Math.abs(predictedTps.mean() - measuredTps) / measuredTps;
        }

        public boolean covered() {
            return predictedTps.covers(measuredTps);
        }

        /** Whether the predicted change from the reference has the measured one's direction; false for the reference. */
        public boolean directionRight() {
            if (!Double.isFinite(referenceTps)) {
                return false;
            }
            return direction(measuredTps / referenceTps - 1) == direction(predictedTps.mean() / predictedReferenceTps - 1);
        }

        boolean hasDirection() {
            return Double.isFinite(referenceTps);
        }

        private int direction(double change) {
            return Math.abs(change) <= noise ? 0 : (int) Math.signum(change);
        }
    }

    public HeldOutError {
        points = List.copyOf(points);
    }

    static HeldOutError tooFew(int n) {
        return new HeldOutError(n, Double.NaN, Double.NaN, Double.NaN, List.of());
    }

    static HeldOutError of(List<Point> points) {
        double ape = points.stream().mapToDouble(Point::absolutePercentageError).average().orElse(Double.NaN);
        double covered = points.stream().filter(Point::covered).count() / (double) points.size();
        List<Point> changes = points.stream().filter(Point::hasDirection).toList();
        double right = changes.isEmpty() ? Double.NaN
                : changes.stream().filter(Point::directionRight).count() / (double) changes.size();
        return new HeldOutError(points.size(), ape, covered, right, points);
    }

    /** One sentence for the screen and the CLI. */
    public String summary() {
        if (!Double.isFinite(mape)) {
            return n + (n == 1 ? " measured run" : " measured runs") + ": held-out error needs at least " + MIN_POINTS;
        }
        return String.format(Locale.ROOT, "held out over %d runs: throughput off by %.0f%% on average, "
                        + "80%% intervals held %.0f%% of the measurements, direction of change right in %.0f%%",
                n, mape * 100, coverage80 * 100, directionRight * 100);
    }
}
