package io.knobwright.app.ui.whatif;

import io.knobwright.app.simulation.ExperimentService;
import io.knobwright.app.task.ExecutorTaskRunner;
import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.simulator.model.Metric;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The what-if screen as a DBA sees it, over the hand-checkable fake model (the integrator re-takes these with the real
 * one): four scenarios side by side with a warning and an explanation, a sweep with its band, the dark theme, and an
 * experiment in progress with its Cancel. Snapshots go to app/target/snapshots.
 */
@ExtendWith(ApplicationExtension.class)
class WhatIfViewUiTest {

    private static final Instant T = Instant.parse("2026-12-06T09:00:00Z");
    private final Instance orders = Fixtures.instance(7, "pg-orders", Engine.POSTGRESQL, "16", Tier.STAGING,
            Criticality.HIGH, WorkloadKind.OLTP, Map.of());
    private Stage stage;
    private Theme theme;
    private WhatIfView view;
    private ExecutorTaskRunner tasks;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        theme = new Theme();
        stage.setScene(new Scene(new StackPane(), 1000, 900));
        stage.show();
    }

    @AfterEach
    void close() throws Exception {
        if (view != null) {
            WaitForAsyncUtils.asyncFx(() -> view.dispose()).get(10, TimeUnit.SECONDS);
        }
        if (tasks != null) {
            tasks.close();
        }
    }

    private WhatIfViewModel mount(BackgroundWork work, ExperimentService experiments) throws Exception {
        WhatIfViewModel vm = new WhatIfViewModel(work, new WhatIfDesk(new FakeWhatIf(), experiments,
                WhatIfDesk.none().simulations(), "lin", Clock.systemUTC()));
        view = WaitForAsyncUtils.asyncFx(() -> {
            WhatIfView v = new WhatIfView(vm);
            theme.style(stage.getScene().getRoot());
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(v);
            return v;
        }).get(10, TimeUnit.SECONDS);
        return vm;
    }

    /** Four columns: today, more shared_buffers, a plan with a large work_mem (warned), and a middle way. */
    private WhatIfViewModel fourScenarios() throws Exception {
        WhatIfViewModel vm = mount(Fixtures.inline(), WhatIfDesk.none().experiments());
        ChangePlan plan = new ChangePlan(12, 7, "pg-orders", "payments", 2, T, "lin", PlanState.DRAFT, "snapshot",
                List.of(new PlannedChange("work_mem", "4096", "262144", "kB", ApplyMode.ONLINE, "t", ""),
                        new PlannedChange("shared_buffers", "524288", "1048576", "8kB", ApplyMode.RESTART, "t", "")));
        WaitForAsyncUtils.asyncFx(() -> {
            vm.simulatePlan(plan, orders);
            vm.addScenario();
            WhatIfViewModelTest.field(vm, "work_mem").textProperty().set("32MB");
            WhatIfViewModelTest.field(vm, "max_wal_size").textProperty().set("4GB");
            vm.addScenario();
            WhatIfViewModelTest.field(vm, "work_mem").textProperty().set("4MB");
            WhatIfViewModelTest.field(vm, "shared_buffers").textProperty().set("12GB");
            vm.predict();
            vm.edit(2);
            vm.select(Metric.THROUGHPUT_TPS, 1);
        }).get(10, TimeUnit.SECONDS);
        return vm;
    }

    @Test
    void fourScenariosSitSideBySideWithTheWarningTheAccuracyAndTheExplanation(FxRobot robot) throws Exception {
        WhatIfViewModel vm = fourScenarios();
        assertThat(vm.scenarioNames()).containsExactly("current", "plan #12", "what-if 1", "what-if 2");
        Path shot = Snapshots.writeAt(stage.getScene(), 1600, 1000, "whatif-scenarios.png");
        assertThat(shot).exists();
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(view.lookupAll(".whatif-warning")).hasSize(1);
            assertThat(((Label) view.lookup("#whatif-accuracy")).getText()).contains("8% (MAPE)");
            assertThat(((Label) view.lookup("#whatif-cell-throughputTps-1")).getText()).isEqualTo("770 tps [642–924]");
            assertThat(view.lookup("#whatif-cell-throughputTps-1").getPseudoClassStates()).extracting(Object::toString)
                    .contains("selected");
            assertThat(((Label) view.lookup("#whatif-explanation")).getText()).contains("in-memory sorts");
            assertThat(view.lookup("#whatif-attach").isVisible()).isTrue();
            assertThat(((Label) view.lookup("#whatif-settings-1")).getText()).isEqualTo("shared_buffers = 8GB\nwork_mem = 256MB");
            assertThat(((Label) view.lookup("#whatif-settings-0")).getText()).isEqualTo("as today");
            return null;
        }).get(10, TimeUnit.SECONDS);

        robot.interact(() -> theme.darkProperty().set(true));
        assertThat(Snapshots.writeAt(stage.getScene(), 1600, 1000, "whatif-scenarios-dark.png")).exists();
        robot.interact(() -> theme.darkProperty().set(false));
    }

    @Test
    void aSweepIsPlottedWithItsBandAndTodaysValue(FxRobot robot) throws Exception {
        WhatIfViewModel vm = mount(Fixtures.inline(), WhatIfDesk.none().experiments());
        WaitForAsyncUtils.asyncFx(() -> {
            vm.show(orders);
            vm.sweep("work_mem");
        }).get(10, TimeUnit.SECONDS);
        assertThat(vm.sweepProperty().get()).isNotNull();
        Path shot = Snapshots.writeNode(view.sweepChart(), 1100, 600, "whatif-sweep.png");
        assertThat(shot).exists();
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(view.sweepChart().lookupAll(".sweep-band")).hasSize(2);
            assertThat(view.sweepChart().lookupAll(".sweep-now")).hasSize(2);
            return null;
        }).get(10, TimeUnit.SECONDS);
        robot.interact(() -> theme.darkProperty().set(true));
        assertThat(Snapshots.writeNode(view.sweepChart(), 1100, 600, "whatif-sweep-dark.png")).exists();
        robot.interact(() -> theme.darkProperty().set(false));
    }

    @Test
    void aLongExperimentShowsItsProgressAndCancelStopsIt(FxRobot robot) throws Exception {
        tasks = new ExecutorTaskRunner(1);
        CountDownLatch reported = new CountDownLatch(1);
        BackgroundWork work = new BackgroundWork(tasks, Platform::runLater, (action, details) -> { }, Fixtures.noWait());
        WhatIfViewModel vm = mount(work, (request, progress, cancelled) -> {
            progress.accept(new ExperimentService.Progress(0.42, "run 3 of 6 (B: shared_buffers = 8GB), 38 s of 60 s;"
                    + " warm-up of each run discarded"));
            reported.countDown();
            while (!cancelled.getAsBoolean()) {
                Thread.onSpinWait();
            }
            throw new java.util.concurrent.CancellationException("cancelled");
        });
        robot.interact(() -> vm.show(orders));
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.rows().isEmpty());
        robot.interact(() -> {
            WhatIfViewModelTest.field(vm, "shared_buffers").textProperty().set("8GB");
            vm.predict();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.staleProperty().get() && !vm.predictingProperty().get());
        robot.interact(vm::runExperiment);
        assertThat(reported.await(10, TimeUnit.SECONDS)).isTrue();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.experiment().progressProperty().get() == 0.42);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(Snapshots.writeAt(stage.getScene(), 1600, 1000, "whatif-experiment.png")).exists();
        WaitForAsyncUtils.asyncFx(() -> {
            assertThat(((ProgressBar) view.lookup("#whatif-progress")).getProgress()).isEqualTo(0.42);
            assertThat(view.lookup("#whatif-cancel").isVisible()).isTrue();
            assertThat(((Label) view.lookup("#whatif-experiment-percent")).getText()).isEqualTo("42%");
            return null;
        }).get(10, TimeUnit.SECONDS);

        robot.clickOn("#whatif-cancel");
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !vm.experiment().runningProperty().get());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(vm.messageProperty().get()).startsWith("Experiment cancelled");
        assertThat(view.lookup("#whatif-cancel").getParent().isVisible()).as("the progress row goes away").isFalse();
    }
}
