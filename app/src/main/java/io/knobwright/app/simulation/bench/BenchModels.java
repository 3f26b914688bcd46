package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.calibration.CalibrationPoint;
import io.knobwright.simulator.calibration.Calibrator;
import io.knobwright.simulator.model.BuiltInModel;
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

    /**
     * The built-in model calibrated as the product calibrates it: {@link Calibrator} fits the constants θ the runs
     * inform and a learned correction of the residuals (decision 0137).
     */
    public static BenchModel builtIn() {
        return new BenchModel() {
            @Override
            public String name() {
                return BuiltInModel.NAME + ", calibrated";
            }

            @Override
            public PerformanceModel uncalibrated() {
                return new BuiltInModel();
            }

            @Override
            public PerformanceModel calibrate(List<MeasuredRun> runs) {
                List<CalibrationPoint> points = runs.stream().map(r -> new CalibrationPoint(r.scenario(), r.tps(),
                        r.p95Ms(), NORMAL_P10_P90_HALF_WIDTH * r.noise(), r.replicates())).toList();
                return new Calibrator(BuiltInModel::new, BuiltInModel.defaultParameters()).calibrate(points);
            }
        };
    }

    /** (p90 - p10) / 2 of a normal in standard deviations: turns a CV into the calibration's noise measure. */
    static final double NORMAL_P10_P90_HALF_WIDTH = 1.2815515655446004;

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
