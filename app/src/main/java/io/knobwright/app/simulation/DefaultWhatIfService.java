package io.knobwright.app.simulation;

import io.knobwright.app.catalog.CatalogService;
import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.simulation.Observation;
import io.knobwright.model.simulation.ObservationRepository;
import io.knobwright.model.workload.QuerySummary;
import io.knobwright.model.workload.WorkloadProfile;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.PerformanceModel;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.SimulationException;
import io.knobwright.simulator.model.WorkloadShape;

import java.io.IOException;
import java.nio.file.Files;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The what-if use case over the store: an instance's baseline from its hardware facts, its newest settings snapshot,
 * its measured workload and its catalog; predictions by the instance's model (the built-in model calibrated on the
 * instance's measured runs of the same workload, or an external engine when one is configured); and the held-out
 * error. Everything a sweep needs is read once before it starts, so its points cost model time only.
 */
public final class DefaultWhatIfService implements WhatIfService {

    private final FleetService fleet;
    private final WorkloadService workload;
    private final CatalogService catalogs;
    private final ObservationRepository observations;
    private final InstanceModels models;
    private final PerformanceModel engine;
    /** Asks the server's planner about scenarios that change planner settings; null: not asked (said so). */
    private final PlannerJudgement planner;

    public DefaultWhatIfService(FleetService fleet, WorkloadService workload, CatalogService catalogs,
                                ObservationRepository observations, InstanceModels models) {
        this(fleet, workload, catalogs, observations, models, null, null);
    }

