package io.knobwright.simulator.calibration;

import io.knobwright.model.simulation.Observation;
import io.knobwright.simulator.model.ModelParameters;
import io.knobwright.simulator.model.Scenario;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.Function;

/**
 * What earlier calibrations on the same hardware class teach a new one: per constant, a hierarchical prior from the
 * values other workloads fitted (decision 0137). Each workload's log θ is its hardware class's level plus a
 * workload's own deviation; the default prior's variance is split evenly between the two. The level is learnt from
 * the pooled workloads' mean, the deviation's spread from their disagreement (starting from the default's share, worth
 * two workloads). A new workload's prior is centred on the learnt level, as wide as the spread plus the level's
 * remaining doubt: it narrows as agreeing workloads accumulate, and stays wide when they disagree.
 * Immutable; {@link #with} gives the pool with one more workload.
 */
public final class PriorPool {

    /**
     * Not pooled: cpuScale multiplies each workload's own CPU estimate (a script's guess, a profile's measured mean, an
     * observation's coarse price), so what one workload fits says how far its estimate was off, not how fast the host
     * is.
     */
    private static final Set<String> NOT_POOLED = Set.of("cpuScale");

    /** No pooled prior is narrower than this (log sd): hardware drifts, and the model is not exact. */
    static final double MIN_LOG_SD = 0.02;
    /** The default's between-workload variance counts as this many workloads. */
    private static final double PSEUDO_WORKLOADS = 2;

    /** One workload's fit: its hardware class, and the constants its runs informed. */
    private record Fit(String hardwareClass, ModelParameters fitted, Set<String> informed) {
    }

    private final Map<String, Fit> byWorkload;

    private PriorPool(Map<String, Fit> byWorkload) {
        this.byWorkload = Map.copyOf(byWorkload);
    }

    public static PriorPool empty() {
        return new PriorPool(Map.of());
    }

    /** The pool with one workload's fit added (replacing an earlier fit of the same workload). */
    public PriorPool with(String hardwareClass, String workloadKey, ModelParameters fitted, Set<String> informed) {
        Objects.requireNonNull(workloadKey, "workloadKey");
        Map<String, Fit> next = new LinkedHashMap<>(byWorkload);
        next.put(workloadKey, new Fit(hardwareClass == null ? "" : hardwareClass, fitted, Set.copyOf(informed)));
        return new PriorPool(next);
    }

    /**
     * The constants a built-in model's fit informed that say something about the host, for {@link #with}: those its
     * runs informed, {@link #NOT_POOLED} left out.
     */
    public static Set<String> hostConstants(CalibratedModel fit) {
        Set<String> informed = new HashSet<>(fit.fittedConstants());
        informed.removeAll(NOT_POOLED);
        return informed;
    }

    public PriorPool with(String hardwareClass, String workloadKey, CalibratedModel model) {
        return with(hardwareClass, workloadKey, model.parameters(), model.fittedConstants());
    }

    /**
     * Calibrates each workload of {@code observations} (grouped by workload key) and pools the constants they
     * fitted. Runs that measured nothing are skipped; a workload the model cannot price is left out of the pool.
     *
     * @param scenarioOf rebuilds the scenario an observation ran (its workload shape, machine and settings)
     */
    public static PriorPool of(List<Observation> observations, Function<Observation, Scenario> scenarioOf,
                               Calibrator calibrator) {
        Map<String, List<Observation>> groups = new LinkedHashMap<>();
        observations.forEach(o -> groups.computeIfAbsent(o.workloadKey(), k -> new ArrayList<>()).add(o));
        PriorPool pool = empty();
        for (var group : groups.entrySet()) {
            List<CalibrationPoint> points = group.getValue().stream().filter(o -> o.tps() > 0)
                    .map(o -> CalibrationPoint.of(o, scenarioOf.apply(o))).toList();
            if (points.isEmpty()) {
                continue;
            }
            try {
                CalibratedModel fit = calibrator.calibrate(points);
                pool = pool.with(group.getValue().getFirst().hardwareClass(), group.getKey(), fit);
            } catch (io.knobwright.simulator.model.SimulationException unpriced) {
                // a workload the model cannot judge teaches the others nothing
            }
        }
        return pool;
    }

    /** Workloads pooled for a hardware class. */
    public int workloads(String hardwareClass) {
        return (int) byWorkload.values().stream().filter(f -> f.hardwareClass().equals(hardwareClass)).count();
    }

    /** {@code defaults} with their priors tightened by the other workloads of the class (values reset to the medians). */
    public ModelParameters priors(String hardwareClass, ModelParameters defaults) {
        return priors(hardwareClass, defaults, null);
    }

    /**
     * As {@link #priors(String, ModelParameters)}, leaving out one workload: a workload's own earlier fit must not
     * be its prior (its runs would count twice).
     */
    public ModelParameters priors(String hardwareClass, ModelParameters defaults, String excludeWorkload) {
        Map<String, ModelParameters.Prior> out = new LinkedHashMap<>();
        for (var entry : defaults.values().entrySet()) {
            String name = entry.getKey();
            ModelParameters.Prior d = entry.getValue();
            List<Double> logs = new ArrayList<>();
            byWorkload.forEach((key, fit) -> {
                if (!key.equals(excludeWorkload) && fit.hardwareClass().equals(hardwareClass)
                        && fit.informed().contains(name) && fit.fitted().values().containsKey(name)) {
                    logs.add(Math.log(fit.fitted().get(name)));
                }
            });
            out.put(name, logs.isEmpty() ? d : pooled(d, logs));
        }
        return new ModelParameters(out);
    }

    private static ModelParameters.Prior pooled(ModelParameters.Prior d, List<Double> logs) {
        int m = logs.size();
        double mean = logs.stream().mapToDouble(Double::doubleValue).average().orElseThrow();
        double ss = logs.stream().mapToDouble(x -> (x - mean) * (x - mean)).sum();
        double s0 = d.priorLogSd();
        double levelVar0 = s0 * s0 / 2;
        double spreadVar0 = s0 * s0 / 2;
        double spreadVar = (PSEUDO_WORKLOADS * spreadVar0 + ss) / (PSEUDO_WORKLOADS + m - 1);
        double levelPrecision = 1 / levelVar0 + m / spreadVar;
        double level = (Math.log(d.priorMedian()) / levelVar0 + m * mean / spreadVar) / levelPrecision;
        double sd = Math.max(MIN_LOG_SD, Math.sqrt(spreadVar + 1 / levelPrecision));
        double median = Math.exp(level);
        return new ModelParameters.Prior(median, median, sd, d.meaning());
    }
}
