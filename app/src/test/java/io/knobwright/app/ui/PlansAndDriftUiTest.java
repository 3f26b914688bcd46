package io.knobwright.app.ui;

import io.knobwright.app.AppContext;
import io.knobwright.app.template.TemplateService;
import io.knobwright.app.ui.fleet.FleetEntry;
import io.knobwright.app.ui.fleet.FleetRow;
import io.knobwright.app.ui.plan.PlanChangeRow;
import io.knobwright.app.ui.plan.PlanRow;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.template.TemplateAssignment;
import javafx.scene.control.Label;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The workbench on a real in-memory store with the seeded demo fleet, where every third instance has a
 * snapshot and follows its workload's template: plans made through the service show on the Plans screen,
 * drift shows in the fleet table.
 */
@ExtendWith(ApplicationExtension.class)
class PlansAndDriftUiTest {

    private AppContext context;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = DemoWorkbench.context("plans-ui");
        workbench = DemoWorkbench.start(stage, context);
    }

    @AfterEach
    void closeStore() {
        context.close();
    }

    private static void waitUntil(java.util.function.BooleanSupplier done) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return done.getAsBoolean();
        });
    }

    @Test
    void plansMadeForTheFleetCanBeReadOnThePlansScreen(FxRobot robot) throws Exception {
        TemplateService templates = context.templates();
        List<ChangePlan> made = new ArrayList<>();
        for (TemplateAssignment a : templates.assignments().values().stream().limit(8).toList()) {
            made.addAll(context.plans().createPlans(a.reference(), List.of(a.instanceId()), false, n -> { }).plans());
        }
        assertThat(made).hasSizeGreaterThan(4);
        // The plan a reviewer would look at: the one with most changes, a restart among them.
        ChangePlan target = made.stream().filter(ChangePlan::restartNeeded)
                .max(java.util.Comparator.comparingInt(p -> p.changes().size())).orElseThrow();

        robot.clickOn("#tab-plans");
        TableView<PlanRow> plans = robot.lookup("#plans-table").queryTableView();
        waitUntil(() -> plans.getItems().size() == made.size());
        assertThat(plans.getItems().getFirst().id()).isEqualTo(made.getLast().id());

        robot.interact(() -> workbench.viewModel().plans().select(target.id()));
        TableView<PlanChangeRow> changes = robot.lookup("#plan-changes").queryTableView();
        assertThat(changes.getItems()).hasSize(target.changes().size());
        assertThat(robot.lookup("#plan-title").queryAs(Label.class).getText())
                .isEqualTo("Plan #" + target.id() + " for " + target.instanceName());
        assertThat(plans.getSelectionModel().getSelectedItem().id()).isEqualTo(target.id());
        assertThat(changes.getItems()).anySatisfy(c -> assertThat(c.restartNeeded()).isTrue());
        Snapshots.writeAt(stage.getScene(), 1920, 1080, "plans.png");

        // Another plan picked with the mouse replaces the detail.
        PlanRow other = plans.getItems().stream().filter(r -> r.id() != target.id()).findFirst().orElseThrow();
        TableRow<?> row = robot.lookup(".table-row-cell").match((TableRow<?> r) -> r.getItem() instanceof PlanRow p
                && p.id() == other.id()).query();
        robot.clickOn(robot.from(row).lookup(".table-cell").<javafx.scene.Node>query());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#plan-title").queryAs(Label.class).getText())
                .isEqualTo("Plan #" + other.id() + " for " + other.instance());
    }

    @Test
    void theFleetShowsEachInstancesTemplateAndDriftAndCanShowDriftingOnly(FxRobot robot) throws Exception {
        TableView<FleetEntry> table = robot.lookup("#fleet-table").queryTableView();
        waitUntil(() -> table.getItems().size() == context.fleet().list().size());
        Map<Long, Integer> drift = context.plans().drift();
        long drifting = drift.values().stream().filter(n -> n > 0).count();
        assertThat(drifting).isPositive();
        assertThat(table.getColumns()).extracting(c -> c.getText() != null ? c.getText() : ((Label) c.getGraphic()).getText())
                .contains("Template", "Drift");
        // Drift arrives after the rows: the fleet does not wait for it.
        Label status = robot.lookup("#status-text").queryAs(Label.class);
        waitUntil(() -> status.getText().endsWith(" · " + drifting + " drifting"));

        robot.interact(() -> workbench.viewModel().browser().select(table.getItems().stream()
                .filter(e -> e instanceof FleetRow r && r.drifting()).findFirst().orElseThrow()));
        Snapshots.writeAt(stage.getScene(), 1920, 1080, "fleet-drift.png");

        robot.interact(() -> robot.lookup("#fleet-drifting-only").queryAs(ToggleButton.class).fire());
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(table.getItems()).hasSize((int) drifting)
                .allSatisfy(e -> assertThat(((FleetRow) e).drift()).isEqualTo(drift.get(((FleetRow) e).id())));
        Snapshots.writeAt(stage.getScene(), 1920, 1080, "fleet-drifting-only.png");
    }
}
