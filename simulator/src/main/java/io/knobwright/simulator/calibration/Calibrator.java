package io.knobwright.simulator.calibration;

import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.SimulationException;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * Fits a model to measured runs in the Kennedy–O'Hagan form log y = log η(x, θ) + δ(x) + ε (decision 0137):
 * <ol>
 * <li>θ, the model's constants, by maximum a posteriori: squared log errors over each run's variance plus the
 *     constants' log-normal priors, minimised by Nelder–Mead in log space. Only constants whose change moves a
 *     prediction of the given runs are fitted; the data say nothing about the others, which keep their value.</li>
 * <li>δ, a correction of what θ cannot explain, on the prediction's physics features: a Bayesian linear model below
 *     {@value #GP_MIN_POINTS} runs, a Gaussian process from then on.</li>
 * </ol>
 * Pure and deterministic: the same runs give the same model.
 */
public final class Calibrator {

    /** From this many runs on the correction is a Gaussian process; below, a Bayesian linear model. */
    public static final int GP_MIN_POINTS = 8;
    /** Model roughness on top of the measured noise while fitting θ: the model is never assumed better than 5%. */
    static final double MODEL_ERROR = 0.05;
    /** A constant counts as informed when a 20% change moves some prediction by at least this much (log). */
    static final double SENSITIVITY = 0.002;
    /** The correction's prior level when the base model claims an exact number. */
    static final double DEFAULT_PRIOR_SD = 0.25;

    private final Function<ModelParameters, PerformanceModel> factory;
    private final ModelParameters priors;
    private final String priorSource;

    /**
     * @param factory builds the base model at given constants (BuiltInModel::new, or a test's toy)
     * @param priors  the constants' starting values and priors; {@link PriorPool#priors} tightens them with what
     *                other workloads on the same hardware taught
     */
    public Calibrator(Function<ModelParameters, PerformanceModel> factory, ModelParameters priors) {
        this(factory, priors, "");
    }

    /**
     * @param priorSource where {@code priors} came from when not the defaults ("priors pooled from 4 other workloads
     *                    on 2cpu-24GiB-ssd"), said in the calibrated model's name and explanation; "" for none
     */
    public Calibrator(Function<ModelParameters, PerformanceModel> factory, ModelParameters priors, String priorSource) {
        this.factory = Objects.requireNonNull(factory, "factory");
        this.priors = Objects.requireNonNull(priors, "priors");
        this.priorSource = priorSource == null ? "" : priorSource.strip();
    }

    public ModelParameters priors() {
        return priors;
    }

    /**
     * The model calibrated on {@code points}.
     *
     * @throws IllegalArgumentException when no run is given
     * @throws SimulationException      when the base model cannot predict one of the runs' scenarios
     */
    public CalibratedModel calibrate(List<CalibrationPoint> points) {
        return calibrate(points, priors, false);
    }

    /** Leave-one-out error over {@code points}, directions of change judged against the first point. */
    public HeldOutError heldOut(List<CalibrationPoint> points) {
        return heldOut(points, 0);
    }

    /**
     * Leave-one-out: each run in turn is left out, the model refitted on the others and asked to predict it.
     * Each refit starts its search at the constants fitted to all runs, with a smaller simplex and budget: it
     * converges to its own optimum, which lies near; starting there saves most of the model's evaluations.
     *
     * @param reference the run changes are measured from (usually the settings in force today)
     */
    public HeldOutError heldOut(List<CalibrationPoint> points, int reference) {
        if (points.size() < HeldOutError.MIN_POINTS) {
            return HeldOutError.tooFew(points.size());
        }
        if (reference < 0 || reference >= points.size()) {
            throw new IllegalArgumentException("The reference run " + reference + " is not one of the "
                    + points.size() + " runs");
        }
        ModelParameters start = calibrate(points, priors, false).parameters();
        CalibrationPoint ref = points.get(reference);
        List<HeldOutError.Point> out = new ArrayList<>();
        for (int i = 0; i < points.size(); i++) {
            List<CalibrationPoint> rest = new ArrayList<>(points);
            CalibrationPoint left = rest.remove(i);
            CalibratedModel fold = calibrate(rest, start, true);
            var predicted = fold.predict(left.scenario()).throughput();
            double predictedRef = i == reference ? Double.NaN : fold.predict(ref.scenario()).throughput().mean();
            out.add(new HeldOutError.Point(left.scenario().name(), left.measuredTps(), predicted,
                    i == reference ? Double.NaN : ref.measuredTps(), predictedRef,
                    Math.max(left.runNoise(), ref.runNoise())));
        }
        return HeldOutError.of(out);
    }

    /** @param nearStart whether {@code start} is already close to the optimum (a held-out fold) */
    private CalibratedModel calibrate(List<CalibrationPoint> points, ModelParameters start, boolean nearStart) {
        if (points.isEmpty()) {
            throw new IllegalArgumentException("Calibration needs at least one measured run");
        }
        List<Scenario> scenarios = points.stream().map(CalibrationPoint::scenario).toList();
        Set<String> informed = informed(scenarios, start);
        ModelParameters fitted = fitConstants(points, scenarios, start, List.copyOf(informed), nearStart);
        PerformanceModel base = factory.apply(fitted);
        List<Prediction> predictions = checked(base, scenarios);

        FeatureSpace space = FeatureSpace.of(predictions);
        int n = points.size();
        double[][] z = new double[n][];
        double[] r = new double[n];
        double[] noiseVar = new double[n];
        double[] baseSd = new double[n];
        double meanNoiseVar = 0;
        for (int i = 0; i < n; i++) {
            Prediction p = predictions.get(i);
            z[i] = space.vector(p);
            r[i] = Math.log(points.get(i).measuredTps()) - Math.log(p.throughput().mean());
            noiseVar[i] = points.get(i).logVariance();
            baseSd[i] = logSd(p);
            meanNoiseVar += noiseVar[i] / n;
        }
        double priorSd = priorSd(baseSd);
        Residual residual = n < GP_MIN_POINTS
                ? BayesLinearResidual.fit(z, r, noiseVar, priorSd)
                : GaussianProcessResidual.fit(z, r, noiseVar, priorSd);
        return new CalibratedModel(base, fitted, priors, informed, space, residual, meanNoiseVar, n,
                misfitVariance(r, informed.size()), priorSource);
    }

    /**
     * How far the mechanisms, at their fitted constants, still miss the runs (log space), with the degrees of freedom
     * the fit used taken off: the doubt a prediction between the runs keeps however closely the correction passes
     * through them. Five runs that happen to agree say little about the sixth; a bench on this machine showed
     * intervals built from the correction alone covering half the new measurements.
     */
    static double misfitVariance(double[] logResiduals, int fittedConstants) {
        double sum = 0;
        for (double r : logResiduals) {
            sum += r * r;
        }
        return sum / Math.max(1, logResiduals.length - fittedConstants);
    }

    /** The constants a 20% change of which moves some prediction of these scenarios. */
    private Set<String> informed(List<Scenario> scenarios, ModelParameters at) {
        List<Prediction> here = checked(factory.apply(at), scenarios);
        Set<String> informed = new LinkedHashSet<>();
        for (String name : at.names()) {
            List<Prediction> moved = checked(factory.apply(at.with(name, at.get(name) * 1.2)), scenarios);
            for (int i = 0; i < here.size(); i++) {
                double change = Math.log(moved.get(i).throughput().mean() / here.get(i).throughput().mean());
                if (Math.abs(change) >= SENSITIVITY) {
                    informed.add(name);
                    break;
                }
            }
        }
        return informed;
    }

    private ModelParameters fitConstants(List<CalibrationPoint> points, List<Scenario> scenarios, ModelParameters start,
                                         List<String> names, boolean nearStart) {
        if (names.isEmpty()) {
            return start;
        }
        double[] logY = points.stream().mapToDouble(p -> Math.log(p.measuredTps())).toArray();
        double[] weight = points.stream().mapToDouble(p -> 1 / (p.logVariance() + MODEL_ERROR * MODEL_ERROR)).toArray();
        java.util.function.ToDoubleFunction<double[]> objective = u -> {
            ModelParameters theta = at(start, names, u);
            double sum = 0;
            for (int j = 0; j < names.size(); j++) {
                ModelParameters.Prior prior = priors.values().get(names.get(j));
                double dev = (u[j] - Math.log(prior.priorMedian())) / prior.priorLogSd();
                sum += dev * dev;
            }
            List<Prediction> predicted;
            try {
                predicted = factory.apply(theta).predictAll(scenarios);
            } catch (SimulationException | IllegalArgumentException outside) {
                return Double.NaN; // constants the model cannot work with: a point the search must leave
            }
            for (int i = 0; i < logY.length; i++) {
                double tps = predicted.get(i).throughput().mean();
                if (!(tps > 0)) {
                    return Double.NaN;
                }
                double e = logY[i] - Math.log(tps);
                sum += weight[i] * e * e;
            }
            return 0.5 * sum;
        };
        double[] u0 = names.stream().mapToDouble(n -> Math.log(start.get(n))).toArray();
        int budget = (nearStart ? 20 : 60) * (names.size() + 1);
        NelderMead.Minimum first = NelderMead.minimize(objective, u0, nearStart ? 0.1 : 0.3, budget, 1e-10);
        // a second, smaller simplex from the first's best point: a collapsed simplex is the usual way NM stalls
        NelderMead.Minimum second = NelderMead.minimize(objective, first.point(), 0.05, budget / 2, 1e-12);
        return at(start, names, second.value() <= first.value() ? second.point() : first.point());
    }

    private static ModelParameters at(ModelParameters start, List<String> names, double[] u) {
        Map<String, ModelParameters.Prior> values = new LinkedHashMap<>(start.values());
        for (int j = 0; j < names.size(); j++) {
            values.put(names.get(j), values.get(names.get(j)).withValue(Math.exp(u[j])));
        }
        return new ModelParameters(values);
    }

    private static List<Prediction> checked(PerformanceModel model, List<Scenario> scenarios) {
        List<Prediction> predictions = model.predictAll(scenarios);
        for (Prediction p : predictions) {
            double tps = p.throughput().mean();
            if (!(tps > 0) || Double.isInfinite(tps)) {
                throw new SimulationException("The model " + model.name() + " predicts " + tps + " tps for "
                        + p.scenario() + ": a run it cannot price cannot calibrate it");
            }
        }
        return predictions;
    }

    /** The base model's own log standard deviation, read from its 80% throughput interval. */
    static double logSd(Prediction p) {
        var tps = p.throughput();
        if (!(tps.low() > 0) || tps.high() <= tps.low()) {
            return Double.NaN;
        }
        return Math.log(tps.high() / tps.low()) / (2 * CalibrationPoint.Z80);
    }

    /** The median of the base model's uncertainty over the runs, at least 5%; 25% when it claims exact numbers. */
    private static double priorSd(double[] baseSd) {
        double[] known = java.util.Arrays.stream(baseSd).filter(Double::isFinite).sorted().toArray();
        if (known.length == 0) {
            return DEFAULT_PRIOR_SD;
        }
        return Math.max(0.05, known[known.length / 2]);
    }
}
