package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;

import java.util.List;
import java.util.Map;

/** The models the bench can judge. */
public final class BenchModels {

    private BenchModels() {
    }

    public static BenchModel builtIn() {
        return nullModel();
    }

    /**
     * The yardstick: every configuration is predicted to run at the geometric mean of the calibration runs, with an
     * interval as wide as their spread. A model that does not beat it has learnt nothing about the settings.
     */
    public static BenchModel nullModel() {
        return new BenchModel() {
            @Override
            public String name() {
                return "null (mean of the calibration runs)";
            }

            @Override
            public PerformanceModel uncalibrated() {
                return constant(1, 0);
            }

            @Override
            public PerformanceModel calibrate(List<MeasuredRun> runs) {
                double logMean = runs.stream().mapToDouble(r -> Math.log(r.tps())).average().orElseThrow();
                double sd = Math.sqrt(runs.stream().mapToDouble(r -> Math.pow(Math.log(r.tps()) - logMean, 2))
                        .sum() / Math.max(1, runs.size() - 1));
                return constant(Math.exp(logMean), 1.2816 * sd);
            }
        };
    }

    private static PerformanceModel constant(double tps, double logHalfWidth) {
        return new PerformanceModel() {
            @Override
            public String name() {
                return "null";
            }

            @Override
            public Prediction predict(Scenario scenario) {
                Estimate e = new Estimate(tps, tps * Math.exp(-logHalfWidth), tps * Math.exp(logHalfWidth));
                return new Prediction(scenario.name(), Map.of(Metric.THROUGHPUT_TPS, e), List.of(), List.of(), "null",
                        Map.of());
            }
        };
    }
}
