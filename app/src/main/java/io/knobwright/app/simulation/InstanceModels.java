package io.knobwright.app.simulation;

import io.knobwright.model.simulation.Observation;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Scenario;

import java.util.List;

/**
 * Which model predicts for an instance, and how well it did on runs it had not seen. The what-if service builds the
 * scenarios; this seam turns the instance's measured runs into a model (the built-in model calibrated on them, or
 * with its default constants when there are none) and into a held-out error. Kept apart so that the service is
 * tested with a small fake model and the calibration can change without touching it.
 */
public interface InstanceModels {

    /** The model for scenarios of this workload; {@code runs} may be empty (then: default constants). */
    PerformanceModel model(List<MeasuredRun> runs);

    /** Held-out error of that model over {@code runs}; NaN figures with fewer than 3 runs. */
    HeldOut heldOut(List<MeasuredRun> runs);

    /** One measured run: the scenario it stands for (the baseline under its settings) and what it measured. */
    record MeasuredRun(Scenario scenario, Observation observation) {
        public MeasuredRun {
            java.util.Objects.requireNonNull(scenario, "scenario");
            java.util.Objects.requireNonNull(observation, "observation");
        }
    }

    /**
     * @param mape           mean absolute percentage error of throughput (0.08 = 8%)
     * @param coverage80     share of measurements inside the 80% interval
     * @param directionRight share of changes between runs whose direction the model got right
     */
    record HeldOut(int runs, double mape, double coverage80, double directionRight) {
        public static HeldOut none(int runs) {
            return new HeldOut(runs, Double.NaN, Double.NaN, Double.NaN);
        }
    }
}
