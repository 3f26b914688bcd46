package io.knobwright.app.ui.template;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.plan.PlanRow;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;
import java.util.Set;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * *Create plans…* on the demo store: the dialog lists every PostgreSQL instance with those following the template
 * ticked, says how many chosen ones were never read, and the plans made for them say they have no baseline.
 */
@ExtendWith(ApplicationExtension.class)
class CreatePlansUiTest {

    private AppContext context;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = DemoWorkbench.context("create-plans-ui");
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
    void theDialogOffersTheEnginesInstancesCountsThoseNeverReadAndThePlansSaySoToo(FxRobot robot) throws Exception {
        robot.clickOn("#tab-templates");
        robot.clickOn("#template-search").write("postgresql-oltp");
        ListView<TemplateItem> templates = robot.lookup("#template-list").queryListView();
        waitUntil(() -> templates.getItems().stream().anyMatch(i -> i.name().equals("postgresql-oltp")));
        robot.interact(() -> templates.getSelectionModel().select(templates.getItems().stream()
                .filter(i -> i.name().equals("postgresql-oltp")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();

        robot.clickOn("#template-create-plans");
        waitUntil(() -> robot.lookup("#plan-targets-list").tryQuery().isPresent());
        ListView<PlanTarget> list = robot.lookup("#plan-targets-list").queryListView();
        List<Instance> postgres = context.fleet().list().stream().filter(i -> i.engine() == Engine.POSTGRESQL).toList();
        Set<Long> following = context.templates().instancesUsing("postgresql-oltp");
        assertThat(list.getItems()).hasSize(postgres.size());
        assertThat(list.getItems().stream().filter(t -> t.chosenProperty().get()).map(PlanTarget::id))
                .containsExactlyInAnyOrderElementsOf(following);

        // Only the production instances, read or not.
        robot.clickOn("#plan-targets-none");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#plan-targets-search").write("prod");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#plan-targets-all");
        WaitForAsyncUtils.waitForFxEvents();
        List<PlanTarget> chosen = list.getItems().stream().filter(t -> t.chosenProperty().get()).toList();
        assertThat(chosen).hasSizeLessThan(postgres.size()).allSatisfy(t -> assertThat(postgres.stream()
                .filter(i -> i.id() == t.id()).findFirst().orElseThrow().tier().label()).isEqualTo("production"));
        long unread = chosen.stream().filter(t -> !t.settingsRead()).count();
        assertThat(unread).as("the demo has production instances never read").isPositive();
        Label summary = robot.lookup("#plan-targets-summary").queryAs(Label.class);
        assertThat(summary.getText()).startsWith(chosen.size() + " of " + postgres.size() + " instances chosen. "
                + unread + " have no settings read");
        Button create = robot.lookup("#dialog-plan-create").queryButton();
        assertThat(create.getText()).isEqualTo("Create " + chosen.size() + " plans");
        Snapshots.write(list.getScene(), "create-plans-dialog.png");
        robot.interact(() -> robot.lookup("#plan-targets-search").queryTextInputControl().clear());
        assertThat(list.getItems().stream().filter(t -> t.chosenProperty().get()).toList()).isEqualTo(chosen);

        robot.clickOn(create);
        TableView<PlanRow> plans = robot.lookup("#plans-table").queryTableView();
        waitUntil(() -> plans.getItems().size() == chosen.size());
        ChangePlan blind = context.plans().plans().stream().filter(p -> !p.hasBaseline()).findFirst().orElseThrow();
        assertThat(context.plans().plans()).filteredOn(p -> !p.hasBaseline()).hasSize((int) unread);

        robot.interact(() -> workbench.viewModel().plans().select(blind.id()));
        Label baseline = robot.lookup("#plan-baseline").queryAs(Label.class);
        assertThat(baseline.getText()).isEqualTo("none: no settings read before planning");
        assertThat(baseline.getPseudoClassStates()).extracting(Object::toString).contains("no-baseline");
        Label warning = robot.lookup("#plan-baseline-warning").queryAs(Label.class);
        assertThat(warning.isVisible()).isTrue();
        assertThat(warning.getText()).contains("no settings were read from " + blind.instanceName());
        Snapshots.writeAt(stage.getScene(), 1280, 800, "plans-no-baseline-1280.png");
    }
}
