package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.Estimate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The arithmetic of the bench's verdicts, apart from any server: medians and noise of replicates, the error of a
 * prediction, and whether it got the direction of a change right.
 *
 * <p>Direction is judged against the defaults' configuration of the same workload. A measured change is "no
 * difference" when it is smaller than the noise threshold: twice the standard error of the difference between a
 * configuration's median and the defaults' median, from the workload's pooled run-to-run CV (the median of n runs has
 * a standard error of about 1.25 CV / sqrt(n); the defaults, a calibration configuration, have more runs than a
 * held-out one, decision 0161). A prediction is right when the measured change is beyond the noise and the predicted change
 * has its sign, or when the measured change is within the noise and so is the predicted one (decision 0148). So
 * predicting +30% where nothing measurable happened is wrong, and predicting +3% where +20% was measured is right
 * about the direction (its size is the MAPE's business). The stricter reading (the predicted change must also
 * pass the threshold) is counted beside it, not judged.
 */
final class BenchFigures {

    private BenchFigures() {
    }

    enum Direction { UP, DOWN, NONE;

        static Direction of(double ratio, double threshold) {
            double change = Math.log(ratio);
            return change > threshold ? UP : change < -threshold ? DOWN : NONE;
        }

        String arrow() {
            return switch (this) {
                case UP -> "up";
                case DOWN -> "down";
                case NONE -> "none";
            };
        }
    }

    /** One configuration's replicates of a measure (tps, say). */
    record Replicates(double[] values) {
        Replicates {
            values = values.clone();
            if (values.length == 0) {
                throw new IllegalArgumentException("At least one replicate");
            }
        }

        double median() {
            double[] s = values.clone();
            Arrays.sort(s);
            int n = s.length;
            return n % 2 == 1 ? s[n / 2] : (s[n / 2 - 1] + s[n / 2]) / 2;
        }

        /** Coefficient of variation (sample sd / mean); 0 for one run. */
        double cv() {
            if (values.length < 2) {
                return 0;
            }
            double mean = Arrays.stream(values).average().orElseThrow();
            double ss = Arrays.stream(values).map(v -> (v - mean) * (v - mean)).sum();
            return Math.sqrt(ss / (values.length - 1)) / mean;
        }

        int n() {
            return values.length;
        }
    }

    /** A predicted configuration: prediction then measurement. */
    record Outcome(String configuration, Estimate predicted, Replicates measured) {
        Outcome {
            Objects.requireNonNull(predicted, "predicted");
            Objects.requireNonNull(measured, "measured");
        }

        double absolutePercentageError() {
            return Math.abs(predicted.mean() - measured.median()) / measured.median();
        }

        boolean covered() {
            return predicted.covers(measured.median());
        }
    }

    /** Pooled CV: the root mean square of the configurations' CVs (each configuration weighs the same). */
    static double pooledCv(List<Replicates> all) {
        double s = 0;
        int k = 0;
        for (Replicates r : all) {
            if (r.n() > 1) {
                s += r.cv() * r.cv();
                k++;
            }
        }
        return k == 0 ? 0 : Math.sqrt(s / k);
    }

    /**
     * Log-space threshold below which a change between a median of {@code n} runs and one of {@code reference} runs
     * is no difference: twice the standard error of their difference (a median's is 1.2533 times the mean's).
     */
    static double noiseThreshold(double pooledCv, int n, int reference) {
        double seMedian = 1.2533 * pooledCv;
        return 2 * seMedian * Math.sqrt(1.0 / Math.max(1, n) + 1.0 / Math.max(1, reference));
    }

    /**
     * The figures of a set of outcomes against one reference (the defaults).
     *
     * @param strictRight directions right when the predicted change must also pass the noise threshold (not judged)
     */
    record Summary(int predicted, double mape, double coverage, int directionRight, int directions, double noiseCv,
                   double threshold, int strictRight) {
        double directionShare() {
            return directions == 0 ? Double.NaN : (double) directionRight / directions;
        }
    }

    static boolean directionRight(Outcome o, Estimate predictedDefaults, double measuredDefaults, double threshold) {
        return directionRight(o.predicted().mean() / predictedDefaults.mean(), o.measured().median() / measuredDefaults,
                threshold);
    }

    /** The sign of a change measured beyond the noise, or no change either side of the noise (see the class comment). */
    static boolean directionRight(double predictedRatio, double measuredRatio, double threshold) {
        double predicted = Math.log(predictedRatio);
        return switch (Direction.of(measuredRatio, threshold)) {
            case UP -> predicted > 0;
            case DOWN -> predicted < 0;
            case NONE -> Math.abs(predicted) <= threshold;
        };
    }

    /** Both changes classified with the noise threshold and the classes equal (decision 0142's rule). */
    static boolean strictlyRight(Outcome o, Estimate predictedDefaults, double measuredDefaults, double threshold) {
        return Direction.of(o.predicted().mean() / predictedDefaults.mean(), threshold)
                == Direction.of(o.measured().median() / measuredDefaults, threshold);
    }

    static Summary summarise(List<Outcome> outcomes, Estimate predictedDefaults, double measuredDefaults,
                             double noiseCv, double threshold) {
        double ape = 0;
        int covered = 0;
        int right = 0;
        int strict = 0;
        for (Outcome o : outcomes) {
            ape += o.absolutePercentageError();
            covered += o.covered() ? 1 : 0;
            right += directionRight(o, predictedDefaults, measuredDefaults, threshold) ? 1 : 0;
            strict += strictlyRight(o, predictedDefaults, measuredDefaults, threshold) ? 1 : 0;
        }
        int n = outcomes.size();
        return new Summary(n, n == 0 ? Double.NaN : ape / n, n == 0 ? Double.NaN : (double) covered / n, right, n,
                noiseCv, threshold, strict);
    }
}
