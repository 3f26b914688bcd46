package io.knobwright.app.ui.whatif;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.StatusMessages;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.simulator.model.Metric;
import javafx.beans.binding.Bindings;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.TextField;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.ToggleGroup;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignF;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignR;
import org.kordamp.ikonli.materialdesign2.MaterialDesignT;

import java.util.List;

/**
 * The what-if screen (decision 0140): on the left the settings of the scenario being edited (slider and field each,
 * within the server's range); on the right the warnings, the scenarios side by side with the model's held-out accuracy
 * above them, the explanation of the selected number, the sweep chart, and the experiment with its progress and Cancel.
 */
public final class WhatIfView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(WhatIfView.class, "whatif.css");
    public static final List<String> STYLESHEETS = List.of(STYLESHEET, SweepChart.STYLESHEET);
    private static final PseudoClass SELECTED = PseudoClass.getPseudoClass("selected");
    private static final PseudoClass CHANGED = PseudoClass.getPseudoClass("changed");
    private static final PseudoClass WARNED = PseudoClass.getPseudoClass("warned");

    private final WhatIfViewModel vm;
    private final GridPane scenarios = new GridPane();
    private final VBox settings = new VBox(2);
    private final HBox scenarioToggles = new HBox(4);
    private final VBox warnings = new VBox(4);
    private final SweepChart sweepChart = new SweepChart();
    private Subscription subscriptions = Subscription.EMPTY;
    private Subscription fieldSubscriptions = Subscription.EMPTY;

    public WhatIfView(WhatIfViewModel vm) {
        this.vm = vm;
        getStyleClass().add("whatif-view");
        setId("whatif-view");
        getStylesheets().addAll(STYLESHEETS);
        setTop(header());
        ScrollPane left = new ScrollPane(settingsPane());
        left.setFitToWidth(true);
        left.getStyleClass().add("whatif-settings-scroll");
        left.setPrefWidth(400);
        left.setMinWidth(360);
        setLeft(left);
        ScrollPane right = new ScrollPane(results());
        right.setFitToWidth(true);
        right.getStyleClass().add("whatif-results-scroll");
        setCenter(right);
        subscriptions = subscriptions.and(vm.fields().subscribe(this::buildSettings))
                .and(vm.scenarioNames().subscribe(this::buildToggles))
                .and(vm.editingProperty().subscribe(this::buildToggles))
                .and(vm.rows().subscribe(this::buildGrid))
                .and(vm.selectedMetricProperty().subscribe(this::buildGrid))
                .and(vm.selectedScenarioProperty().subscribe(this::buildGrid))
                .and(vm.warnings().subscribe(this::buildWarnings))
                .and(vm.sweepProperty().subscribe(s -> sweepChart.show(s, vm.sweepFieldProperty().get() == null ? null
                        : vm.sweepFieldProperty().get().tunable())));
    }

    // ---- header ---------------------------------------------------------------------------------------------------

    private Node header() {
        Label title = new Label();
        title.setId("whatif-title");
        title.getStyleClass().add(Styles.TITLE_3);
        title.textProperty().bind(Bindings.createStringBinding(() -> vm.planProperty().get() != null
                ? "What-if · plan #" + vm.planProperty().get().id() + " on " + vm.planProperty().get().instanceName()
                : vm.instanceProperty().get() == null ? "What-if" : "What-if · " + vm.instanceProperty().get().name(),
                vm.planProperty(), vm.instanceProperty()));
        ProgressIndicator loading = new ProgressIndicator();
        loading.setMaxSize(20, 20);
        loading.visibleProperty().bind(vm.loadingProperty().or(vm.predictingProperty()));
        HBox top = new HBox(10, title, loading);
        top.setAlignment(Pos.CENTER_LEFT);
        Label baseline = wrapped(new Label());
        baseline.setId("whatif-baseline");
        baseline.getStyleClass().add(Styles.TEXT_MUTED);
        baseline.textProperty().bind(vm.baselineTextProperty());
        Label empty = wrapped(new Label("Select an instance on the Fleet screen, or open a plan and choose Simulate this plan."));
        empty.getStyleClass().add("whatif-empty");
        empty.visibleProperty().bind(vm.instanceProperty().isNull());
        empty.managedProperty().bind(empty.visibleProperty());

        Message message = new Message();
        message.setId("whatif-message");
        subscriptions = subscriptions.and(StatusMessages.bind(message, vm.messageProperty(), vm.messageIsErrorProperty(),
                vm::dismissMessage));
        VBox box = new VBox(4, top, baseline, empty, message);
        box.getStyleClass().add("whatif-header");
        return box;
    }

    // ---- settings -------------------------------------------------------------------------------------------------

    private Node settingsPane() {
        Label heading = new Label();
        heading.setId("whatif-settings-heading");
        heading.getStyleClass().add(Styles.TITLE_4);
        heading.textProperty().bind(Bindings.createStringBinding(() -> {
            int editing = vm.editingProperty().get();
            return editing >= 1 && editing < vm.scenarioNames().size() ? "Settings of " + vm.scenarioNames().get(editing)
                    : "Scenario settings";
        }, vm.editingProperty(), vm.scenarioNames()));
        Label hint = wrapped(new Label("Choose a scenario, then move a slider or type a value (256MB, 4GB, 5min, on)."));
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        scenarioToggles.setId("whatif-scenario-toggles");
        scenarioToggles.setAlignment(Pos.CENTER_LEFT);
        Button add = button("whatif-add", "Add", MaterialDesignP.PLUS, vm::addScenario);
        add.setTooltip(new Tooltip("Add a scenario that starts as a copy of this one (up to "
                + WhatIfViewModel.MAX_SCENARIOS + " columns)"));
        Button remove = button("whatif-remove", "Remove", MaterialDesignT.TRASH_CAN_OUTLINE,
                () -> vm.removeScenario(vm.editingProperty().get()));
        Button reset = button("whatif-reset", "Reset", MaterialDesignR.RESTORE, vm::resetScenario);
        reset.setTooltip(new Tooltip("Back to the settings the server runs today"));
        reset.disableProperty().bind(vm.editableProperty().not());
        remove.disableProperty().bind(vm.editableProperty().not());
        for (Button b : List.of(add, remove, reset)) {
            b.getStyleClass().addAll(Styles.SMALL, Styles.FLAT);
        }
        HBox commands = new HBox(4, add, remove, reset);
        Label locked = wrapped(new Label("The plan's scenario shows the plan as it is: add a scenario to try other values."));
        locked.getStyleClass().add("whatif-locked");
        locked.visibleProperty().bind(vm.editableProperty().not().and(vm.planProperty().isNotNull()));
        locked.managedProperty().bind(locked.visibleProperty());

        Button predict = button("whatif-predict", "Predict", MaterialDesignC.CALCULATOR_VARIANT_OUTLINE, vm::predict);
        predict.getStyleClass().add(Styles.ACCENT);
        predict.disableProperty().bind(vm.instanceProperty().isNull().or(vm.predictingProperty()));
        Label stale = new Label("settings changed: predict again");
        stale.getStyleClass().add("whatif-stale");
        stale.visibleProperty().bind(vm.staleProperty());
        HBox predictRow = new HBox(10, predict, stale);
        predictRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(8, heading, hint, scenarioToggles, commands, locked, settings, predictRow);
        box.getStyleClass().add("whatif-settings");
        return box;
    }

    private void buildToggles() {
        ToggleGroup group = new ToggleGroup();
        scenarioToggles.getChildren().clear();
        List<String> names = vm.scenarioNames();
        for (int i = 1; i < names.size(); i++) {
            int index = i;
            ToggleButton toggle = new ToggleButton(names.get(i));
            toggle.setId("whatif-edit-" + i);
            toggle.setMnemonicParsing(false);
            toggle.getStyleClass().add(Styles.SMALL);
            toggle.setToggleGroup(group);
            toggle.setSelected(i == vm.editingProperty().get());
            toggle.setOnAction(e -> {
                vm.edit(index);
                toggle.setSelected(true);
            });
            scenarioToggles.getChildren().add(toggle);
        }
    }

    private void buildSettings() {
        fieldSubscriptions.unsubscribe();
        fieldSubscriptions = Subscription.EMPTY;
        settings.getChildren().clear();
        for (TunableField field : vm.fields()) {
            settings.getChildren().add(tunableRow(field));
        }
    }

    private Node tunableRow(TunableField field) {
        Label name = new Label(field.name());
        name.getStyleClass().add("whatif-tunable-name");
        name.setTooltip(new Tooltip(field.tunable().description()));
        Label restart = new Label("restart");
        restart.getStyleClass().add("whatif-restart");
        restart.setVisible(field.tunable().restartNeeded());
        restart.setManaged(field.tunable().restartNeeded());
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        Label today = new Label("today " + WhatIfFormats.setting(field.tunable().unit(), field.tunable().current()));
        today.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        Button sweep = new Button(null, new FontIcon(MaterialDesignC.CHART_BELL_CURVE_CUMULATIVE));
        sweep.setId("whatif-sweep-" + field.name());
        sweep.getStyleClass().addAll(Styles.BUTTON_ICON, Styles.FLAT, Styles.SMALL);
        sweep.setTooltip(new Tooltip("Sweep " + field.name() + " around today's value"));
        sweep.setOnAction(e -> vm.sweep(field.name()));
        HBox top = new HBox(6, name, restart, gap, today, sweep);
        top.setAlignment(Pos.CENTER_LEFT);

        Slider slider = new Slider(0, 1, field.positionProperty().get());
        slider.setId("whatif-slider-" + field.name());
        slider.valueProperty().bindBidirectional(field.positionProperty());
        slider.disableProperty().bind(vm.editableProperty().not());
        HBox.setHgrow(slider, Priority.ALWAYS);
        TextField text = new TextField(field.textProperty().get());
        text.setId("whatif-field-" + field.name());
        text.setPrefColumnCount(7);
        text.disableProperty().bind(vm.editableProperty().not());
        // committed on Enter or leaving the field: half-typed "25" is not judged while "256MB" is being typed
        text.setOnAction(e -> field.textProperty().set(text.getText()));
        text.focusedProperty().subscribe(focused -> {
            if (!focused) {
                field.textProperty().set(text.getText());
            }
        });
        HBox controls = new HBox(8, slider, text);
        controls.setAlignment(Pos.CENTER_LEFT);
        Label error = wrapped(new Label());
        error.setId("whatif-error-" + field.name());
        error.getStyleClass().add("whatif-field-error");
        error.textProperty().bind(field.errorProperty());
        error.visibleProperty().bind(field.errorProperty().isNotEmpty());
        error.managedProperty().bind(error.visibleProperty());
        VBox row = new VBox(2, top, controls, error);
        row.getStyleClass().add("whatif-tunable");
        fieldSubscriptions = fieldSubscriptions.and(field.textProperty().subscribe(text::setText))
                .and(field.changedProperty().subscribe(c -> row.pseudoClassStateChanged(CHANGED, c)))
                .and(field.errorProperty().subscribe(e -> text.pseudoClassStateChanged(Styles.STATE_DANGER, !e.isEmpty())));
        return row;
    }

    // ---- results --------------------------------------------------------------------------------------------------

    private Node results() {
        warnings.setId("whatif-warnings");
        warnings.getStyleClass().add("whatif-warnings");
        warnings.setVisible(false);
        warnings.managedProperty().bind(warnings.visibleProperty());

        Label heading = new Label("Predictions · mean [80% interval]");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label accuracy = wrapped(new Label());
        accuracy.setId("whatif-accuracy");
        accuracy.getStyleClass().add("whatif-accuracy");
        accuracy.setGraphic(new FontIcon(MaterialDesignT.TARGET));
        accuracy.textProperty().bind(vm.accuracyTextProperty());
        accuracy.visibleProperty().bind(vm.accuracyTextProperty().isNotEmpty());
        accuracy.managedProperty().bind(accuracy.visibleProperty());
        scenarios.setId("whatif-grid");
        scenarios.getStyleClass().add("whatif-grid");
        Label pick = new Label("Click a number to see how it was reached.");
        pick.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);

        Label explanationTitle = wrapped(new Label());
        explanationTitle.setId("whatif-explanation-title");
        explanationTitle.getStyleClass().add("whatif-explanation-title");
        explanationTitle.textProperty().bind(vm.explanationTitleProperty());
        Label explanation = wrapped(new Label());
        explanation.setId("whatif-explanation");
        explanation.getStyleClass().add("whatif-explanation-text");
        explanation.textProperty().bind(vm.explanationProperty());
        VBox explain = new VBox(4, explanationTitle, explanation);
        explain.getStyleClass().add("whatif-explanation");
        explain.visibleProperty().bind(vm.explanationProperty().isNotEmpty());
        explain.managedProperty().bind(explain.visibleProperty());

        Button attach = button("whatif-attach", "Attach to plan", MaterialDesignP.PAPERCLIP, vm::attachToPlan);
        attach.setTooltip(new Tooltip("Keep today's and the plan's predictions with the plan: its risk, the review panel"
                + " and the PDF show them"));
        attach.visibleProperty().bind(vm.planProperty().isNotNull());
        attach.managedProperty().bind(attach.visibleProperty());
        attach.disableProperty().bind(vm.staleProperty().or(vm.predictingProperty()));

        sweepChart.setId("whatif-sweep-chart");
        sweepChart.setPrefHeight(460);
        sweepChart.visibleProperty().bind(vm.sweepProperty().isNotNull());
        sweepChart.managedProperty().bind(sweepChart.visibleProperty());
        ProgressIndicator sweeping = new ProgressIndicator();
        sweeping.setMaxSize(20, 20);
        sweeping.visibleProperty().bind(vm.sweepingProperty());
        sweeping.managedProperty().bind(sweeping.visibleProperty());

        HBox titleRow = new HBox(12, heading, attach);
        titleRow.setAlignment(Pos.CENTER_LEFT);
        VBox box = new VBox(10, warnings, titleRow, accuracy, scenarios, pick, explain, experiment(), sweeping, sweepChart);
        box.getStyleClass().add("whatif-results");
        return box;
    }

    private Node experiment() {
        ExperimentViewModel x = vm.experiment();
        Button run = button("whatif-experiment", "Run experiment", MaterialDesignF.FLASK_OUTLINE, vm::runExperiment);
        run.setTooltip(new Tooltip("Measure the edited scenario against today's settings: interleaved runs of "
                + ExperimentViewModel.DURATION.toMinutes() + " min, " + ExperimentViewModel.REPLICATES
                + " each way (not on a production instance)"));
        run.disableProperty().bind(x.runningProperty().or(vm.baselineProperty().isNull()));
        ProgressBar bar = new ProgressBar();
        bar.setId("whatif-progress");
        bar.progressProperty().bind(x.progressProperty());
        bar.setPrefWidth(260);
        Button cancel = button("whatif-cancel", "Cancel", MaterialDesignC.CLOSE_CIRCLE_OUTLINE, x::cancel);
        cancel.getStyleClass().add(Styles.DANGER);
        Label step = wrapped(new Label());
        step.setId("whatif-experiment-step");
        step.textProperty().bind(x.stepProperty());
        Label percent = new Label();
        percent.setId("whatif-experiment-percent");
        percent.getStyleClass().add(Styles.TEXT_BOLD);
        percent.textProperty().bind(x.progressProperty().map(p -> p.doubleValue() < 0 ? "…"
                : Math.round(p.doubleValue() * 100) + "%"));
        HBox running = new HBox(10, bar, percent, cancel, step);
        running.setAlignment(Pos.CENTER_LEFT);
        running.visibleProperty().bind(x.runningProperty());
        running.managedProperty().bind(running.visibleProperty());
        Label verdict = wrapped(new Label());
        verdict.setId("whatif-verdict");
        verdict.getStyleClass().add("whatif-verdict");
        verdict.textProperty().bind(x.verdictProperty());
        verdict.visibleProperty().bind(x.verdictProperty().isNotEmpty());
        verdict.managedProperty().bind(verdict.visibleProperty());
        Label heading = new Label("Measure it");
        heading.getStyleClass().add(Styles.TITLE_4);
        Label what = wrapped(new Label("Runs the edited scenario and today's settings in turn (A B B A …) on this instance,"
                + " discards each warm-up and reports the difference against the run-to-run noise. Not on production."));
        what.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox box = new VBox(6, heading, what, run, running, verdict);
        box.getStyleClass().add("whatif-experiment");
        return box;
    }

    private void buildWarnings() {
        warnings.getChildren().clear();
        for (String w : vm.warnings()) {
            Label line = wrapped(new Label(w, new FontIcon(MaterialDesignA.ALERT_OUTLINE)));
            line.getStyleClass().add("whatif-warning");
            warnings.getChildren().add(line);
        }
        warnings.setVisible(!vm.warnings().isEmpty());
    }

    private void buildGrid() {
        scenarios.getChildren().clear();
        scenarios.getColumnConstraints().clear();
        List<String> names = vm.predictionsProperty().get().stream().map(p -> p.scenario()).toList();
        if (names.isEmpty()) {
            return;
        }
        ColumnConstraints labels = new ColumnConstraints();
        labels.setMinWidth(Region.USE_PREF_SIZE);
        scenarios.getColumnConstraints().add(labels);
        Label corner = new Label("");
        scenarios.add(corner, 0, 0);
        for (int c = 0; c < names.size(); c++) {
            ColumnConstraints column = new ColumnConstraints();
            column.setHgrow(Priority.ALWAYS);
            scenarios.getColumnConstraints().add(column);
            Label head = new Label(names.get(c));
            head.getStyleClass().add("whatif-scenario-head");
            if (c == 0) {
                head.getStyleClass().add("whatif-current");
            }
            boolean warned = !vm.predictionsProperty().get().get(c).warnings().isEmpty();
            head.pseudoClassStateChanged(WARNED, warned);
            if (warned) {
                head.setGraphic(new FontIcon(MaterialDesignA.ALERT_OUTLINE));
            }
            head.setMaxWidth(Double.MAX_VALUE);
            scenarios.add(head, c + 1, 0);
        }
        Label changes = new Label("Settings");
        changes.getStyleClass().add("whatif-metric");
        changes.setMaxHeight(Double.MAX_VALUE);
        changes.setAlignment(Pos.TOP_LEFT);
        scenarios.add(changes, 0, 1);
        for (int c = 0; c < names.size() && c < vm.columnSettings().size(); c++) {
            // one setting a line: a column is as wide as its longest setting or number, never squeezed by a long list
            Label what = new Label(vm.columnSettings().get(c).replace(", ", "\n"));
            what.setId("whatif-settings-" + c);
            what.getStyleClass().add("whatif-column-settings");
            what.setMaxWidth(Double.MAX_VALUE);
            what.setMaxHeight(Double.MAX_VALUE);
            what.setAlignment(Pos.TOP_LEFT);
            scenarios.add(what, c + 1, 1);
        }
        int r = 2;
        for (WhatIfViewModel.MetricRow row : vm.rows()) {
            Label label = new Label(row.label());
            label.getStyleClass().add("whatif-metric");
            label.setTooltip(new Tooltip(row.metric().meaning()));
            scenarios.add(label, 0, r);
            for (int c = 0; c < row.cells().size(); c++) {
                int column = c;
                Metric metric = row.metric();
                Label cell = new Label(row.cells().get(c));
                cell.setId("whatif-cell-" + metric.jsonName() + "-" + c);
                cell.getStyleClass().add("whatif-cell");
                cell.setMaxWidth(Double.MAX_VALUE);
                cell.setMinWidth(Region.USE_PREF_SIZE);
                cell.pseudoClassStateChanged(SELECTED, metric == vm.selectedMetricProperty().get()
                        && c == vm.selectedScenarioProperty().get());
                cell.setOnMouseClicked(e -> vm.select(metric, column));
                scenarios.add(cell, c + 1, r);
            }
            r++;
        }
    }

    private static Label wrapped(Label label) {
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        return label;
    }

    private static Button button(String id, String text, org.kordamp.ikonli.Ikon icon, Runnable action) {
        Button b = new Button(text, new FontIcon(icon));
        b.setId(id);
        b.setMnemonicParsing(false);
        b.setOnAction(e -> action.run());
        return b;
    }

    public SweepChart sweepChart() {
        return sweepChart;
    }

    /** Releases the listeners on the view-model. */
    public void dispose() {
        subscriptions.unsubscribe();
        fieldSubscriptions.unsubscribe();
        if (vm.experiment().runningProperty().get()) {
            vm.experiment().cancel();
        }
    }
}
