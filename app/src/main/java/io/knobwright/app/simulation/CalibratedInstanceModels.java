package io.knobwright.app.simulation;

import io.knobwright.model.simulation.ObservationRepository;
import io.knobwright.simulator.calibration.CalibrationPoint;
import io.knobwright.simulator.calibration.Calibrator;
import io.knobwright.simulator.calibration.HeldOutError;
import io.knobwright.simulator.model.BuiltInModel;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.PerformanceModel;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The built-in model for an instance: with its default constants when the workload has no measured runs, else
 * calibrated on them (constants fitted, then a learned correction of what is left; simulator.calibration). Runs that
 * measured nothing (0 tps) are left out: they cannot calibrate. Given the store's observations, the calibration starts
 * from priors pooled from the other workloads measured on the runs' hardware class ({@link PooledPriors}), and the
 * model's name and explanation say so.
 */
public final class CalibratedInstanceModels implements InstanceModels {

    private final Function<ModelParameters, PerformanceModel> factory;
    private final ModelParameters priors;
    private final Calibrator calibrator;
    private final PerformanceModel defaults;
    private final PooledPriors pool;

    /** Calibrations start from {@code priors}, whatever other workloads measured. */
    public CalibratedInstanceModels(Function<ModelParameters, PerformanceModel> factory, ModelParameters priors) {
        this(factory, priors, null);
    }

    /** Calibrations start from {@code priors} tightened by the other workloads of the runs' hardware class. */
    public CalibratedInstanceModels(Function<ModelParameters, PerformanceModel> factory, ModelParameters priors,
                                    ObservationRepository observations) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.priors = Objects.requireNonNull(priors, "priors");
        this.calibrator = new Calibrator(factory, priors);
        this.defaults = factory.apply(priors);
        this.pool = observations == null ? null : new PooledPriors(observations, factory, priors);
    }

    /** The built-in model at its default constants, as shipped. */
    public static CalibratedInstanceModels builtIn() {
        return new CalibratedInstanceModels(BuiltInModel::new, BuiltInModel.defaultParameters());
    }

    /** The built-in model, its calibrations starting from priors pooled from {@code observations}' other workloads. */
    public static CalibratedInstanceModels builtIn(ObservationRepository observations) {
        return new CalibratedInstanceModels(BuiltInModel::new, BuiltInModel.defaultParameters(),
                Objects.requireNonNull(observations, "observations"));
    }

    @Override
    public PerformanceModel model(List<MeasuredRun> runs) {
        List<CalibrationPoint> points = points(runs);
        return points.isEmpty() ? defaults : calibrator(runs).calibrate(points);
    }

    @Override
    public HeldOut heldOut(List<MeasuredRun> runs) {
        List<CalibrationPoint> points = points(runs);
        HeldOutError error = calibrator(runs).heldOut(points);
        return new HeldOut(error.n(), error.mape(), error.coverage80(), error.directionRight());
    }

    /**
     * The constants a workload with no measured runs of its own starts from on {@code hardwareClass}: the model's
     * defaults tightened (and moved) by what the class's other workloads measured, those keyed {@code own} left out;
     * the defaults when no pool is given or the class has nothing to pool (decision 0152: recommendations for an
     * instance that has not been measured after an apply still learn from similar ones).
     *
     * @param source "priors pooled from 2 other workloads on 2cpu-8GiB-ssd", or "" for the defaults
     */
    public record ClassPriors(ModelParameters parameters, int workloads, String source) {
    }

    public ClassPriors classPriors(String hardwareClass, Set<String> own) {
        if (pool == null) {
            return new ClassPriors(priors, 0, "");
        }
        PooledPriors.Pooled pooled = pool.priors(hardwareClass, own);
        return pooled.workloads() == 0 ? new ClassPriors(priors, 0, "")
                : new ClassPriors(pooled.priors(), pooled.workloads(), pooled.source());
    }

    /** Builds the model at given constants (the built-in model's constructor for {@link #builtIn}). */
    public Function<ModelParameters, PerformanceModel> factory() {
        return factory;
    }

    /**
     * The calibrator for these runs: with priors pooled from the other workloads of their hardware class (the class
     * most of them ran on) when a pool is given and has any, else the defaults.
     */
    private Calibrator calibrator(List<MeasuredRun> runs) {
        if (pool == null || runs.isEmpty()) {
            return calibrator;
        }
        Map<String, Long> classes = runs.stream().collect(Collectors.groupingBy(r -> r.observation().hardwareClass(),
                Collectors.counting()));
        String hardwareClass = classes.entrySet().stream().max(Map.Entry.comparingByValue()).orElseThrow().getKey();
        Set<String> own = runs.stream().map(r -> r.observation().workloadKey()).collect(Collectors.toSet());
        PooledPriors.Pooled pooled = pool.priors(hardwareClass, own);
        return pooled.workloads() == 0 ? calibrator : new Calibrator(factory, pooled.priors(), pooled.source());
    }

    private static List<CalibrationPoint> points(List<MeasuredRun> runs) {
        return runs.stream().filter(r -> r.observation().tps() > 0)
                .map(r -> CalibrationPoint.of(r.observation(), r.scenario())).toList();
    }
}
