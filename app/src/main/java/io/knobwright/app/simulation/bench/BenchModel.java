package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Scenario;

import java.util.List;

/** The model the bench judges: given one workload's calibration runs, a model that predicts its other configurations. */
public interface BenchModel {

    String name();

    /** The model before any calibration (its priors), for the speed figures. */
    PerformanceModel uncalibrated();

    /**
     * @param runs           the workload's calibration runs
     * @param otherWorkloads the calibration runs of the bench's other workloads on this machine: what the product
     *                       would have learnt about the host from them (pooled priors, decision 0137) before this
     *                       workload was measured
     */
    PerformanceModel calibrate(List<MeasuredRun> runs, List<List<MeasuredRun>> otherWorkloads);

    /**
     * A calibration configuration as measured.
     *
     * @param tps      median throughput of the replicates
     * @param noise    coefficient of variation of the replicates
     */
    public record MeasuredRun(Scenario scenario, double tps, double noise, int replicates, double p50Ms, double p95Ms,
                       java.util.Map<String, Double> features) {
    }
}
