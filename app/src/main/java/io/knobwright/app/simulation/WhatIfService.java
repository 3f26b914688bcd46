package io.knobwright.app.simulation;

import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.WorkloadShape;

import java.time.Duration;
import java.util.List;
import java.util.Map;

/**
 * The what-if use case, for the screen and the CLI alike: what an instance runs today, what it would do under
 * other settings, a sweep of one setting, and how well the predictions matched measured runs so far.
 * Calls are blocking and may take seconds (the planner probe asks the server); call them off the FX thread.
 */
public interface WhatIfService {

    /**
     * Where every scenario of an instance starts.
     *
     * @throws io.knobwright.simulator.model.SimulationException when the instance cannot be simulated (unknown
     *         engine, nothing measured yet and no script given), with what to do
     */
    Baseline baseline(long instanceId, WorkloadChoice workload);

    /** The current settings first ("current"), then each requested scenario, predicted by the instance's model. */
    List<Prediction> simulate(long instanceId, WorkloadChoice workload, List<ScenarioRequest> scenarios);

    /**
     * Like {@link #simulate}, with what the server's planner said of each scenario that changes a planner setting:
     * scenario name -> one row per query asked about (empty for the others, and from an implementation that does not
     * ask the planner).
     */
    default Simulation simulateWithPlans(long instanceId, WorkloadChoice workload, List<ScenarioRequest> scenarios) {
        return new Simulation(simulate(instanceId, workload, scenarios), Map.of());
    }

    /** Predictions and the planner's per-query answers behind them. */
    record Simulation(List<Prediction> predictions, Map<String, List<PlanChange>> planChanges) {
        public Simulation {
            predictions = List.copyOf(predictions);
            planChanges = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(planChanges));
        }
    }

    /**
     * One query explained under today's settings (A) and a scenario's (B), in rolled-back transactions.
     *
     * @param label      "q3": the query's rank by total time among the instance's logged queries
     * @param shapeA     the plan's outline (node types, relations, indexes) under today's settings
     * @param actualMsA  measured with EXPLAIN ANALYZE, NaN where it was only planned (production, writes)
     * @param callsShare the query's share of the logged calls (0..1)
     * @param totalMs    the query's logged total time, what its time change is weighted by
     * @param plan       "Seq Scan on orders → Index Scan using orders_pkey on orders", or "same plan"
     */
    record PlanChange(String label, String query, boolean changed, String shapeA, String shapeB, double costA,
                      double costB, double actualMsA, double actualMsB, double callsShare, double totalMs, String plan) {
        public PlanChange {
            java.util.Objects.requireNonNull(query, "query");
            java.util.Objects.requireNonNull(plan, "plan");
        }

        public boolean measured() {
            return Double.isFinite(actualMsA) && Double.isFinite(actualMsB);
        }
    }

    /** One setting from {@code from} to {@code to} in {@code steps} values (inclusive), the others as in force. */
    Sweep sweep(long instanceId, WorkloadChoice workload, String parameter, double from, double to, int steps);

    /** The held-out error of the model that predicts for this instance, from its observations so far. */
    Accuracy accuracy(long instanceId);

    /** Which workload a scenario runs: the instance's measured profile, a replay of its fingerprints, or a script. */
    record WorkloadChoice(Kind kind, java.nio.file.Path script, int clients) {
        public enum Kind { MEASURED_PROFILE, REPLAY, SCRIPT }

        public static final WorkloadChoice MEASURED = new WorkloadChoice(Kind.MEASURED_PROFILE, null, 0);

        public WorkloadChoice {
            java.util.Objects.requireNonNull(kind, "kind");
            if (kind == Kind.SCRIPT && script == null) {
                throw new IllegalArgumentException("A script workload needs the script file");
            }
            if (clients < 0) {
                throw new IllegalArgumentException("Clients cannot be negative: " + clients);
            }
        }
    }

    /** @param clients 0: as the workload has them */
    record ScenarioRequest(String name, Map<String, String> settings, int clients) {
        public ScenarioRequest {
            if (name == null || name.isBlank()) {
                throw new IllegalArgumentException("A scenario has a name");
            }
            settings = Map.copyOf(settings);
        }
    }

    /**
     * @param tunables the settings the screen offers, within the server's valid ranges (its catalog)
     * @param source   where the workload came from, in words ("measured profile, 14 days, top 20 fingerprints")
     */
    record Baseline(long instanceId, String instanceName, Machine machine, WorkloadShape workload, Knobs current,
                    List<Tunable> tunables, String source, String model) {
        public Baseline {
            tunables = List.copyOf(tunables);
        }
    }

    /**
     * A setting the screen can move: in base units (bytes, seconds) with the server's range.
     *
     * @param unit "bytes", "seconds", "boolean" or "" (plain number)
     */
    record Tunable(String name, double min, double max, double current, String unit, boolean restartNeeded,
                   String description) {
    }

    /**
     * @param note what the sweep leaves out, in words ("" when nothing): a planner setting's sweep is not judged by
     *             the server's planner point by point
     */
    record Sweep(String parameter, List<SweepPoint> points, String model, Duration elapsed, String note) {
        public Sweep {
            points = List.copyOf(points);
            note = note == null ? "" : note;
        }

        public Sweep(String parameter, List<SweepPoint> points, String model, Duration elapsed) {
            this(parameter, points, model, elapsed, "");
        }
    }

    record SweepPoint(double value, Estimate tps, Estimate latencyP95Ms) {
    }

    /**
     * @param observations      measured runs the figures come from
     * @param mape              held-out mean absolute percentage error of throughput (0.08 = 8%), NaN with fewer than 3
     * @param coverage80        share of held-out measurements inside the 80% interval, NaN with fewer than 3
     * @param directionRight    share of held-out changes whose direction (up / down / no difference) was right
     * @param summary           one sentence for the screen
     */
    record Accuracy(int observations, double mape, double coverage80, double directionRight, String summary) {
    }
}
