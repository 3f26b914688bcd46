package io.knobwright.app.recommend;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.plan.PlanService;
import io.knobwright.app.simulation.HardwareClass;
import io.knobwright.app.simulation.InstanceScenarios;
import io.knobwright.app.simulation.MeasuredWorkloads;
import io.knobwright.app.simulation.WorkloadKeys;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.UserError;
import io.knobwright.model.apply.journal.ApplyRun;
import io.knobwright.model.apply.journal.JournalStep;
import io.knobwright.model.apply.journal.RunState;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.LiveSetting;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.simulation.ApplyOutcome;
import io.knobwright.model.simulation.Observation;
import io.knobwright.model.store.UnitOfWork;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;
import io.knobwright.model.workload.StatementCounters;
import io.knobwright.simulator.model.DeviceProfile;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.Scenario;
import io.knobwright.simulator.model.SimulationException;
import io.knobwright.simulator.recommend.MetricChange;
import io.knobwright.simulator.recommend.PredictedEffect;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The learning loop of issue #14 (decision 0152). When a plan is applied, what the instance's model predicts it will
 * do is recorded with the settings before and after ({@link #recordApplied}); once the collectors have measured enough
 * of the workload after the apply, {@link #measure} compares the transactions per second before and after, stores the
 * two windows as observations of the instance's measured workload (so the calibration, and with it later
 * recommendations and what-ifs for the instance and its hardware class, learn from them), and flags a regression of
 * more than 20% beyond the noise, proposing the revert as a draft plan.
 */
public final class OutcomeService {

    /** The before window is at least this long, so that a short after window is compared with a steady before. */
    static final Duration MIN_BEFORE = Duration.ofHours(1);
    /** Neither window reaches further than this from the apply: a day later the workload is another one. */
    static final Duration MAX_WINDOW = Duration.ofDays(1);
    /**
     * Collected samples are polls of one workload, not independent runs; a window counts as at most this many runs
     * in the calibration, so a day of 1-minute polls does not outweigh everything else by its sample count.
     */
    static final int MAX_REPLICATES = 5;
    /** Records looked at per {@link #measurePending()}: the oldest first, so none waits behind newer ones for ever. */
    static final int PENDING_PER_ROUND = 200;

    /**
     * One applied plan's record as the CLI shows it.
     *
     * @param status what was measured now, or why it waits, or what was measured earlier, in words
     * @param revert the draft plan a regression proposed
     */
    public record Report(ApplyOutcome outcome, String status, Optional<ChangePlan> revert) {
    }

    private final UnitOfWork store;
    private final FleetService fleet;
    private final WorkloadService workload;
    private final LearnedRecommenders learned;
    private final PlanService plans;
    private final Clock clock;

    public OutcomeService(UnitOfWork store, FleetService fleet, WorkloadService workload, LearnedRecommenders learned,
                          PlanService plans, Clock clock) {
        this.store = Objects.requireNonNull(store, "store");
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.workload = Objects.requireNonNull(workload, "workload");
        this.learned = Objects.requireNonNull(learned, "learned");
        this.plans = Objects.requireNonNull(plans, "plans");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /**
     * Records what an apply run that reached APPLIED was predicted to do. A run that did not apply, or whose plan or
     * instance is gone, records nothing. A prediction that cannot be made (nothing measured, RAM unknown, another engine)
     * is recorded as such with the reason: the outcome is still measured and a regression still flagged.
     */
    public Optional<ApplyOutcome> recordApplied(ApplyRun run) {
        if (run.state() != RunState.APPLIED) {
            return Optional.empty();
        }
        Optional<ChangePlan> plan = store.plans().find(run.planId());
        Optional<Instance> instance = fleet.find(run.instanceId());
        if (plan.isEmpty() || instance.isEmpty()) {
            return Optional.empty();
        }
        Instance target = instance.get();
        Optional<SettingsSnapshot> snapshot = fleet.latestSnapshot(target.id());
        Map<String, String> before = modelSettings(snapshot);
        Map<String, String> after = new LinkedHashMap<>(before);
        for (JournalStep step : run.steps()) {
            String prior = plan.get().changes().stream().filter(c -> c.parameter().equals(step.parameter()))
                    .map(PlannedChange::from).filter(Objects::nonNull).findFirst().orElse(step.prior());
            putReadable(before, step.parameter(), prior);
            putReadable(after, step.parameter(), step.target());
        }
        String model = "";
        String note = "";
        Optional<ApplyOutcome.Predicted> predicted = Optional.empty();
        try {
            Prediction p = predict(target, snapshot, before, after);
            predicted = Optional.of(p.predicted());
            model = p.model();
        } catch (UserError | SimulationException | IllegalArgumentException cannot) {
            note = "not predicted: " + cannot.getMessage();
        }
        Instant finished = run.finishedAt() != null ? run.finishedAt() : clock.instant();
        return Optional.of(store.applyOutcomes().record(new ApplyOutcome(0, run.planId(), run.id(), target.id(),
                target.name(), run.startedAt(), finished, WorkloadKeys.measured(target.name()),
                HardwareClass.of(target.hardware()), before, after, model, note, predicted, Optional.empty())));
    }

    private record Prediction(ApplyOutcome.Predicted predicted, String model) {
    }

    /** The instance's model (as its recommendations use it) on its measured workload, before and after the changes. */
    private Prediction predict(Instance instance, Optional<SettingsSnapshot> snapshot, Map<String, String> before,
                               Map<String, String> after) {
        if (instance.engine() != Engine.POSTGRESQL) {
            throw UserError.input("the model predicts PostgreSQL only so far");
        }
        Machine machine = machine(instance);
        MeasuredWorkloads.Measured measured = MeasuredWorkloads.of(workload, instance, machine, snapshot);
        Knobs today = InstanceScenarios.knobs(snapshot);
        Scenario b = new Scenario("before the apply", machine, measured.shape(), today.withAll(parsed(before)));
        Scenario a = b.with("after the apply", b.knobs().withAll(parsed(after)));
        LearnedRecommenders.Learned l = learned.forInstance(instance, b);
        PredictedEffect effect = l.recommender().predict(b, a);
        MetricChange tps = metric(effect, io.knobwright.simulator.model.Metric.THROUGHPUT_TPS);
        MetricChange p95 = metric(effect, io.knobwright.simulator.model.Metric.LATENCY_P95_MS);
        Estimate gain = effect.gain();
        return new Prediction(new ApplyOutcome.Predicted(tps.before().mean(), tps.after().mean(), tps.after().low(),
                tps.after().high(), p95.before().mean(), p95.after().mean(), gain.mean(), gain.low(), gain.high()),
                l.note() + "; " + effect.basis());
    }

    private static MetricChange metric(PredictedEffect effect, io.knobwright.simulator.model.Metric m) {
        return effect.metrics().stream().filter(c -> c.metric().equals(m.jsonName())).findFirst().orElseThrow();
    }

    /** The record of a plan's newest apply, as it was stored (nothing is measured). */
    public Optional<ApplyOutcome> recorded(long planId) {
        return store.applyOutcomes().ofPlan(planId).stream().findFirst();
    }

    /**
     * The records of an instance, newest first; each not yet measured is measured now when enough samples were
     * collected on both sides of its apply.
     */
    public List<Report> measure(Instance instance) {
        List<Report> reports = new ArrayList<>();
        for (ApplyOutcome o : store.applyOutcomes().ofInstance(instance.id())) {
            reports.add(o.measured().isPresent() ? earlier(o) : measureNow(instance, o));
        }
        return reports;
    }

    /**
     * Measures every record not measured yet whose instance has collected enough samples since its apply (the daemon
     * does this on its alert schedule, so a regression is flagged without anyone asking); returns those measured now.
     */
    public List<Report> measurePending() {
        List<Report> measured = new ArrayList<>();
        for (ApplyOutcome o : store.applyOutcomes().unmeasured(PENDING_PER_ROUND)) {
            Optional<Instance> instance = fleet.find(o.instanceId()).filter(i -> i.name().equals(o.instanceName()));
            if (instance.isPresent()) {
                Report r = measureNow(instance.get(), o);
                if (r.outcome().measured().isPresent()) {
                    measured.add(r);
                }
            }
        }
        return measured;
    }

    /** The record of one plan's newest apply, measured now when it can be. */
    public Report measurePlan(long planId) {
        ApplyOutcome o = store.applyOutcomes().ofPlan(planId).stream().findFirst().orElseThrow(() -> UserError.input(
                "Plan " + planId + " has no apply recorded: an outcome is measured after `knobwright plan apply "
                        + planId + "` brought it to applied."));
        if (o.measured().isPresent()) {
            return earlier(o);
        }
        Instance instance = fleet.find(o.instanceId()).orElseThrow(() -> UserError.input("Plan " + planId + " was"
                + " applied to " + o.instanceName() + ", which is no longer in the fleet: its outcome cannot be measured."));
        return measureNow(instance, o);
    }

    private Report earlier(ApplyOutcome o) {
        ApplyOutcome.Measured m = o.measured().orElseThrow();
        Optional<ChangePlan> revert = m.revertPlanId() > 0 ? store.plans().find(m.revertPlanId()) : Optional.empty();
        return new Report(o, "measured " + m.at() + ": " + m.summary(), revert);
    }

    private Report measureNow(Instance instance, ApplyOutcome o) {
        Instant now = clock.instant();
        List<String> pending = store.pendingRestarts().ofInstance(instance.id()).stream()
                .map(io.knobwright.model.apply.restart.PendingRestart::parameter)
                .filter(p -> o.settingsAfter().containsKey(p) || planTouches(o, p)).toList();
        if (!pending.isEmpty()) {
            return new Report(o, "waiting: a restart is pending for " + String.join(", ", pending) + ", so the change"
                    + " has not taken effect; measure after the restart and some collected workload", Optional.empty());
        }
        Duration afterSpan = Duration.between(o.finishedAt(), now);
        if (afterSpan.compareTo(MAX_WINDOW) > 0) {
            afterSpan = MAX_WINDOW;
        }
        Duration beforeSpan = afterSpan.compareTo(MIN_BEFORE) < 0 ? MIN_BEFORE : afterSpan;
        Window before = window(instance.id(), o.startedAt().minus(beforeSpan), o.startedAt(), false);
        Window after = window(instance.id(), o.finishedAt(), o.finishedAt().plus(afterSpan).plusMillis(1), true);
        OutcomeJudge.Judgement j = OutcomeJudge.judge(new OutcomeJudge.Samples(before.tps(), after.tps(),
                before.clients(), after.clients()), o.prediction());
        if (!j.judged()) {
            return new Report(o, "waiting: " + j.waiting() + " (run `knobwright monitor collect --instance "
                    + instance.name() + "` while the application runs)", Optional.empty());
        }
        long observationBefore = 0;
        long observationAfter = 0;
        if (j.verdict() != ApplyOutcome.Verdict.LOAD_CHANGED && instance.engine() == Engine.POSTGRESQL) {
            observationBefore = store.observations().add(observation(instance, o, before, j.before().median(),
                    j.before().noise(), o.settingsBefore(), Optional.empty())).id();
            observationAfter = store.observations().add(observation(instance, o, after, j.after().median(),
                    j.after().noise(), o.settingsAfter(), o.prediction())).id();
            learned.forget();
        }
        ApplyOutcome.Measured measured = new ApplyOutcome.Measured(now, j.verdict(), j.summary(), j.before().median(),
                j.after().median(), j.before().noise(), j.after().noise(), j.before().runs(), j.after().runs(),
                before.clients(), after.clients(), before.queryMs(), after.queryMs(), observationBefore,
                observationAfter, 0);
        Optional<ChangePlan> revert = Optional.empty();
        if (j.verdict() == ApplyOutcome.Verdict.REGRESSION) {
            revert = proposeRevert(o, j.summary());
            measured = measured.withRevertPlan(revert.map(ChangePlan::id).orElse(0L));
        }
        store.applyOutcomes().measured(o.id(), measured);
        ApplyOutcome done = o.withMeasured(measured);
        String status = "measured now: " + j.summary() + (observationAfter > 0 ? "; stored as observations "
                + observationBefore + " and " + observationAfter + " of " + o.workloadKey() : "");
        return new Report(done, status, revert);
    }

    private boolean planTouches(ApplyOutcome o, String parameter) {
        return store.plans().find(o.planId()).map(p -> p.changes().stream()
                .anyMatch(c -> c.parameter().equals(parameter))).orElse(false);
    }

    /**
     * The applied plan's changes reversed, as a draft plan: from = what the apply set, to = what the server held
     * before. Governed like any other plan; nothing is sent until it is approved and applied.
     */
    private Optional<ChangePlan> proposeRevert(ApplyOutcome o, String why) {
        Optional<ChangePlan> applied = store.plans().find(o.planId());
        Optional<ApplyRun> run = store.applyJournal().ofPlan(o.planId()).stream().filter(r -> r.id() == o.runId())
                .findFirst();
        if (applied.isEmpty()) {
            return Optional.empty();
        }
        List<PlannedChange> reversed = new ArrayList<>();
        for (PlannedChange c : applied.get().changes()) {
            String prior = c.from() != null ? c.from() : run.flatMap(r -> r.steps().stream()
                    .filter(s -> s.parameter().equals(c.parameter())).map(JournalStep::prior)
                    .filter(Objects::nonNull).findFirst()).orElse(null);
            if (prior == null) {
                continue; // the server did not report it before: there is no value to go back to
            }
            reversed.add(new PlannedChange(c.parameter(), c.to(), prior, c.unit(), c.applyMode(),
                    "revert of plan " + o.planId(), "proposed after a measured regression"));
        }
        if (reversed.isEmpty()) {
            return Optional.empty();
        }
        ChangePlan revert = plans.createDraft(o.instanceId(), "revert of plan " + o.planId(),
                "applied by plan " + o.planId() + " at " + o.finishedAt(), reversed);
        store.audit().append(new AuditEntry("knobwright", "plan.regression", "plan:" + o.planId(), "APPLIED",
                "REGRESSION", why + "; revert proposed as plan " + revert.id()), clock.instant());
        return Optional.of(revert);
    }

    /** What the collectors stored in one window around the apply. */
    private record Window(List<Double> tps, double clients, double activeSessions, double queryMs,
                          Map<String, Double> features) {
    }

    private Window window(long instanceId, Instant from, Instant to, boolean dropFirst) {
        List<MetricPoint> commits = points(instanceId, Metric.COMMITS, from, to);
        if (dropFirst && !commits.isEmpty()) {
            commits = commits.subList(1, commits.size()); // its rate spans the apply itself
        }
        List<Double> tps = commits.stream().map(MetricPoint::value).filter(v -> v >= 0).toList();
        double meanTps = mean(points(instanceId, Metric.COMMITS, from, to));
        Map<String, Double> features = new LinkedHashMap<>();
        perTransaction(features, "pagesHitPerTx", instanceId, Metric.BLOCKS_HIT, from, to, meanTps);
        perTransaction(features, "pagesReadPerTx", instanceId, Metric.BLOCKS_READ, from, to, meanTps);
        perTransaction(features, "tempBytesPerTx", instanceId, Metric.TEMP_BYTES, from, to, meanTps);
        perTransaction(features, "walBytesPerTx", instanceId, Metric.WAL_BYTES, from, to, meanTps);
        perTransaction(features, "tuplesReturnedPerTx", instanceId, Metric.ROWS_READ, from, to, meanTps);
        perTransaction(features, "tuplesInsertedPerTx", instanceId, Metric.ROWS_WRITTEN, from, to, meanTps);
        double data = mean(points(instanceId, Metric.DATABASE_BYTES, from, to));
        if (data > 0) {
            features.put("dataBytes", data);
        }
        long calls = 0;
        double totalMs = 0;
        for (StatementCounters s : store.workloadSeries().statements(instanceId, from, to)) {
            calls += s.calls();
            totalMs += s.totalMs();
        }
        return new Window(tps, median(points(instanceId, Metric.CONNECTIONS, from, to)),
                median(points(instanceId, Metric.ACTIVE_SESSIONS, from, to)), calls > 0 ? totalMs / calls : Double.NaN,
                features);
    }

    private void perTransaction(Map<String, Double> features, String name, long instanceId, Metric metric, Instant from,
                                Instant to, double meanTps) {
        double mean = mean(points(instanceId, metric, from, to));
        if (Double.isFinite(mean) && meanTps > 0) {
            features.put(name, mean / meanTps);
        }
    }

    private List<MetricPoint> points(long instanceId, Metric metric, Instant from, Instant to) {
        return store.workloadSeries().points(instanceId, metric, from, to);
    }

    private Observation observation(Instance instance, ApplyOutcome o, Window w, double tps, double noise,
                                    Map<String, String> settings, Optional<ApplyOutcome.Predicted> predicted) {
        int clients = (int) Math.max(1, Math.round(Double.isFinite(w.clients()) && w.clients() >= 1 ? w.clients()
                : Double.isFinite(w.activeSessions()) ? Math.ceil(w.activeSessions()) : 1));
        return new Observation(0, clock.instant(), instance.name(), instance.id(), o.workloadKey(), o.hardwareClass(),
                settings, clients, w.features(), tps, Double.NaN, Double.NaN, noise,
                Math.max(1, Math.min(MAX_REPLICATES, w.tps().size())),
                predicted.map(ApplyOutcome.Predicted::tpsAfter).orElse(Double.NaN),
                predicted.map(ApplyOutcome.Predicted::tpsLow).orElse(Double.NaN),
                predicted.map(ApplyOutcome.Predicted::tpsHigh).orElse(Double.NaN));
    }

    /** The settings the model reads, as the snapshot spells them (a bare number is in the server's own unit). */
    private static Map<String, String> modelSettings(Optional<SettingsSnapshot> snapshot) {
        Map<String, String> out = new LinkedHashMap<>();
        snapshot.ifPresent(s -> {
            for (LiveSetting setting : s.settings()) {
                putReadable(out, setting.name(), setting.value());
            }
        });
        return out;
    }

    /** Keeps only what the model reads and can parse: an observation with a setting it cannot read is skipped whole. */
    private static void putReadable(Map<String, String> settings, String name, String value) {
        if (value == null || !Knobs.POSTGRES_DEFAULTS.containsKey(name)) {
            return;
        }
        try {
            Knobs.parse(name, value);
            settings.put(name, value);
        } catch (IllegalArgumentException unreadable) {
            // text the model does not read
        }
    }

    private static Knobs parsed(Map<String, String> settings) {
        Map<String, Double> values = new LinkedHashMap<>();
        settings.forEach((k, v) -> values.put(k, Knobs.parse(k, v)));
        return new Knobs(values);
    }

    private static Machine machine(Instance instance) {
        HardwareFacts hw = instance.hardware();
        if (hw.cpus() < 1 || hw.memoryBytes() < 64L << 20) {
            throw UserError.input("the CPUs and RAM of " + instance.name() + " are not known");
        }
        return new Machine(hw.cpus(), hw.memoryBytes(), DeviceProfile.of(hw.diskType()));
    }

    private static double mean(List<MetricPoint> points) {
        return points.stream().mapToDouble(MetricPoint::value).average().orElse(Double.NaN);
    }

    private static double median(List<MetricPoint> points) {
        double[] v = points.stream().mapToDouble(MetricPoint::value).sorted().toArray();
        if (v.length == 0) {
            return Double.NaN;
        }
        return v.length % 2 == 1 ? v[v.length / 2] : (v[v.length / 2 - 1] + v[v.length / 2]) / 2;
    }
}
