package io.knobwright.simulator.calibration;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A base model at its fitted constants with the learned correction on top (decision 0137). Throughput is multiplied
 * by exp(δ); p50 and p95 latency divided by it (a closed loop's clients see latency fall as throughput rises); other
 * metrics are the base model's. The throughput interval is the correction's posterior variance plus the measured
 * run-to-run noise of a median like the calibration's: the base model's own uncertainty is already the correction's
 * prior (adding it again would count it twice). Latency, which the runs do not calibrate, keeps the base interval
 * widened by the same two terms.
 */
public final class CalibratedModel implements PerformanceModel {

    static final String MECHANISM = "calibration";

    private final PerformanceModel base;
    private final ModelParameters fitted;
    private final ModelParameters priors;
    private final Set<String> fittedConstants;
    private final FeatureSpace space;
    private final Residual residual;
    private final double noiseVar;
    private final int runs;
    private final double misfitVar;
    private final String priorSource;

    /** @param misfitVar the log-space variance the fitted mechanisms still miss the runs by (a floor for the doubt) */
    CalibratedModel(PerformanceModel base, ModelParameters fitted, ModelParameters priors, Set<String> fittedConstants,
                    FeatureSpace space, Residual residual, double noiseVar, int runs, double misfitVar,
                    String priorSource) {
        this.base = base;
        this.fitted = fitted;
        this.priors = priors;
        this.fittedConstants = Set.copyOf(fittedConstants);
        this.space = space;
        this.residual = residual;
        this.noiseVar = noiseVar;
        this.runs = runs;
        this.misfitVar = misfitVar;
        this.priorSource = priorSource;
    }

    @Override
    public String name() {
        return base.name() + ", calibrated on " + runs + (runs == 1 ? " run" : " runs")
                + (priorSource.isEmpty() ? "" : " (" + priorSource + ")");
    }

    @Override
    public Prediction predict(Scenario scenario) {
        return corrected(base.predict(scenario));
    }

    @Override
    public List<Prediction> predictAll(List<Scenario> scenarios) {
        return base.predictAll(scenarios).stream().map(this::corrected).toList();
    }

    /** The base model at the fitted constants, without the correction. */
    public PerformanceModel base() {
        return base;
    }

    /** The constants as fitted (those not in {@link #fittedConstants()} keep their prior value). */
    public ModelParameters parameters() {
        return fitted;
    }

    /** The constants the runs informed and the fit moved. */
    public Set<String> fittedConstants() {
        return fittedConstants;
    }

    /** Where the priors came from when not the defaults ("priors pooled from ..."), else "". */
    public String priorSource() {
        return priorSource;
    }

    /** Measured runs the model was calibrated on. */
    public int runs() {
        return runs;
    }

    /** "Bayesian linear model" below {@value Calibrator#GP_MIN_POINTS} runs, "Gaussian process" from then on. */
    public String correctionKind() {
        return residual.kind();
    }

    /** The correction never multiplies or divides the base model's throughput by more than 4. */
    static final double MAX_LOG_CORRECTION = Math.log(4);
    /** A log-space sd of 1: an 80% interval of about 3.6x either way, the most doubt a prediction is shown with. */
    static final double MAX_LOG_VARIANCE = 1.0;

    private Prediction corrected(Prediction p) {
        Residual.Posterior raw = residual.at(space.vector(p));
        // far from the runs a linear correction's mean and variance grow without bound; what the runs taught is at most
        // a few-fold correction, and beyond that the model says it does not know (a wide, finite interval)
        Residual.Posterior delta = new Residual.Posterior(
                Math.max(-MAX_LOG_CORRECTION, Math.min(MAX_LOG_CORRECTION, raw.mean())),
                // the misfit includes the runs' own noise, which extraVar adds back below
                Math.min(MAX_LOG_VARIANCE, Math.max(raw.variance(), misfitVar - noiseVar)));
        double factor = Math.exp(delta.mean());
        double extraVar = delta.variance() + noiseVar;
        Map<Metric, Estimate> metrics = new EnumMap<>(Metric.class);
        metrics.putAll(p.metrics());
        Estimate tps = p.throughput();
        double sd = Math.sqrt(extraVar);
        double tpsMean = tps.mean() * factor;
        metrics.put(Metric.THROUGHPUT_TPS, new Estimate(tpsMean, tpsMean * Math.exp(-CalibrationPoint.Z80 * sd),
                tpsMean * Math.exp(CalibrationPoint.Z80 * sd)));
        for (Metric latency : List.of(Metric.LATENCY_P50_MS, Metric.LATENCY_P95_MS)) {
            Estimate e = p.metrics().get(latency);
            if (e != null && e.low() > 0) {
                metrics.put(latency, widened(e, 1 / factor, extraVar));
            } else if (e != null) {
                metrics.put(latency, new Estimate(e.mean() / factor, e.low() / factor, e.high() / factor));
            }
        }
        List<Explanation> explanations = new ArrayList<>(p.explanations());
        explanations.add(explanation(factor, delta.variance()));
        return new Prediction(p.scenario(), metrics, explanations, p.warnings(), name(), p.features());
    }

    /** Scales an estimate and adds a log-space variance to each side of its (possibly lopsided) interval. */
    private static Estimate widened(Estimate e, double scale, double extraVar) {
        double mean = e.mean() * scale;
        double below = Math.log(e.mean() / e.low());
        double above = Math.log(e.high() / e.mean());
        double add = CalibrationPoint.Z80 * CalibrationPoint.Z80 * extraVar;
        return new Estimate(mean, mean * Math.exp(-Math.sqrt(below * below + add)),
                mean * Math.exp(Math.sqrt(above * above + add)));
    }

    private Explanation explanation(double factor, double deltaVar) {
        Map<String, Double> inputs = new LinkedHashMap<>();
        inputs.put("runs", (double) runs);
        inputs.put("correction", factor);
        List<String> moved = new ArrayList<>();
        fittedConstants.stream()
                .sorted(Comparator.comparingDouble((String n) -> -Math.abs(Math.log(ratio(n)))))
                .forEach(n -> {
                    inputs.put(n, fitted.get(n));
                    if (Math.abs(Math.log(ratio(n))) >= Math.log(1.05) && moved.size() < 3) {
                        moved.add(n + " " + twoDigits(ratio(n)) + "×");
                    }
                });
        String constants = moved.isEmpty() ? "model constants as their priors" : "model constants " + String.join(", ", moved);
        double halfWidth = Math.exp(CalibrationPoint.Z80 * Math.sqrt(deltaVar)) - 1;
        long percent = Math.round((factor - 1) * 100);
        String text = String.format(Locale.ROOT, "calibrated on %d %s of this workload: %s, residual correction %s%d%% ±%.0f%% (%s)",
                runs, runs == 1 ? "run" : "runs", constants, percent < 0 ? "" : "+", percent, halfWidth * 100,
                residual.kind()) + (priorSource.isEmpty() ? "" : "; " + priorSource);
        return new Explanation(Metric.THROUGHPUT_TPS, MECHANISM, text, inputs);
    }

    private static String twoDigits(double x) {
        return new java.math.BigDecimal(x).round(new java.math.MathContext(2)).stripTrailingZeros().toPlainString();
    }

    /** Fitted over prior median: how far the runs moved a constant. */
    private double ratio(String name) {
        return fitted.get(name) / priors.values().get(name).priorMedian();
    }
}