    private DefaultWhatIfService(FleetService fleet, WorkloadService workload, CatalogService catalogs,
                                 ObservationRepository observations, InstanceModels models, PerformanceModel engine,
                                 PlannerJudgement planner) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.catalogs = Objects.requireNonNull(catalogs, "catalogs");
        this.observations = Objects.requireNonNull(observations, "observations");
        this.models = Objects.requireNonNull(models, "models");
        this.engine = engine;
        this.planner = planner;
    }

    /** This service with scenarios that change planner settings judged per query by the instance's own planner. */
    public DefaultWhatIfService withPlanner(PlannerJudgement judgement) {
        return new DefaultWhatIfService(fleet, workload, catalogs, observations, models, engine,
                Objects.requireNonNull(judgement, "judgement"));
    }

    /** This service with every prediction made by {@code external} (an external engine) instead of the built-in model. */
    public DefaultWhatIfService withEngine(PerformanceModel external) {
        return new DefaultWhatIfService(fleet, workload, catalogs, observations, models,
                Objects.requireNonNull(external, "external"), planner);
    }

    @Override
    public Baseline baseline(long instanceId, WorkloadChoice choice) {
        return prepare(instanceId, choice).baseline();
    }

    @Override
    public List<Prediction> simulate(long instanceId, WorkloadChoice choice, List<ScenarioRequest> scenarios) {
        return simulateWithPlans(instanceId, choice, scenarios).predictions();
    }

    @Override
    public Simulation simulateWithPlans(long instanceId, WorkloadChoice choice, List<ScenarioRequest> scenarios) {
        List<Prediction> predictions = predict(instanceId, choice, scenarios);
        List<Prediction> out = new ArrayList<>(predictions.size());
        out.add(predictions.getFirst());
        Map<String, List<PlanChange>> changes = new LinkedHashMap<>();
        // scenarios with the same planner settings are asked about once
        Map<Map<String, String>, PlannerJudgement.Judged> asked = new LinkedHashMap<>();
        Instance instance = null;
        for (int i = 0; i < scenarios.size(); i++) {
            Prediction prediction = predictions.get(i + 1);
            Map<String, String> plannerSettings = PlannerJudgement.plannerSettings(scenarios.get(i).settings());
            if (plannerSettings.isEmpty()) {
                out.add(prediction);
                continue;
            }
            if (planner == null) {
                out.add(PlannerJudgement.apply(prediction, PlannerJudgement.notAsked("this workbench was started without"
                        + " access to the instance's queries")));
                continue;
            }
            if (instance == null) {
                instance = instance(instanceId);
            }
            Instance of = instance;
            PlannerJudgement.Judged judged = asked.computeIfAbsent(plannerSettings, s -> planner.judge(of, s));
            out.add(PlannerJudgement.apply(prediction, judged));
            changes.put(prediction.scenario(), judged.changes());
        }
        return new Simulation(out, changes);
    }

    private List<Prediction> predict(long instanceId, WorkloadChoice choice, List<ScenarioRequest> scenarios) {
        Prepared p = prepare(instanceId, choice);
        List<Scenario> all = new ArrayList<>();
        all.add(p.current());
        for (ScenarioRequest request : scenarios) {
            Knobs knobs = p.current().knobs();
            for (Map.Entry<String, String> set : request.settings().entrySet()) {
                knobs = knobs.with(set.getKey().strip(), ServerSettings.requested(p.catalog(), set.getKey(), set.getValue(),
                        p.instance().name()));
            }
            WorkloadShape shape = request.clients() > 0 ? p.current().workload().withClients(request.clients())
                    : p.current().workload();
            all.add(new Scenario(request.name(), p.current().machine(), shape, knobs));
        }
        return p.model().predictAll(all);
    }

    @Override
    public Sweep sweep(long instanceId, WorkloadChoice choice, String parameter, double from, double to, int steps) {
        if (steps < 2 || steps > 100_000) {
            throw new SimulationException("A sweep has between 2 and 100000 steps, not " + steps + ".");
        }
        Prepared p = prepare(instanceId, choice);
        String name = parameter.strip().toLowerCase(Locale.ROOT);
        Tunable tunable = p.baseline().tunables().stream().filter(t -> t.name().equalsIgnoreCase(name)).findFirst()
                .orElseThrow(() -> new SimulationException("\"" + parameter + "\" is not a setting the simulator can sweep on "
                        + p.instance().name() + ": choose one of " + p.baseline().tunables().stream().map(Tunable::name)
                        .filter(n -> !n.isEmpty()).toList() + "."));
        for (double v : new double[]{from, to}) {
            if (!Double.isFinite(v) || v < tunable.min() * (1 - 1e-12) || v > tunable.max() * (1 + 1e-12)) {
                throw new SimulationException(String.format(Locale.ROOT,
                        "A sweep of %s must stay within what %s's server accepts (%s to %s %s), not %s.", tunable.name(),
                        p.instance().name(), plain(tunable.min()), plain(tunable.max()), tunable.unit(), plain(v)).strip());
            }
        }
        List<Scenario> scenarios = new ArrayList<>(steps);
        List<Double> values = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            double value = from + (to - from) * i / (steps - 1);
            values.add(value);
            scenarios.add(p.current().with(tunable.name() + "=" + plain(value), p.current().knobs().with(name, value)));
        }
        long started = System.nanoTime();
        // the built-in models are pure functions (PerformanceModel's contract), so a sweep uses every core; an external
        // engine gets the whole batch in one call instead
        List<Prediction> predictions = engine != null ? p.model().predictAll(scenarios)
                : scenarios.parallelStream().map(p.model()::predict).toList();
        Duration elapsed = Duration.ofNanos(System.nanoTime() - started);
        List<SweepPoint> points = new ArrayList<>(steps);
        for (int i = 0; i < steps; i++) {
            Prediction prediction = predictions.get(i);
            points.add(new SweepPoint(values.get(i), prediction.throughput(),
                    prediction.get(Metric.LATENCY_P95_MS).orElse(null)));
        }
        String note = PlannerJudgement.isPlannerSetting(tunable.name()) ? tunable.name() + " acts through the planner:"
                + " a sweep does not ask the server's planner at each point (seconds per point), so the points keep the"
                + " model's planner-neutral throughput; simulate a value (`knobwright simulate --set " + tunable.name()
                + "=V`) to have the instance's top queries explained under it." : "";
        return new Sweep(tunable.name(), points, p.model().name(), elapsed, note);
    }

    @Override
    public Accuracy accuracy(long instanceId) {
        Instance instance = instance(instanceId);
        List<Observation> all = observations.ofInstance(instanceId);
        if (all.isEmpty()) {
            return new Accuracy(0, Double.NaN, Double.NaN, Double.NaN, "no measured runs yet: run `knobwright experiment run"
                    + " --instance " + instance.name() + " --replay --clients N --duration 5m` (or on a sandbox) to measure one;"
                    + " the held-out error is shown from 3 runs on.");
        }
        InstanceModels.HeldOut heldOut;
        String basis;
        List<Observation> replay = all.stream().filter(o -> WorkloadKeys.isReplayOf(o.workloadKey(), instance.name()))
                .toList();
        Optional<Inputs> measured = replay.size() >= 3 ? tryRead(instanceId) : Optional.empty();
        if (measured.isPresent()) {
            heldOut = models.heldOut(InstanceScenarios.runs(measured.get().current(), replay));
            basis = "each run predicted by the model calibrated on the others";
        } else {
            heldOut = AccuracyFigures.fromRecordedPredictions(all);
            basis = "predictions recorded before each run";
        }
        return new Accuracy(heldOut.runs(), heldOut.mape(), heldOut.coverage80(), heldOut.directionRight(),
                AccuracyFigures.summary(heldOut, all.size(), basis));
    }

    /** What every call starts from: the instance, its baseline scenario, its catalog and the model to ask. */
    private record Prepared(Instance instance, Baseline baseline, Scenario current, Optional<ParameterCatalog> catalog,
                            PerformanceModel model) {
    }

    private Optional<Inputs> tryRead(long instanceId) {
        try {
            return Optional.of(read(instanceId, WorkloadChoice.MEASURED));
        } catch (SimulationException cannot) {
            return Optional.empty();
        }
    }

    /**
     * What a baseline reads from the store and derives from it, before a model is chosen.
     *
     * @param workloadKey the script's key; null for the instance's own workload (its replays, whatever fingerprints)
     */
    private record Inputs(Instance instance, Scenario current, Optional<ParameterCatalog> catalog, List<String> notes,
                          String workloadKey) {
    }

    /** The last inputs read, for a screen or command that asks for the baseline and then simulates moments apart. */
    private record Memo(long instanceId, WorkloadChoice choice, long readAtNanos, Inputs inputs) {
    }

    /**
     * How long inputs are reused: one command or one screen action, short enough to stay fresh. The model is chosen
     * anew on every call, so a run measured a moment ago counts at once.
     */
    private static final long MEMO_NANOS = Duration.ofSeconds(20).toNanos();
    private final java.util.concurrent.atomic.AtomicReference<Memo> memo = new java.util.concurrent.atomic.AtomicReference<>();

    private Prepared prepare(long instanceId, WorkloadChoice choice) {
        Memo last = memo.get();
        long now = System.nanoTime();
        Inputs in;
        if (last != null && last.instanceId() == instanceId && last.choice().equals(choice)
                && now - last.readAtNanos() < MEMO_NANOS) {
            in = last.inputs();
        } else {
            in = read(instanceId, choice);
            memo.set(new Memo(instanceId, choice, now, in));
        }
        List<String> notes = new ArrayList<>(in.notes());
        PerformanceModel model;
        if (engine != null) {
            model = engine;
        } else {
            List<Observation> same = observations.ofInstance(instanceId).stream()
                    .filter(o -> in.workloadKey() != null ? o.workloadKey().equals(in.workloadKey())
                            : WorkloadKeys.isReplayOf(o.workloadKey(), in.instance().name())).toList();
            model = models.model(InstanceScenarios.runs(in.current(), same));
            notes.add(same.isEmpty() ? "model: built-in, default constants (no measured runs of this workload yet)"
                    : "model: built-in, calibrated on " + same.size() + " measured run" + (same.size() == 1 ? "" : "s"));
        }
        Scenario current = in.current();
        Baseline baseline = new Baseline(instanceId, in.instance().name(), current.machine(), current.workload(),
                current.knobs(), ServerSettings.tunables(in.catalog(), current.knobs()), String.join("; ", notes),
                model.name());
        return new Prepared(in.instance(), baseline, current, in.catalog(), model);
    }

    private Inputs read(long instanceId, WorkloadChoice choice) {
        Instance instance = instance(instanceId);
        if (instance.engine() != Engine.POSTGRESQL) {
            throw new SimulationException(instance.name() + " runs " + instance.engine().name().toLowerCase(Locale.ROOT)
                    + ": the what-if simulator models PostgreSQL only so far.");
        }
        List<String> notes = new ArrayList<>();
        Machine machine = machine(instance, notes);
        Knobs knobs = knobs(instance, notes);
        WorkloadProfile profile = workload.profile(instance, WorkloadService.DEFAULT_WINDOW);
        MeasuredShapes.Built built = shape(instance, choice, profile, knobs.get("work_mem"));
        notes.addAll(0, built.notes());
        Optional<ParameterCatalog> catalog = catalogs.forInstance(instance.id(),
                new EngineVersion(instance.engine(), instance.version()));
        if (catalog.isEmpty()) {
            notes.add("no catalog for PostgreSQL " + instance.version() + ": settings are not checked against its ranges");
        }
        WorkloadShape shape = built.shape();
        if (choice.kind() != WorkloadChoice.Kind.SCRIPT) {
            shape = SkewFit.fit(shape, machine, knobs, profile.hasData() ? profile.workingSet().hitRatio() : Double.NaN,
                    () -> models.model(List.of()), notes);
        }
        String key = choice.kind() == WorkloadChoice.Kind.SCRIPT ? scriptKey(choice) : null;
        return new Inputs(instance, new Scenario("current", machine, shape, knobs), catalog, List.copyOf(notes), key);
    }

    private Instance instance(long instanceId) {
        return fleet.find(instanceId).orElseThrow(() -> new SimulationException("No instance with id " + instanceId
                + ". See `knobwright fleet list`."));
    }

    private static Machine machine(Instance instance, List<String> notes) {
        HardwareFacts hw = instance.hardware();
        if (hw.cpus() < 1 || hw.memoryBytes() < 64L << 20) {
            throw new SimulationException("Simulating " + instance.name() + " needs its CPUs and RAM, which Knobwright does"
                    + " not know: enter them with `knobwright fleet edit " + instance.name()
                    + " --cpus N --ram SIZE` (or `fleet refresh` where the server reports them).");
        }
        if (hw.diskType() == DiskType.UNKNOWN) {
            notes.add("disk type unknown: a local SSD assumed (set it with `knobwright fleet edit " + instance.name()
                    + " --disk-type hdd|ssd|nvme|san`)");
        }
        return new Machine(hw.cpus(), hw.memoryBytes(), DeviceProfile.of(hw.diskType()));
    }

    private Knobs knobs(Instance instance, List<String> notes) {
        Optional<SettingsSnapshot> snapshot = fleet.latestSnapshot(instance.id());
        if (snapshot.isEmpty()) {
            notes.add("no settings snapshot: PostgreSQL's defaults assumed (run `knobwright fleet refresh "
                    + instance.name() + "`)");
            return Knobs.postgresDefaults();
        }
        notes.add("settings as read " + snapshot.get().takenAt());
        return ServerSettings.current(snapshot.get());
    }

    private MeasuredShapes.Built shape(Instance instance, WorkloadChoice choice, WorkloadProfile profile, double workMem) {
        if (choice.kind() == WorkloadChoice.Kind.SCRIPT) {
            String text;
            try {
                text = Files.readString(choice.script());
            } catch (IOException | java.io.UncheckedIOException e) {
                throw new SimulationException("Cannot read the script " + choice.script() + ": " + e.getMessage());
            }
            double data = profile.hasData() && Double.isFinite(profile.workingSet().databaseBytes())
                    ? profile.workingSet().databaseBytes() : 1e9;
            return ScriptShapes.of(choice.script().getFileName().toString(), text, choice.clients(), data);
        }
        if (!profile.hasData()) {
            String measured = "No workload measured for " + instance.name() + " in the last "
                    + WorkloadService.DEFAULT_WINDOW.toDays() + " days";
            // an inventory-only instance (imported, or the demo fleet) has no server to collect from: collecting
            // cannot be the first step, and the user should hear that rather than a command that fails next
            throw new SimulationException(instance.connectable()
                    ? measured + ": run `knobwright monitor collect --instance " + instance.name()
                            + "` while the application runs, or simulate a script with --script FILE."
                    : measured + ", and it has no connection to collect from (an inventory-only instance): register its"
                            + " server with `knobwright fleet add`, then run `knobwright monitor collect --instance "
                            + instance.name() + "` while the application runs; or simulate a script with --script FILE.");
        }
        List<QuerySummary> top = workload.top(instance, WorkloadService.By.TOTAL, MeasuredShapes.TOP);
        return MeasuredShapes.of(instance.name(), profile, top, choice.kind() == WorkloadChoice.Kind.REPLAY,
                choice.clients(), workMem);
    }

    private static String scriptKey(WorkloadChoice choice) {
        try {
            return WorkloadKeys.script(Files.readString(choice.script()));
        } catch (IOException e) {
            throw new SimulationException("Cannot read the script " + choice.script() + ": " + e.getMessage());
        }
    }

    public static String plain(double v) {
        if (v == Math.rint(v) && Math.abs(v) < 1e15) {
            return Long.toString((long) v);
        }
        return java.math.BigDecimal.valueOf(v).round(new java.math.MathContext(6)).stripTrailingZeros().toPlainString();
    }
}
