package io.knobwright.app.simulation.bench;

import io.knobwright.simulator.calibration.CalibratedModel;
import io.knobwright.simulator.calibration.CalibrationPoint;
import io.knobwright.simulator.calibration.Calibrator;
import io.knobwright.simulator.calibration.PriorPool;
import io.knobwright.simulator.model.BuiltInModel;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.SimulationException;

import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The models the bench can judge. */
public final class BenchModels {

    private BenchModels() {
    }

    /** The hardware class the bench's workloads share: they all ran on this machine. */
    private static final String THIS_MACHINE = "this machine";

    /**
     * The built-in model calibrated as the product calibrates it: {@link Calibrator} fits the constants θ the runs
     * inform and a learned correction of the residuals, starting from priors pooled from what the other workloads on
     * the same hardware fitted, {@link PriorPool#NOT_POOLED} left out (decision 0137; the product's
     * {@code PooledPriors}).
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

            private final ModelParameters defaults = BuiltInModel.defaultParameters();
            private final Calibrator alone = new Calibrator(BuiltInModel::new, defaults);
            /**
             * Each workload's fit on its own runs, by the identity of its runs: every other workload's calibration
             * pools it, and it is the same fit each time (empty when the model cannot price the runs).
             */
            private final Map<List<MeasuredRun>, Optional<CalibratedModel>> fitsAlone = new IdentityHashMap<>();

            @Override
            public PerformanceModel calibrate(List<MeasuredRun> runs, List<List<MeasuredRun>> otherWorkloads) {
                PriorPool pool = PriorPool.empty();
                int pooled = 0;
                for (List<MeasuredRun> other : otherWorkloads) {
                    Optional<CalibratedModel> fit = fitsAlone.computeIfAbsent(other, this::fitAlone);
                    if (fit.isPresent()) {
                        pool = pool.with(THIS_MACHINE, "workload " + pooled, fit.get().parameters(),
                                PriorPool.hostConstants(fit.get()));
                        pooled++;
                    }
                }
                if (pooled == 0) {
                    return alone.calibrate(points(runs));
                }
                return new Calibrator(BuiltInModel::new, pool.priors(THIS_MACHINE, defaults), "priors pooled from "
                        + pooled + " other workload" + (pooled == 1 ? "" : "s") + " on " + THIS_MACHINE)
                        .calibrate(points(runs));
            }

            private Optional<CalibratedModel> fitAlone(List<MeasuredRun> runs) {
                try {
                    return Optional.of(alone.calibrate(points(runs)));
                } catch (SimulationException unpriced) {
                    // a workload the model cannot price teaches the others nothing, as in the product
                    return Optional.empty();
                }
            }
        };
    }

    private static List<CalibrationPoint> points(List<BenchModel.MeasuredRun> runs) {
        return runs.stream().map(r -> new CalibrationPoint(r.scenario(), r.tps(), r.p95Ms(),
                NORMAL_P10_P90_HALF_WIDTH * r.noise(), r.replicates())).toList();
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
            public PerformanceModel calibrate(List<MeasuredRun> runs, List<List<MeasuredRun>> otherWorkloads) {
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
