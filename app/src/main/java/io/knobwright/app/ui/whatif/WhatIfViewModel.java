package io.knobwright.app.ui.whatif;

import io.knobwright.app.simulation.ExperimentService;
import io.knobwright.app.simulation.WhatIfService;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.simulation.PlanSimulation;
import io.knobwright.model.simulation.PredictedRange;
import io.knobwright.simulator.model.Estimate;
import io.knobwright.simulator.model.Explanation;
import io.knobwright.simulator.model.Knobs;
import io.knobwright.simulator.model.Metric;
import io.knobwright.simulator.model.Prediction;
import io.knobwright.simulator.model.SimulationException;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyIntegerProperty;
import javafx.beans.property.ReadOnlyIntegerWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * The what-if screen of one instance (decision 0140): sliders and fields for the settings the server lets move, up to
 * {@link #MAX_SCENARIOS} scenarios side by side (today's first), each metric as "mean [low–high]", the explanation of
 * the selected number, warnings, the model's held-out accuracy beside the numbers, a sweep of one setting with its
 * band, an experiment with progress and Cancel, and, when opened from a plan, attaching the prediction to the plan.
 * Every call to the simulator runs off the FX thread; a slower earlier answer that arrives after a newer question is
 * dropped.
 */
public final class WhatIfViewModel {

    /** Columns of the table, today's included: four fit side by side on a laptop screen and stay readable. */
    public static final int MAX_SCENARIOS = 4;
    public static final String CURRENT = "current";
    static final int SWEEP_STEPS = 25;

    /** One metric across the scenarios: each cell "mean [low–high]", "—" where a model gave none. */
    public record MetricRow(Metric metric, String label, List<String> cells) {
        public MetricRow {
            cells = List.copyOf(cells);
        }
    }

    private final BackgroundWork work;
    private final WhatIfDesk desk;

    private final ReadOnlyObjectWrapper<Instance> instance = new ReadOnlyObjectWrapper<>(this, "instance");
    private final ReadOnlyObjectWrapper<ChangePlan> plan = new ReadOnlyObjectWrapper<>(this, "plan");
    private final ReadOnlyObjectWrapper<WhatIfService.Baseline> baseline = new ReadOnlyObjectWrapper<>(this, "baseline");
    private final ReadOnlyBooleanWrapper loading = new ReadOnlyBooleanWrapper(this, "loading");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper(this, "message", "");
    private final ReadOnlyBooleanWrapper messageIsError = new ReadOnlyBooleanWrapper(this, "messageIsError");
    private final ReadOnlyStringWrapper baselineText = new ReadOnlyStringWrapper(this, "baselineText", "");
    private final ReadOnlyStringWrapper accuracyText = new ReadOnlyStringWrapper(this, "accuracyText", "");
    private final ReadOnlyObjectWrapper<WhatIfService.Accuracy> accuracy = new ReadOnlyObjectWrapper<>(this, "accuracy");

    private final ObservableList<TunableField> fields = FXCollections.observableArrayList();
    private final List<ScenarioDraft> drafts = new ArrayList<>();
    private final ObservableList<String> scenarioNames = FXCollections.observableArrayList();
    private final ReadOnlyIntegerWrapper editing = new ReadOnlyIntegerWrapper(this, "editing", -1);
    private final ReadOnlyBooleanWrapper editable = new ReadOnlyBooleanWrapper(this, "editable");
    private final ReadOnlyBooleanWrapper stale = new ReadOnlyBooleanWrapper(this, "stale");
    private final ReadOnlyBooleanWrapper predicting = new ReadOnlyBooleanWrapper(this, "predicting");
    private final ReadOnlyObjectWrapper<List<Prediction>> predictions = new ReadOnlyObjectWrapper<>(this, "predictions", List.of());
    private final ObservableList<MetricRow> rows = FXCollections.observableArrayList();
    private final ObservableList<String> warnings = FXCollections.observableArrayList();
    private final ObservableList<String> columnSettings = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<Metric> selectedMetric = new ReadOnlyObjectWrapper<>(this, "selectedMetric");
    private final ReadOnlyIntegerWrapper selectedScenario = new ReadOnlyIntegerWrapper(this, "selectedScenario", -1);
    private final ReadOnlyStringWrapper explanationTitle = new ReadOnlyStringWrapper(this, "explanationTitle", "");
    private final ReadOnlyStringWrapper explanation = new ReadOnlyStringWrapper(this, "explanation", "");

    private final ReadOnlyObjectWrapper<WhatIfService.Sweep> sweep = new ReadOnlyObjectWrapper<>(this, "sweep");
    private final ReadOnlyObjectWrapper<TunableField> sweepField = new ReadOnlyObjectWrapper<>(this, "sweepField");
    private final ReadOnlyBooleanWrapper sweeping = new ReadOnlyBooleanWrapper(this, "sweeping");

    private final ExperimentViewModel experiment;

    private long generation;
    private long predictionGeneration;
    private long sweepGeneration;

    public WhatIfViewModel(BackgroundWork work, WhatIfDesk desk) {
        this.work = Objects.requireNonNull(work, "work");
        this.desk = Objects.requireNonNull(desk, "desk");
        this.experiment = new ExperimentViewModel(work, desk.experiments(), this::experimented);
    }

    // ---- loading --------------------------------------------------------------------------------------------------

    private record Loaded(WhatIfService.Baseline baseline, WhatIfService.Accuracy accuracy, String accuracyProblem) {
    }

    /** Shows {@code target}'s what-if (null clears the screen), with one scenario that starts as today's settings. */
    public void show(Instance target) {
        load(target, null);
    }

    /** "Simulate this plan": the plan's instance, with the plan's to-values as a scenario that can be attached to it. */
    public void simulatePlan(ChangePlan changePlan, Instance target) {
        load(target, Objects.requireNonNull(changePlan, "changePlan"));
    }

    public void refresh() {
        load(instance.get(), plan.get());
    }

    private void load(Instance target, ChangePlan changePlan) {
        long mine = ++generation;
        predictionGeneration++;
        sweepGeneration++;
        instance.set(target);
        plan.set(changePlan);
        clear();
        if (target == null) {
            return;
        }
        loading.set(true);
        work.io("Read the what-if baseline of " + target.name(), simulator(() -> {
            WhatIfService.Baseline b = desk.whatIf().baseline(target.id(), WhatIfService.WorkloadChoice.MEASURED);
            try {
                return new Loaded(b, desk.whatIf().accuracy(target.id()), "");
            } catch (RuntimeException e) {
                // the predictions are still worth seeing; the screen says the accuracy is unknown and why
                return new Loaded(b, null, UserError.unwrap(e).getMessage());
            }
        }), loaded -> {
            if (mine != generation) {
                return;
            }
            loading.set(false);
            loaded(loaded, changePlan);
        }, failure -> {
            if (mine == generation) {
                loading.set(false);
                say(failure, true);
            }
        });
    }

    private void clear() {
        baseline.set(null);
        accuracy.set(null);
        fields.clear();
        drafts.clear();
        scenarioNames.clear();
        editing.set(-1);
        editable.set(false);
        stale.set(false);
        predictions.set(List.of());
        rows.clear();
        warnings.clear();
        columnSettings.clear();
        selectedMetric.set(null);
        selectedScenario.set(-1);
        explanationTitle.set("");
        explanation.set("");
        sweep.set(null);
        sweepField.set(null);
        baselineText.set("");
        accuracyText.set("");
        experiment.clear();
        message.set("");
    }

    private void loaded(Loaded loaded, ChangePlan changePlan) {
        WhatIfService.Baseline b = loaded.baseline();
        baseline.set(b);
        accuracy.set(loaded.accuracy());
        accuracyText.set(loaded.accuracy() != null ? accuracySentence(loaded.accuracy())
                : "Held-out accuracy unknown: " + loaded.accuracyProblem());
        baselineText.set(b.instanceName() + " · " + b.machine().cpus() + " CPU · "
                + io.knobwright.app.ui.common.Formats.bytes(b.machine().memoryBytes()) + " RAM · workload: " + b.source()
                + " · " + b.workload().clients() + " clients · model: " + b.model());
        Map<String, Double> current = new LinkedHashMap<>();
        for (WhatIfService.Tunable t : b.tunables()) {
            TunableField field = new TunableField(t);
            field.onValue(v -> edited(field, v));
            fields.add(field);
            current.put(t.name(), t.current());
        }
        drafts.add(new ScenarioDraft(CURRENT, current, Map.of(), true));
        if (changePlan != null) {
            drafts.add(planDraft(changePlan, current));
        } else {
            drafts.add(drafts.getFirst().copy("what-if 1"));
        }
        scenarioNames.setAll(drafts.stream().map(d -> d.name).toList());
        edit(1);
        predict();
    }

    /** The plan's to-values: a tunable's value where there is a slider for it, the text as written otherwise. */
    private ScenarioDraft planDraft(ChangePlan changePlan, Map<String, Double> current) {
        Map<String, Double> values = new LinkedHashMap<>(current);
        Map<String, String> extra = new LinkedHashMap<>();
        for (PlannedChange change : changePlan.changes()) {
            String name = change.parameter().toLowerCase(Locale.ROOT);
            String text = change.unit() == null || change.unit().isBlank() || !change.to().matches("[-+0-9.eE]+")
                    ? change.to() : change.to() + pgUnit(change.unit());
            if (values.containsKey(name)) {
                try {
                    values.put(name, Knobs.parse(name, text));
                    continue;
                } catch (IllegalArgumentException e) {
                    // not a number the slider can hold: passed on as written
                }
            }
            extra.put(name, text);
        }
        return new ScenarioDraft(planScenarioName(changePlan), values, extra, true);
    }

    /** A unit as pg_settings names it ("8kB", "kB", "MB", "s", "ms") becomes a suffix postgresql.conf reads. */
    private static String pgUnit(String unit) {
        return switch (unit) {
            case "8kB" -> "";  // a bare number of shared_buffers is already in 8 kB pages
            case "kB", "MB", "GB", "s", "ms", "min" -> unit;
            default -> "";
        };
    }

    static String planScenarioName(ChangePlan changePlan) {
        return "plan #" + changePlan.id();
    }

    static String accuracySentence(WhatIfService.Accuracy a) {
        if (a.summary() != null && !a.summary().isBlank()) {
            return "Held-out accuracy: " + a.summary();
        }
        return Double.isNaN(a.mape()) ? "Held-out accuracy: not enough measured runs yet (" + a.observations() + ")."
                : String.format(Locale.ROOT, "Held-out accuracy: throughput error %.0f%% (MAPE) over %d runs; 80%% intervals"
                + " covered %.0f%%; direction right in %.0f%%.", a.mape() * 100, a.observations(), a.coverage80() * 100,
                a.directionRight() * 100);
    }

    // ---- scenarios ------------------------------------------------------------------------------------------------

    /** Puts scenario {@code index} (1.. ; today's is not editable) in the sliders and fields. */
    public void edit(int index) {
        if (index < 1 || index >= drafts.size()) {
            return;
        }
        editing.set(index);
        ScenarioDraft draft = drafts.get(index);
        editable.set(!draft.locked);
        for (TunableField field : fields) {
            field.set(draft.values.getOrDefault(field.name(), field.tunable().current()));
        }
    }

    private void edited(TunableField field, double value) {
        int index = editing.get();
        if (index < 1 || index >= drafts.size()) {
            return;
        }
        ScenarioDraft draft = drafts.get(index);
        if (draft.locked) {
            // the plan's own scenario stays the plan: put the value back and say where edits go
            field.set(draft.values.getOrDefault(field.name(), field.tunable().current()));
            say("The plan's scenario shows the plan as it is. Add a scenario to try other values.", false);
            return;
        }
        draft.values.put(field.name(), value);
        stale.set(true);
    }

    /** Adds a scenario that starts as a copy of the one being edited, and edits it. */
    public void addScenario() {
        if (!canAdd()) {
            say("Up to " + MAX_SCENARIOS + " scenarios fit side by side; remove one to add another.", true);
            return;
        }
        int n = 1;
        while (scenarioNames.contains("what-if " + n)) {
            n++;
        }
        ScenarioDraft from = drafts.get(Math.max(1, editing.get()));
        drafts.add(from.copy("what-if " + n));
        scenarioNames.add("what-if " + n);
        edit(drafts.size() - 1);
        predict();
    }

    public boolean canAdd() {
        return !drafts.isEmpty() && drafts.size() < MAX_SCENARIOS;
    }

    /** Removes scenario {@code index}; today's and the plan's stay. */
    public void removeScenario(int index) {
        if (index < 1 || index >= drafts.size() || drafts.get(index).locked || drafts.size() <= 2) {
            return;
        }
        drafts.remove(index);
        scenarioNames.remove(index);
        edit(Math.min(editing.get(), drafts.size() - 1));
        predict();
    }

    /** Puts the edited scenario back to today's settings. */
    public void resetScenario() {
        int index = editing.get();
        if (index >= 1 && index < drafts.size() && !drafts.get(index).locked) {
            drafts.get(index).values.putAll(drafts.getFirst().values);
            drafts.get(index).extra.clear();
            edit(index);
            stale.set(true);
        }
    }

    /** The settings scenario {@code index} changes from today's, as postgresql.conf takes them. */
    Map<String, String> changedSettings(int index) {
        ScenarioDraft draft = drafts.get(index);
        Map<String, String> settings = new LinkedHashMap<>();
        for (TunableField field : fields) {
            double v = draft.values.getOrDefault(field.name(), field.tunable().current());
            if (Math.abs(v - field.tunable().current()) > 1e-9 * Math.max(1, Math.abs(v))) {
                settings.put(field.name(), WhatIfFormats.setting(field.tunable().unit(), v));
            }
        }
        settings.putAll(draft.extra);
        return settings;
    }

    // ---- predicting -----------------------------------------------------------------------------------------------

    /** Predicts every scenario (today's first) off the FX thread and fills the table. */
    public void predict() {
        Instance target = instance.get();
        if (target == null || drafts.size() < 2) {
            return;
        }
        if (fields.stream().anyMatch(f -> !f.errorProperty().get().isEmpty())) {
            say("Correct the values marked in red first: " + fields.stream().filter(f -> !f.errorProperty().get().isEmpty())
                    .map(TunableField::name).collect(Collectors.joining(", ")) + ".", true);
            return;
        }
        List<WhatIfService.ScenarioRequest> requests = new ArrayList<>();
        for (int i = 1; i < drafts.size(); i++) {
            requests.add(new WhatIfService.ScenarioRequest(drafts.get(i).name, changedSettings(i), 0));
        }
        long mine = ++predictionGeneration;
        predicting.set(true);
        work.io("Predict the scenarios of " + target.name(), simulator(() -> desk.whatIf().simulate(target.id(),
                WhatIfService.WorkloadChoice.MEASURED, requests)), answer -> {
            if (mine == predictionGeneration) {
                predicting.set(false);
                stale.set(false);
                applyPredictions(answer);
            }
        }, failure -> {
            if (mine == predictionGeneration) {
                predicting.set(false);
                say(failure, true);
            }
        });
    }

    private void applyPredictions(List<Prediction> answer) {
        predictions.set(List.copyOf(answer));
        List<MetricRow> table = new ArrayList<>();
        for (Metric metric : Metric.values()) {
            if (answer.stream().noneMatch(p -> p.get(metric).isPresent())) {
                continue;
            }
            table.add(new MetricRow(metric, WhatIfFormats.label(metric), answer.stream().map(p -> p.get(metric)
                    .map(e -> WhatIfFormats.estimate(metric, e)).orElse("—")).toList()));
        }
        // what each column changes, in the order of the answer (a model may not keep the order asked)
        columnSettings.setAll(answer.stream().map(p -> settingsText(p.scenario())).toList());
        rows.setAll(table);
        warnings.setAll(answer.stream().flatMap(p -> p.warnings().stream().map(w -> p.scenario() + ": " + w)).toList());
        Metric keep = selectedMetric.get() == null ? Metric.THROUGHPUT_TPS : selectedMetric.get();
        int scenario = selectedScenario.get() >= 1 && selectedScenario.get() < answer.size() ? selectedScenario.get()
                : answer.size() - 1;
        select(keep, scenario);
    }

    /** "shared_buffers = 8GB, work_mem = 256MB"; "as today" for today's column and a scenario that changes nothing. */
    private String settingsText(String scenario) {
        for (int i = 1; i < drafts.size(); i++) {
            if (drafts.get(i).name.equals(scenario)) {
                Map<String, String> changed = changedSettings(i);
                return changed.isEmpty() ? "as today" : changed.entrySet().stream().map(e -> e.getKey() + " = " + e.getValue())
                        .collect(Collectors.joining(", "));
            }
        }
        return "as today";
    }

    /** Shows the explanation of one number: the mechanisms that produced it and the inputs they used. */
    public void select(Metric metric, int scenario) {
        List<Prediction> shown = predictions.get();
        if (scenario < 0 || scenario >= shown.size()) {
            return;
        }
        selectedMetric.set(metric);
        selectedScenario.set(scenario);
        Prediction p = shown.get(scenario);
        explanationTitle.set(WhatIfFormats.label(metric) + " · " + p.scenario()
                + p.get(metric).map(e -> " · " + WhatIfFormats.estimate(metric, e)).orElse(""));
        explanation.set(WhatIfFormats.explain(p, metric));
    }

    // ---- sweeping -------------------------------------------------------------------------------------------------

    /** Sweeps one setting around today's value (memory from 1/16 to 16 times, within the server's range). */
    public void sweep(String parameter) {
        Instance target = instance.get();
        TunableField field = fields.stream().filter(f -> f.name().equals(parameter)).findFirst().orElse(null);
        if (target == null || field == null) {
            return;
        }
        WhatIfService.Baseline b = baseline.get();
        double[] range = sweepRange(field.tunable(), b == null ? 0 : b.machine().memoryBytes());
        long mine = ++sweepGeneration;
        sweepField.set(field);
        sweeping.set(true);
        work.io("Sweep " + parameter + " on " + target.name(), simulator(() -> desk.whatIf().sweep(target.id(),
                WhatIfService.WorkloadChoice.MEASURED, parameter, range[0], range[1], SWEEP_STEPS)), answer -> {
            if (mine == sweepGeneration) {
                sweeping.set(false);
                sweep.set(answer);
            }
        }, failure -> {
            if (mine == sweepGeneration) {
                sweeping.set(false);
                say(failure, true);
            }
        });
    }

    static double[] sweepRange(WhatIfService.Tunable t) {
        return sweepRange(t, 0);
    }

    /**
     * @param ramBytes the machine's RAM (0: unknown): shared_buffers stops at three quarters of it, because the model
     *                 refuses a cache that leaves the kernel nothing, and one refused point would fail the whole sweep
     */
    static double[] sweepRange(WhatIfService.Tunable t, double ramBytes) {
        if ("bytes".equals(t.unit())) {
            double now = Math.max(t.current(), 8192);
            double low = Math.max(Math.max(t.min(), 64 * 1024), now / 16);
            double high = Math.min(t.max(), now * 16);
            if (t.name().equals("shared_buffers") && ramBytes > 0) {
                high = Math.max(low, Math.min(high, ramBytes * 0.75));
            }
            return new double[] {low, high};
        }
        if (t.max() - t.min() > 1000) {
            return new double[] {t.min(), Math.min(t.max(), Math.max(t.current(), 1) * 10)};
        }
        return new double[] {t.min(), t.max()};
    }

    // ---- experiments ----------------------------------------------------------------------------------------------

    /**
     * Measures the edited scenario against today's settings on the instance (interleaved, replicated runs; a production
     * instance is refused by the runner), with progress; {@link ExperimentViewModel#cancel} stops it.
     */
    public void runExperiment() {
        Instance target = instance.get();
        WhatIfService.Baseline b = baseline.get();
        int index = editing.get();
        if (target == null || b == null || index < 1) {
            return;
        }
        Map<String, String> settings = changedSettings(index);
        Map<String, String> today = new LinkedHashMap<>();
        for (TunableField field : fields) {
            if (settings.containsKey(field.name())) {
                today.put(field.name(), WhatIfFormats.setting(field.tunable().unit(), field.tunable().current()));
            }
        }
        experiment.run(target, drafts.get(index).name, new ExperimentService.Request(target.name(), null, null,
                b.workload().clients(), ExperimentViewModel.DURATION, settings, today, ExperimentViewModel.REPLICATES));
    }

    private void experimented(Instance target, String text, boolean error) {
        say(text, error);
        if (!error && target.equals(instance.get())) {
            long mine = generation;
            work.io("Read the model's accuracy", simulator(() -> desk.whatIf().accuracy(target.id())), a -> {
                if (mine == generation) {
                    accuracy.set(a);
                    accuracyText.set(accuracySentence(a));
                }
            }, failure -> { });
        }
    }

    // ---- attaching ------------------------------------------------------------------------------------------------

    /** Whether the screen shows a plan whose prediction can be attached (it was opened with "Simulate this plan"). */
    public boolean canAttach() {
        return plan.get() != null && predictions.get().size() >= 2 && !stale.get();
    }

    /**
     * Attaches today's and the plan's predictions to the plan: they then show in its risk, the review panel and the
     * PDF. Off the FX thread.
     */
    public void attachToPlan() {
        ChangePlan target = plan.get();
        if (target == null) {
            say("Open the what-if from a plan (Simulate this plan) to attach a prediction to it.", true);
            return;
        }
        if (!canAttach()) {
            say("Predict first: the table does not show the current settings yet.", true);
            return;
        }
        PlanSimulation simulation = toSimulation(target.id(), predictions.get(), planScenarioName(target));
        work.io("Attach the prediction to plan #" + target.id(), () -> desk.simulations().attach(simulation), stored ->
                say("Attached to plan #" + target.id() + ": its risk, the review panel and the PDF show the prediction now.",
                        false), failure -> say(failure, true));
    }

    PlanSimulation toSimulation(long planId, List<Prediction> shown, String planScenario) {
        List<PlanSimulation.Scenario> scenarios = new ArrayList<>();
        for (Prediction p : shown) {
            if (p == shown.getFirst() || p.scenario().equals(planScenario)) {
                scenarios.add(new PlanSimulation.Scenario(p.scenario(), range(p.get(Metric.THROUGHPUT_TPS).orElse(null)),
                        range(p.get(Metric.LATENCY_P95_MS).orElse(null)), p.warnings(),
                        WhatIfFormats.explain(p, Metric.THROUGHPUT_TPS) + "\n\n" + WhatIfFormats.explain(p, Metric.LATENCY_P95_MS)));
            }
        }
        String model = shown.getFirst().model();
        WhatIfService.Accuracy a = accuracy.get();
        return new PlanSimulation(0, planId, desk.clock().instant(), desk.user(), model,
                a == null ? accuracyText.get() : accuracySentence(a).replaceFirst("^Held-out accuracy: ", ""), scenarios);
    }

    private static PredictedRange range(Estimate e) {
        return e == null ? new PredictedRange(0, 0, 0) : new PredictedRange(e.mean(), e.low(), e.high());
    }

    // ---- helpers --------------------------------------------------------------------------------------------------

    /** A simulator's refusal says what to do: shown as a user error, not reported as a bug. */
    private static <T> Supplier<T> simulator(Supplier<T> call) {
        return () -> {
            try {
                return call.get();
            } catch (SimulationException e) {
                throw UserError.input(e.getMessage());
            }
        };
    }

    private void say(String text, boolean error) {
        message.set(text);
        messageIsError.set(error);
    }

    public void dismissMessage() {
        message.set("");
    }

    public ReadOnlyObjectProperty<Instance> instanceProperty() { return instance.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<ChangePlan> planProperty() { return plan.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<WhatIfService.Baseline> baselineProperty() { return baseline.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty loadingProperty() { return loading.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty messageIsErrorProperty() { return messageIsError.getReadOnlyProperty(); }
    public ReadOnlyStringProperty baselineTextProperty() { return baselineText.getReadOnlyProperty(); }
    public ReadOnlyStringProperty accuracyTextProperty() { return accuracyText.getReadOnlyProperty(); }
    public ObservableList<TunableField> fields() { return FXCollections.unmodifiableObservableList(fields); }
    public ObservableList<String> scenarioNames() { return FXCollections.unmodifiableObservableList(scenarioNames); }
    public ReadOnlyIntegerProperty editingProperty() { return editing.getReadOnlyProperty(); }
    /** False while the plan's own scenario is in the sliders: it shows the plan and does not change. */
    public ReadOnlyBooleanProperty editableProperty() { return editable.getReadOnlyProperty(); }
    /** The sliders moved since the table was predicted. */
    public ReadOnlyBooleanProperty staleProperty() { return stale.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty predictingProperty() { return predicting.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<List<Prediction>> predictionsProperty() { return predictions.getReadOnlyProperty(); }
    public ObservableList<MetricRow> rows() { return FXCollections.unmodifiableObservableList(rows); }
    public ObservableList<String> warnings() { return FXCollections.unmodifiableObservableList(warnings); }
    /** What each column of the table changes from today, as postgresql.conf takes it. */
    public ObservableList<String> columnSettings() { return FXCollections.unmodifiableObservableList(columnSettings); }
    public ReadOnlyObjectProperty<Metric> selectedMetricProperty() { return selectedMetric.getReadOnlyProperty(); }
    public ReadOnlyIntegerProperty selectedScenarioProperty() { return selectedScenario.getReadOnlyProperty(); }
    public ReadOnlyStringProperty explanationTitleProperty() { return explanationTitle.getReadOnlyProperty(); }
    public ReadOnlyStringProperty explanationProperty() { return explanation.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<WhatIfService.Sweep> sweepProperty() { return sweep.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<TunableField> sweepFieldProperty() { return sweepField.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty sweepingProperty() { return sweeping.getReadOnlyProperty(); }
    /** The running experiment: its progress, Cancel and verdict. */
    public ExperimentViewModel experiment() { return experiment; }
}
