package io.knobwright.simulator.calibration;

import io.knobwright.model.simulation.Observation;
import io.knobwright.simulator.model.Scenario;

import java.util.Objects;

/**
 * One measured configuration the calibration learns from: the scenario it ran, the median of its replicates, and
 * how noisy they were.
 *
 * @param measuredTps   median throughput of the replicates, above 0
 * @param measuredP95Ms median p95 latency, NaN when not measured (the fit reads throughput only)
 * @param noise         relative run-to-run spread ((p90 - p10) / 2 / median of the runs), 0 when unknown
 * @param replicates    runs the median is taken over
 */
public record CalibrationPoint(Scenario scenario, double measuredTps, double measuredP95Ms, double noise,
                               int replicates) {

    /**
     * The run-to-run noise assumed when a point cannot show its own (one run): the ±25% measured on the machines
     * the issue names. Assuming less would let a single lucky run pull the calibration.
     */
    public static final double UNKNOWN_NOISE = 0.25;
    /** No median is trusted to better than 2% per run, even when its replicates happened to agree. */
    static final double NOISE_FLOOR = 0.02;
    /** (p90 - p10) / 2 of a normal distribution, in standard deviations. */
    static final double Z80 = 1.2815515655446004;

    public CalibrationPoint {
        Objects.requireNonNull(scenario, "scenario");
        if (!(measuredTps > 0) || Double.isInfinite(measuredTps)) {
            throw new IllegalArgumentException("A calibration run measured a positive, finite throughput, not "
                    + measuredTps + " tps (" + scenario.name() + "): a run that completed nothing cannot calibrate");
        }
        if (!(noise >= 0) || Double.isInfinite(noise)) {
            throw new IllegalArgumentException("Run-to-run noise is a finite share, not " + noise);
        }
        if (replicates < 1) {
            throw new IllegalArgumentException("A calibration point has at least one run: " + replicates);
        }
        if (measuredP95Ms < 0 || Double.isInfinite(measuredP95Ms)) {
            throw new IllegalArgumentException("p95 latency is finite and not negative (NaN when not measured): "
                    + measuredP95Ms);
        }
    }

    /** A stored observation and the scenario it stands for (the caller rebuilds the workload and machine). */
    public static CalibrationPoint of(Observation observation, Scenario scenario) {
        double noise = Double.isFinite(observation.noise()) ? observation.noise() : 0;
        double p95 = Double.isFinite(observation.p95Ms()) && observation.p95Ms() >= 0 ? observation.p95Ms() : Double.NaN;
        return new CalibrationPoint(scenario, observation.tps(), p95, noise, observation.replicates());
    }

    /** The relative noise of one run, with the floor and the unknown case applied. */
    public double runNoise() {
        if (replicates == 1 && noise == 0) {
            return UNKNOWN_NOISE;
        }
        return Math.max(noise, NOISE_FLOOR);
    }

    /**
     * The variance of the log of the median: one run's log standard deviation is its noise / 1.28 (the 80% half-width
     * of a normal), and a median of r runs has about π/2 times the variance of their mean (exactly their mean's for
     * r ≤ 2; slightly less than π/2 for 3-5 runs, so this errs wide).
     */
    public double logVariance() {
        double perRun = runNoise() / Z80;
        double efficiency = replicates <= 2 ? 1 : Math.PI / 2;
        return efficiency * perRun * perRun / replicates;
    }
}
