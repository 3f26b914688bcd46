package io.knobwright.app.simulation;

import io.knobwright.model.simulation.Observation;
import io.knobwright.model.simulation.ObservationRepository;
import io.knobwright.simulator.calibration.CalibratedModel;
import io.knobwright.simulator.calibration.CalibrationPoint;
import io.knobwright.simulator.calibration.Calibrator;
import io.knobwright.simulator.calibration.ObservedScenarios;
import io.knobwright.simulator.calibration.PriorPool;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Scenario;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The priors a workload's calibration starts from: the model's defaults tightened by what the other workloads measured
 * on the same hardware class taught (decision 0137, {@link PriorPool}). Each other workload is calibrated on its own
 * stored runs, rebuilt as scenarios by {@link ObservedScenarios}; its fit is cached until a run of it is added, so only
 * the first what-if after new runs pays for it.
 */
final class PooledPriors {

    /** Observations read per hardware class: the newest; older ones were fitted on the same hardware long ago. */
    static final int OBSERVATIONS = 500;
    /**
     * At most this many other workloads (the most recently measured) are calibrated: each costs one calibration (about
     * 0.8 s of one core for 5 runs on the 2-CPU test machine under load) on the first what-if after its runs change,
     * and four agreeing workloads already narrow a prior to about half.
     */
    static final int MAX_WORKLOADS = 4;
    private static final int MAX_CACHED = 1_000;

    /** The priors to start from, and where they came from ("" when they are the defaults). */
    record Pooled(ModelParameters priors, int workloads, String source) {
    }

    /** One workload's fit: the constants, and the ones its runs informed; none when it could not be calibrated. */
    private record Fit(ModelParameters fitted, Set<String> informed) {
    }

    private final ObservationRepository observations;
    private final Calibrator calibrator;
    private final ModelParameters defaults;
    private final Map<String, Optional<Fit>> fits = new ConcurrentHashMap<>();

    PooledPriors(ObservationRepository observations, Function<ModelParameters, PerformanceModel> factory,
                 ModelParameters defaults) {
        this.observations = Objects.requireNonNull(observations, "observations");
        this.defaults = Objects.requireNonNull(defaults, "defaults");
        this.calibrator = new Calibrator(factory, defaults);
    }

    /** The priors for a workload on {@code hardwareClass}, pooled from the class's other workloads (not {@code own}). */
    Pooled priors(String hardwareClass, Set<String> own) {
        if (ObservedScenarios.machine(hardwareClass).isEmpty()) {
            return new Pooled(defaults, 0, ""); // "?cpu-..." or text no machine has: nothing to transfer to
        }
        Map<String, List<Observation>> byWorkload = new LinkedHashMap<>();
        for (Observation o : observations.ofHardwareClass(hardwareClass, OBSERVATIONS)) {
            if (o.tps() > 0 && hardwareClass.equals(o.hardwareClass()) && !own.contains(o.workloadKey())) {
                byWorkload.computeIfAbsent(o.workloadKey(), k -> new ArrayList<>()).add(o);
            }
        }
        List<List<Observation>> newestFirst = new ArrayList<>(byWorkload.values());
        newestFirst.sort(Comparator.comparingLong((List<Observation> g) -> -g.getLast().id()));
        List<List<Observation>> chosen = newestFirst.subList(0, Math.min(MAX_WORKLOADS, newestFirst.size()));
        // the fits are independent and pure: the first what-if after new runs uses every core for them
        List<Optional<Fit>> fitted = chosen.parallelStream().map(runs -> fit(hardwareClass, runs)).toList();
        PriorPool pool = PriorPool.empty();
        int pooled = 0;
        for (int i = 0; i < chosen.size(); i++) {
            if (fitted.get(i).isPresent()) {
                Fit fit = fitted.get(i).get();
                pool = pool.with(hardwareClass, chosen.get(i).getFirst().workloadKey(), fit.fitted(), fit.informed());
                pooled++;
            }
        }
        if (pooled == 0) {
            return new Pooled(defaults, 0, "");
        }
        return new Pooled(pool.priors(hardwareClass, defaults), pooled, "priors pooled from " + pooled + " other workload"
                + (pooled == 1 ? "" : "s") + " on " + hardwareClass);
    }

    private Optional<Fit> fit(String hardwareClass, List<Observation> runs) {
        String key = hardwareClass + '\u0000' + runs.getFirst().workloadKey() + '\u0000' + runs.size() + '\u0000'
                + runs.getLast().id();
        Optional<Fit> cached = fits.get(key);
        if (cached != null) {
            return cached;
        }
        Optional<Fit> fit = calibrate(runs);
        if (fits.size() >= MAX_CACHED) {
            fits.clear();
        }
        fits.put(key, fit);
        return fit;
    }

    private Optional<Fit> calibrate(List<Observation> runs) {
        ObservedScenarios scenarios = ObservedScenarios.of(runs);
        List<CalibrationPoint> points = new ArrayList<>();
        for (Observation o : runs) {
            Optional<Scenario> s = scenarios.scenario(o);
            s.ifPresent(scenario -> points.add(CalibrationPoint.of(o, scenario)));
        }
        if (points.isEmpty()) {
            return Optional.empty();
        }
        try {
            CalibratedModel model = calibrator.calibrate(points);
            return Optional.of(new Fit(model.parameters(), PriorPool.hostConstants(model)));
        } catch (RuntimeException unpriced) {
            // settings the model cannot price on that machine (shared_buffers beyond its RAM, ...): that workload
            // teaches the others nothing, and must not stop this one's what-if
            return Optional.empty();
        }
    }
}
