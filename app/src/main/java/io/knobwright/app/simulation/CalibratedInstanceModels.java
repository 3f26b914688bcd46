package io.knobwright.app.simulation;

import io.knobwright.simulator.calibration.CalibrationPoint;
import io.knobwright.simulator.calibration.Calibrator;
import io.knobwright.simulator.calibration.HeldOutError;
import io.knobwright.simulator.model.BuiltInModel;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.PerformanceModel;

import java.util.List;
import java.util.Objects;
import java.util.function.Function;

/**
 * The built-in model for an instance: with its default constants when the workload has no measured runs, else
 * calibrated on them (constants fitted, then a learned correction of what is left; simulator.calibration). Runs that
 * measured nothing (0 tps) are left out: they cannot calibrate.
 */
public final class CalibratedInstanceModels implements InstanceModels {

    private final Function<ModelParameters, PerformanceModel> factory;
    private final ModelParameters priors;
    private final Calibrator calibrator;
    private final PerformanceModel defaults;

    public CalibratedInstanceModels(Function<ModelParameters, PerformanceModel> factory, ModelParameters priors) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.priors = Objects.requireNonNull(priors, "priors");
        this.calibrator = new Calibrator(factory, priors);
        this.defaults = factory.apply(priors);
    }

    /** The built-in model at its default constants, as shipped. */
    public static CalibratedInstanceModels builtIn() {
        return new CalibratedInstanceModels(BuiltInModel::new, BuiltInModel.defaultParameters());
    }

    @Override
    public PerformanceModel model(List<MeasuredRun> runs) {
        List<CalibrationPoint> points = points(runs);
        return points.isEmpty() ? defaults : calibrator.calibrate(points);
    }

    @Override
    public HeldOut heldOut(List<MeasuredRun> runs) {
        List<CalibrationPoint> points = points(runs);
        HeldOutError error = calibrator.heldOut(points);
        return new HeldOut(error.n(), error.mape(), error.coverage80(), error.directionRight());
    }

    private static List<CalibrationPoint> points(List<MeasuredRun> runs) {
        return runs.stream().filter(r -> r.observation().tps() > 0)
                .map(r -> CalibrationPoint.of(r.observation(), r.scenario())).toList();
    }
}
