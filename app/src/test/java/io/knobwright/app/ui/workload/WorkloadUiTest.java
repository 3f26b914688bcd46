package io.knobwright.app.ui.workload;

import io.knobwright.app.task.ExecutorTaskRunner;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.app.workload.DemoWorkload;
import io.knobwright.app.workload.LogImportTasks;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.workload.InMemoryMetricHistory;
import io.knobwright.model.workload.Vote;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.TableColumn;
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
import java.time.ZoneId;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Workload tab with two weeks of generated series and a dozen fingerprints, photographed light and dark. */
@ExtendWith(ApplicationExtension.class)
class WorkloadUiTest {

    private static final Instant NOW = Instant.parse("2026-12-04T15:00:00Z");
    private static final ZoneId ZONE = ZoneId.of("Europe/Berlin");
    static final Instance ORDERS = new Instance(3, "orders-pg-prod-01", Engine.POSTGRESQL, "16", "16.4", null,
            Map.of("team", "checkout"), Tier.PRODUCTION, null, null,
            new HardwareFacts(16, 64L << 30, DiskType.SSD, 2L << 40), false);
    static final Instance QUIET = new Instance(4, "reports-mysql-02", Engine.MYSQL, "8.0", "8.0.36", null, Map.of(),
            Tier.STAGING, null, null, HardwareFacts.UNKNOWN, false);

    private Stage stage;
    private final ExecutorTaskRunner tasks = new ExecutorTaskRunner(1);
    private final CountDownLatch importMayFinish = new CountDownLatch(1);
    private final DemoWorkload demo = new DemoWorkload(NOW, 4, ZONE, 42);
    private WorkloadViewModel vm;
    private WorkloadView view;
    private Theme theme;

    @Start
    void start(Stage stage) {
        this.stage = stage;
    }

    @AfterEach
    void stop() {
        importMayFinish.countDown();
        tasks.close();
    }

    private void open(FxRobot robot, Instance instance) {
        InMemoryMetricHistory history = demo.history(ORDERS.id());
        // the daily history goes through the real judgement: the top-sellers report regressed on the last day
        io.knobwright.app.workload.QueryTrends trends = io.knobwright.app.workload.QueryTrends.of(
                io.knobwright.model.workload.QueryRegressions.judge(demo.days(14),
                        io.knobwright.model.workload.QueryRegressions.Settings.DEFAULT), demo.texts());
        WorkloadService service = new WorkloadService(history, i -> i.id() == ORDERS.id() ? demo.queries(48)
                : java.util.List.of(), i -> java.util.List.of(), i -> java.util.List.of(),
                i -> i.id() == ORDERS.id() ? trends : io.knobwright.app.workload.QueryTrends.NONE, Clock.fixed(NOW, ZONE), ZONE);
        // An importer that reads "a 4 GB log" chunk by chunk until told to finish or cancelled.
        LogImportTasks importer = (target, file) -> progress -> {
            long total = 4L << 30;
            for (long read = 0; ; read += 64L << 20) {
                progress.checkCancelled();
                progress.report(Math.min(0.99, (double) read / total), String.format("%,d MB of %,d MB · %,d statements",
                        read >> 20, total >> 20, read / 300));
                try {
                    if (importMayFinish.await(20, TimeUnit.MILLISECONDS)) {
                        return new LogImportTasks.Result(1_200_000, 312, total, "");
                    }
                } catch (InterruptedException e) {
                    throw new java.util.concurrent.CancellationException("interrupted");
                }
            }
        };
        vm = new WorkloadViewModel(new BackgroundWork(tasks, Platform::runLater, (a, d) -> { }), tasks,
                i -> service.report(i, WorkloadService.DEFAULT_WINDOW, 25), importer,
                () -> Optional.of(Path.of("/var/log/postgresql/postgresql-16-main.log")), ZONE);
        theme = new Theme();
        robot.interact(() -> {
            view = new WorkloadView(vm);
            StackPane root = new StackPane(view);
            theme.style(root, WorkloadView.STYLESHEET);
            stage.setScene(new Scene(root, 1000, 1000));
            stage.show();
            vm.show(instance);
        });
        waitUntil(() -> !vm.loadingProperty().get());
    }

