package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.Estimate;

import java.util.Arrays;
import java.util.List;
import java.util.Objects;

/**
 * The arithmetic of the bench's verdicts, apart from any server: medians and noise of replicates, the error of a
 * prediction, and whether it got the direction of a change right.
 *
 * <p>Direction is judged against the defaults' configuration of the same workload. A change is "no difference" when
 * it is smaller than the noise threshold: twice the standard error of a difference of two medians of n runs, from
 * the workload's pooled run-to-run CV (the median of n runs has a standard error of about 1.25 CV / sqrt(n)). The
 * predicted change is classified with the same threshold, so a model that predicts a 3% change where the noise is
 * 20% is right to call it none, and one that predicts +30% where nothing measurable happened is wrong.
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

    /** Log-space threshold below which a change between two medians of {@code n} runs is no difference. */
    static double noiseThreshold(double pooledCv, int n) {
        double seMedian = 1.2533 * pooledCv / Math.sqrt(Math.max(1, n));
        return 2 * Math.sqrt(2) * seMedian;
    }

    /** The figures of a set of outcomes against one reference (the defaults). */
    record Summary(int predicted, double mape, double coverage, int directionRight, int directions, double noiseCv,
                   double threshold) {
        double directionShare() {
            return directions == 0 ? Double.NaN : (double) directionRight / directions;
        }
    }

    static boolean directionRight(Outcome o, Estimate predictedDefaults, double measuredDefaults, double threshold) {
        Direction predicted = Direction.of(o.predicted().mean() / predictedDefaults.mean(), threshold);
        Direction measured = Direction.of(o.measured().median() / measuredDefaults, threshold);
        return predicted == measured;
    }

    static Summary summarise(List<Outcome> outcomes, Estimate predictedDefaults, double measuredDefaults,
                             double noiseCv, double threshold) {
        double ape = 0;
        int covered = 0;
        int right = 0;
        for (Outcome o : outcomes) {
            ape += o.absolutePercentageError();
            covered += o.covered() ? 1 : 0;
            right += directionRight(o, predictedDefaults, measuredDefaults, threshold) ? 1 : 0;
        }
        int n = outcomes.size();
        return new Summary(n, n == 0 ? Double.NaN : ape / n, n == 0 ? Double.NaN : (double) covered / n, right, n,
                noiseCv, threshold);
    }
}
