package io.knobwright.app.ui.operations;

import io.knobwright.app.testing.ManualClock;

import atlantafx.base.controls.Message;
import io.knobwright.app.AppContext;
import io.knobwright.app.override.OverrideService;
import io.knobwright.app.ui.GovernedDemo;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.app.ui.fleet.FleetRow;
import io.knobwright.app.ui.instance.CatalogLookup;
import io.knobwright.model.audit.AuditEntry;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.override.EmergencyOverride;
import io.knobwright.model.override.OverrideRepository;
import io.knobwright.model.override.OverrideState;
import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.plan.PlannedChange;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableRow;
import javafx.scene.layout.StackPane;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Operations screen over a store holding live overrides (one stacked on another, one whose restoration keeps
 * failing), a plan being applied and one left needing attention; and the quick override from the fleet browser, in
 * two clicks, applied to an in-memory server.
 */
@ExtendWith(ApplicationExtension.class)
class OperationsUiTest {

    private static final Instant NOW = Instant.now().truncatedTo(ChronoUnit.SECONDS);

    private GovernedDemo demo;
    private KnobwrightStore store;
    private Stage stage;
    private final FakeServer server = new FakeServer();
    private OverrideService overrides;
    private StoreOperationsDesk desk;
    private Instance payments;
    private Instance orders;
    private EmergencyOverride first;
    private EmergencyOverride stacked;
    private EmergencyOverride failing;
    private ChangePlan applying;
    private ChangePlan bypassed;
    private Workbench workbench;
    private OperationsView view;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        demo = GovernedDemo.withoutPlans(KnobwrightStore.inMemory("ops-ui-" + UUID.randomUUID(), true));
        store = demo.store();
        AppContext dave = demo.as("dave");
        List<Instance> postgres = dave.fleet().list().stream().filter(i -> i.engine() == Engine.POSTGRESQL).toList();
        payments = store.instances().save(QuickOverrideViewModelTest.withConnection(postgres.get(0)));
        orders = store.instances().save(QuickOverrideViewModelTest.withConnection(postgres.get(1)));
        overrides = new OverrideService(store, store.vault(), dave.governance(),
                id -> Optional.ofNullable(dave.plans().catalogsOf(List.of(id)).get(id)), (instance, target, catalog) -> server,
                Clock.systemUTC());
        desk = new StoreOperationsDesk(overrides, dave.plans(), dave.audit(), PendingRestarts.of(dave.pendingRestarts()), "dave",
                listener -> { });
        seed();
    }

    /** Three live overrides, two plans after an apply, and their audit records, as the CLI would have left them. */
    private void seed() {
        OverrideRepository repo = store.overrides();
        store.pendingRestarts().put(new io.knobwright.model.apply.restart.PendingRestart(orders.id(), orders.name(),
                "shared_buffers", "2GB", NOW.minus(java.time.Duration.ofHours(3)), 0, 0, ""));
        first = active(repo.insert(EmergencyOverride.pending("b1", payments.id(), payments.name(), "work_mem", "256MB", "4MB",
                false, 0, "dave", "INC-2211 sorts spilling to disk", NOW.minusSeconds(600), NOW.plusSeconds(12 * 60 + 4), 0)));
        stacked = active(repo.insert(EmergencyOverride.pending("b2", payments.id(), payments.name(), "work_mem", "512MB",
                "256MB", true, first.id(), "erin", "INC-2211 the month-end report needs more", NOW.minusSeconds(120),
                NOW.plusSeconds(45 * 60), 0)));
        failing = active(repo.insert(EmergencyOverride.pending("b3", orders.id(), orders.name(), "statement_timeout", "5s",
                "30s", false, 0, "dave", "INC-2209 runaway queries", NOW.minusSeconds(3600), NOW.minusSeconds(180), 0)));
        repo.failedAttempt(failing.id(), 3, NOW.plusSeconds(35), "connection refused: " + orders.name()
                + ":5432 (is the server up?)");
        applying = plan(payments, PlanState.APPLYING);
        plan(orders, PlanState.NEEDS_ATTENTION);
        bypassed = plan(orders, PlanState.APPLIED);
        store.inTransaction(repos -> {
            repos.audit().append(new AuditEntry("dave", "override.applied", "override:" + first.id(), "4MB", "256MB",
                    "INC-2211 sorts spilling to disk"), NOW);
            repos.audit().append(new AuditEntry("erin", "override.applied", "override:" + stacked.id(), "256MB", "512MB",
                    "INC-2211 the month-end report needs more"), NOW);
            repos.audit().append(new AuditEntry("dave", "plan.bypassed", "plan:" + bypassed.id(), "SUBMITTED", "BYPASSED",
                    "INC-2209 connections exhausted, raised at once"), NOW);
            repos.audit().append(new AuditEntry("knobwright", "override.restore-failed", "override:" + failing.id(), "5s", "5s",
                    "attempt 3: connection refused; next attempt at " + NOW.plusSeconds(35)), NOW);
        });
    }

    private ChangePlan plan(Instance instance, PlanState state) {
        return store.plans().save(new ChangePlan(0, instance.id(), instance.name(), "postgresql-oltp", 3, NOW.minusSeconds(300),
                "alice", state, ChangePlan.NO_BASELINE, List.of(new PlannedChange("random_page_cost", "4", "1.1", null,
                ApplyMode.RELOAD, "SSD storage", ""))));
    }

    private EmergencyOverride active(EmergencyOverride o) {
        store.overrides().transition(o.id(), OverrideState.PENDING, OverrideState.ACTIVE, NOW);
        return store.overrides().find(o.id()).orElseThrow();
    }

    @AfterEach
    void close(FxRobot robot) {
        robot.interact(() -> {
            if (view != null) {
                view.dispose();
            }
            if (workbench != null) {
                workbench.view().dispose();
            }
        });
        demo.close();
    }

    private static void waitUntil(BooleanSupplier done) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            try {
                return done.getAsBoolean();
            } catch (org.testfx.service.query.EmptyNodeQueryException rebuilding) {
                return false; // the two-second poll is rebuilding the rows: not there yet, ask again
            }
        });
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void theDashboardCountsWhatNeedsAnOperatorAndItsCountdownsTick(FxRobot robot) throws Exception {
        ManualClock clock = new ManualClock(NOW);
        OperationsViewModel vm = new OperationsViewModel(desk, new BackgroundWork(TaskRunner.inline(), Platform::runLater,
                (a, d) -> { }), OperationsDialogs.CANCEL_ALL, clock, ZoneOffset.UTC);
        Theme theme = new Theme();
        robot.interact(() -> {
            view = new OperationsView(vm, theme.darkProperty());
            StackPane root = new StackPane(view);
            theme.style(root, OperationsView.STYLESHEET);
            // TilesFX lays a tile out only while its window shows, so the photograph is taken in the window itself.
            stage.setScene(new Scene(root, 1600, 900));
            stage.show();
            view.start();
        });
        waitUntil(() -> vm.active().size() == 3);

        assertThat(text(robot, "#ops-active-count")).isEqualTo("3");
        assertThat(text(robot, "#ops-alarm-count")).isEqualTo("1");
        assertThat(text(robot, "#ops-applying-count")).isEqualTo("1");
        assertThat(vm.plans()).extracting(PlanLine::headline).contains("#" + applying.id() + " " + payments.name());
        assertThat(text(robot, "#ops-restart-count")).as("orders waits for shared_buffers").isEqualTo("1");
        assertThat(robot.lookup("#ops-tile-alarms").query().getPseudoClassStates().toString()).contains("alarm");
        assertThat(vm.active()).extracting(OverrideLine::headline).containsExactly(
                "statement_timeout on " + orders.name() + " → 5s", "work_mem on " + payments.name() + " → 256MB",
                "work_mem on " + payments.name() + " → 512MB");
        assertThat(vm.incidents()).extracting(IncidentLine::headline).contains(
                "restore failed · statement_timeout on " + orders.name(), "override applied · work_mem on " + payments.name(),
                "glass broken · plan #" + bypassed.id());

        String countdown = ".ops-countdown-" + first.id();
        assertThat(text(robot, countdown)).isEqualTo("restores in 12:04");
        Snapshots.write(stage.getScene(), "operations-dashboard.png");

        // A minute later on the dashboard's clock: the one-second timeline recomputes from the deadline.
        clock.advance(Duration.ofSeconds(65));
        waitUntil(() -> text(robot, countdown).equals("restores in 10:59"));

        // Another process (the CLI) restores the stacked override: the two-second poll shows it.
        store.overrides().end(stacked.id(), OverrideState.RESTORED, NOW, "erin", "restored by the CLI");
        waitUntil(() -> "2".equals(text(robot, "#ops-active-count")));

        // The tiles follow the dark theme with the rest of the window.
        robot.interact(() -> theme.darkProperty().set(true));
        assertThat(robot.lookup("#ops-tile-active").queryAs(eu.hansolo.tilesfx.Tile.class).getBackgroundColor())
                .isEqualTo(TilePalette.DARK.background());
        Snapshots.write(stage.getScene(), "operations-dashboard-dark.png");
        robot.interact(() -> theme.darkProperty().set(false));
    }

    @Test
    void anInstanceIsOverriddenInTwoClicksFromTheFleetAndShowsOnTheDashboard(FxRobot robot) throws Exception {
        AppContext dave = demo.as("dave");
        robot.interact(() -> {
            workbench = new Workbench(dave.fleet(), dave.templates(), dave.plans(), CatalogLookup.of(dave.catalogService()),
                    demo.governance("dave").withOperations(desk), TaskRunner.inline(), Platform::runLater);
            stage.setWidth(1000);
            stage.setHeight(1000);
            workbench.start(stage);
        });
        assertThat(robot.lookup("#workbench-screens").queryAs(TabPane.class).getTabs())
                .extracting(t -> t.getText().replaceFirst(" \\(\\d+\\)$", "")) // "Alerts (3)": its badge counts them
                .containsExactly("Fleet", "Workload", "Health", "What-if", "Alerts", "Operations", "Templates", "Plans", "Compare",
                        "Policy", "Recommendations");
        waitUntil(() -> workbench.viewModel().browser().totalCountProperty().get() > 3);

        // Click 1: right-click the instance (it is selected) and choose the menu item; click 2 is Apply.
        robot.interact(() -> {
            workbench.viewModel().browser().select(orders.id());
            var table = workbench.view().fleetView().table();
            table.scrollTo(table.getSelectionModel().getSelectedIndex());
        });
        TableRow<?> row = rowOf(robot, orders.id());
        robot.rightClickOn(row);
        robot.clickOn("Emergency override…");
        waitUntil(() -> dialog() != null);

        robot.clickOn("#qo-parameter").write("work_m");
        ListView<String> suggestions = robot.lookup("#qo-suggestions").queryListView();
        waitUntil(() -> !suggestions.getItems().isEmpty());
        assertThat(suggestions.getItems().getFirst()).isEqualTo("work_mem");
        Snapshots.write(dialog().getScene(), "quick-override-completion.png");
        robot.clickOn(suggestions.lookup(".list-cell"));
        robot.clickOn("#qo-value").write("256MB");
        robot.interact(() -> robot.lookup("#qo-duration").queryComboBox().getEditor().setText("1h"));
        robot.clickOn("#qo-reason").write("INC-2230 hash joins spilling");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(text(robot, "#qo-problem")).isEmpty();
        Snapshots.write(dialog().getScene(), "quick-override.png");
        robot.clickOn("#qo-apply");
        waitUntil(() -> dialog() == null);

        assertThat(server.statements).containsExactly("set work_mem = 256MB");
        EmergencyOverride made = overrides.live().stream().filter(o -> o.instanceId() == orders.id()
                && o.parameter().equals("work_mem")).findFirst().orElseThrow();
        assertThat(Duration.between(made.createdAt(), made.deadline())).as("1h from when Apply was pressed")
                .isBetween(Duration.ofMinutes(59), Duration.ofHours(1));
        assertThat(made.reason()).isEqualTo("INC-2230 hash joins spilling");
        assertThat(robot.lookup("#workbench-message").queryAs(Message.class).getDescription())
                .startsWith("work_mem on " + orders.name() + " is 256MB now; it restores by itself at ");

        robot.clickOn("#tab-operations");
        waitUntil(() -> "4".equals(text(robot, "#ops-active-count")));
        Snapshots.write(stage.getScene(), "operations-workbench.png");
    }

    private static TableRow<?> rowOf(FxRobot robot, long instanceId) throws Exception {
        TableRow<?>[] found = new TableRow<?>[1];
        waitUntil(() -> {
            for (TableRow<?> r : robot.lookup("#fleet-table .table-row-cell").queryAllAs(TableRow.class)) {
                if (r.getItem() instanceof FleetRow fr && fr.instance().id() == instanceId) {
                    found[0] = r;
                    return true;
                }
            }
            return false;
        });
        return found[0];
    }

    /** The quick override's window while it is open. */
    private static Window dialog() {
        return Window.getWindows().stream().filter(w -> w.isShowing() && w.getScene() != null
                && w.getScene().lookup("#qo-parameter") != null).findFirst().orElse(null);
    }

}