    private static void waitUntil(BooleanSupplier condition) {
        try {
            WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
                WaitForAsyncUtils.waitForFxEvents();
                return condition.getAsBoolean();
            });
        } catch (java.util.concurrent.TimeoutException e) {
            throw new AssertionError("condition not met in 20 s", e);
        }
    }

    @Test
    void theTabShowsTheClassWhyThePatternTheShiftAndTheTopQueries(FxRobot robot) throws Exception {
        open(robot, ORDERS);

        assertThat(robot.lookup("#workload-class").queryAs(Label.class).getText()).isEqualTo("OLTP");
        assertThat(vm.features()).extracting(FeatureRow::vote).containsOnly(Vote.OLTP, Vote.NEITHER);
        assertThat(vm.features()).filteredOn(f -> f.vote() == Vote.OLTP).hasSizeGreaterThanOrEqualTo(4);
        assertThat(robot.lookup(".heat-grid .heat-cell").queryAll()).hasSize(7 * 24);
        assertThat(robot.lookup(".heat-grid .heat-none").queryAll()).isEmpty();
        assertThat(vm.shifts()).singleElement().asString().contains("commits").contains("→");
        assertThat(vm.peakTextProperty().get()).startsWith("Peak hours ").contains("Europe/Berlin");
        assertThat(robot.lookup(".sparkline").queryAll()).isNotEmpty();
        // the regression of the last day is listed, and its row in the top queries is flagged
        assertThat(vm.regressions()).isNotEmpty().allSatisfy(r -> assertThat(r.query()).startsWith("SELECT sku, sum(qty)"));
        assertThat(vm.regressions()).extracting(io.knobwright.app.workload.QueryTrends.Regression::metric)
                .contains("meanMs", "p95Ms");
        assertThat(vm.queries()).filteredOn(QueryRow::regressed).singleElement()
                .satisfies(q -> assertThat(q.query()).startsWith("SELECT sku, sum(qty)"));
        assertThat(vm.queries()).filteredOn(q -> q.query().startsWith("DELETE FROM sessions")).singleElement()
                .satisfies(q -> assertThat(q.trend()).isEqualTo("growing"));
        assertThat(vm.sparkTitleProperty().get()).isEqualTo("Calls per day");

        // busiest by total time first; a click on Calls sorts by calls, busiest first after a second click
        var table = view.queriesTable();
        assertThat(table.getItems()).hasSize(12)
                .isSortedAccordingTo((a, b) -> Double.compare(b.totalMs(), a.totalMs()));
        Snapshots.writeAt(stage.getScene(), 1600, 1560, "workload-tab.png");

        TableColumn<QueryRow, ?> calls = table.getColumns().get(1);
        robot.interact(() -> {
            calls.setSortType(TableColumn.SortType.DESCENDING);
            table.getSortOrder().setAll(java.util.List.of(calls));
        });
        assertThat(table.getItems()).isSortedAccordingTo((a, b) -> Long.compare(b.calls(), a.calls()));

        robot.interact(() -> theme.darkProperty().set(true));
        Snapshots.writeAt(stage.getScene(), 1600, 1560, "workload-tab-dark.png");
        robot.interact(() -> theme.darkProperty().set(false));
    }

    @Test
    void importingALogShowsProgressAndCancelStopsIt(FxRobot robot) throws Exception {
        open(robot, ORDERS);

        robot.clickOn("#workload-import");
        waitUntil(() -> vm.importProgressProperty().get() > 0.05);

        assertThat(robot.lookup("#workload-import-progress").queryAs(ProgressBar.class).isVisible()).isTrue();
        assertThat(robot.lookup("#workload-import").queryButton().isDisabled()).isTrue();
        assertThat(vm.importTextProperty().get()).contains("MB of 4,096 MB");
        Snapshots.write(stage.getScene(), "workload-import-running.png");

        robot.clickOn("#workload-import-cancel");
        waitUntil(() -> !vm.importingProperty().get());

        assertThat(vm.messageProperty().get()).contains("cancelled");
        assertThat(vm.messageIsErrorProperty().get()).isFalse();
        assertThat(robot.lookup("#workload-import").queryButton().isDisabled()).isFalse();
    }

    @Test
    void anInstanceWithoutDataSaysWhatToDo(FxRobot robot) {
        open(robot, QUIET);

        Label empty = robot.lookup("#workload-empty").queryAs(Label.class);
        assertThat(empty.isVisible()).isTrue();
        assertThat(empty.getText()).contains("knobwright monitor collect --instance reports-mysql-02");
        assertThat(robot.lookup("#workload-class").queryAs(Label.class).getText()).isEqualTo("Unknown");
    }
}
