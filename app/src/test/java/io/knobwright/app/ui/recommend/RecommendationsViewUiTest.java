package io.knobwright.app.ui.recommend;

import io.knobwright.app.ui.Fixtures;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.common.BackgroundWork;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.TableView;
import javafx.scene.layout.StackPane;
import javafx.scene.shape.Line;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Recommendations screen as a DBA sees it, over the hand-made answers: one instance's cards with a partner accepted
 * and a durability trade's window, and the fleet table with an answer, a "no change" and failures; light and dark.
 * Snapshots go to app/target/snapshots.
 */
@ExtendWith(ApplicationExtension.class)
class RecommendationsViewUiTest {

    private final List<Instance> fleet = List.of(
            Fixtures.instance(1, "pg-orders", Engine.POSTGRESQL, "16", Tier.PRODUCTION, Criticality.HIGH, WorkloadKind.OLTP, Map.of()),
            Fixtures.instance(2, "pg-quiet", Engine.POSTGRESQL, "15", Tier.STAGING, Criticality.MEDIUM, WorkloadKind.OLTP, Map.of()),
            Fixtures.instance(3, "pg-new", Engine.POSTGRESQL, "17", Tier.DEVELOPMENT, Criticality.LOW, WorkloadKind.OLAP, Map.of()),
            Fixtures.instance(4, "pg-reports", Engine.POSTGRESQL, "16", Tier.PRODUCTION, Criticality.MEDIUM, WorkloadKind.OLAP, Map.of()));
    private final List<ChangePlan> made = new ArrayList<>();
    private Stage stage;
    private Theme theme;
    private RecommendationsView view;

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
    }

    private RecommendationsViewModel mount() throws Exception {
        BackgroundWork work = new BackgroundWork(TaskRunner.inline(), Platform::runLater, (action, details) -> { },
                Fixtures.noWait());
        RecommendationsDesk desk = new RecommendationsDesk(() -> fleet, new RecommendationSamples.FakeService(),
                (instance, set, chosen) -> {
                    ChangePlan plan = new ChangePlan(41, instance.id(), instance.name(), "recommendations", 0,
                            Instant.parse("2026-12-07T03:00:00Z"), "lin", PlanState.DRAFT, "snapshot of 2026-12-06T09:00:00Z",
                            io.knobwright.app.recommend.AcceptedRecommendations.plannedChanges(set, chosen));
                    made.add(plan);
                    return plan;
                }, 2);
        RecommendationsViewModel vm = new RecommendationsViewModel(work, desk);
        view = WaitForAsyncUtils.asyncFx(() -> {
            RecommendationsView v = new RecommendationsView(vm);
            theme.style(stage.getScene().getRoot());
            ((StackPane) stage.getScene().getRoot()).getChildren().setAll(v);
            vm.refresh();
            return v;
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.instances().size() == fleet.size());
        return vm;
    }

    private <T extends Node> T lookup(String selector) throws Exception {
        @SuppressWarnings("unchecked")
        T node = (T) WaitForAsyncUtils.asyncFx(() -> view.lookup(selector)).get(10, TimeUnit.SECONDS);
        assertThat(node).as(selector).isNotNull();
        return node;
    }

    @Test
    void oneInstancesCardsShowReasoningEvidenceTheWindowAndTheImpactAndTheAcceptedPartner(FxRobot robot) throws Exception {
        RecommendationsViewModel vm = mount();
        robot.interact(() -> {
            vm.show(fleet.getFirst());
            vm.allowDurabilityTradeProperty().set(true);
            vm.recommend();
        });
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.cards().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();
        robot.interact(() -> vm.cards().getFirst().acceptedProperty().set(true));

        assertThat(this.<Label>lookup("#rec-card-shared_buffers-from-to").getText()).isEqualTo("128MB → 4GB");
        assertThat(this.<Label>lookup("#rec-card-shared_buffers-gain").getText()).isEqualTo("+18% (80%: +9% to +27%)");
        assertThat(this.<Label>lookup("#rec-card-synchronous_commit-data-loss").getText())
                .startsWith("Data-loss window: A crash of the server or the OS can lose");
        assertThat(this.<Label>lookup("#rec-card-shared_buffers-impact-throughputTps").getText())
                .isEqualTo("after  1,460 tps [1,168–1,752]");
        assertThat(this.<Label>lookup("#rec-card-work_mem-note").getText()).startsWith("Accepted with the others: it frees");
        assertThat(this.<Button>lookup("#rec-create-plan").getText()).isEqualTo("Create change plan from 2 accepted");
        assertThat(this.<Label>lookup("#rec-durability-risk").getText()).startsWith("Risk: with synchronous_commit off");
        long whiskers = WaitForAsyncUtils.asyncFx(() -> view.lookupAll(".impact-whisker").stream()
                .filter(Node::isVisible).filter(n -> ((Line) n).getEndX() > ((Line) n).getStartX()).count())
                .get(10, TimeUnit.SECONDS);
        assertThat(whiskers).as("an interval drawn for each bar with a spread").isGreaterThanOrEqualTo(8);
        assertThat(lookup("#rec-considered").isVisible()).isTrue();
        assertThat(lookup("#rec-warnings").isVisible()).isTrue();

        assertThat(Snapshots.writeAt(stage.getScene(), 1280, 1700, "recommendations-instance.png")).exists();
        robot.interact(() -> theme.darkProperty().set(true));
        assertThat(Snapshots.writeAt(stage.getScene(), 1280, 1700, "recommendations-instance-dark.png")).exists();
        robot.interact(() -> theme.darkProperty().set(false));

        robot.interact(vm::createPlan);
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> vm.createdProperty().get() != null);
        assertThat(made).singleElement().satisfies(p -> assertThat(p.changes()).extracting(c -> c.parameter())
                .containsExactly("shared_buffers", "work_mem"));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(this.<javafx.scene.control.Hyperlink>lookup("#rec-open-plan").getText()).isEqualTo("Open plan #41");
    }

    @Test
    void theFleetTableListsEachInstancesChangesGainOrWhyNotAndTheSelectedOnesCards(FxRobot robot) throws Exception {
        RecommendationsViewModel vm = mount();
        robot.interact(vm::recommendFleet);
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> !vm.runningProperty().get() && vm.fleet().size() == 4);
        WaitForAsyncUtils.waitForFxEvents();

        TableView<FleetRow> table = lookup("#rec-fleet-table");
        assertThat(table.getItems()).extracting(FleetRow::name).containsExactly("pg-orders", "pg-quiet", "pg-new", "pg-reports");
        assertThat(table.getSelectionModel().getSelectedItem().name()).isEqualTo("pg-orders");
        assertThat(this.<Label>lookup("#rec-answer-heading").getText()).isEqualTo("pg-orders");
        assertThat(vm.messageProperty().get()).isEqualTo("2 of 4 instances answered; 2 could not be (the table says why).");

        assertThat(Snapshots.writeAt(stage.getScene(), 1280, 1000, "recommendations-fleet.png")).exists();
        robot.interact(() -> theme.darkProperty().set(true));
        assertThat(Snapshots.writeAt(stage.getScene(), 1280, 1000, "recommendations-fleet-dark.png")).exists();
        robot.interact(() -> theme.darkProperty().set(false));

        robot.interact(() -> table.getSelectionModel().select(1));
        assertThat(this.<Label>lookup("#rec-no-change").getText()).startsWith("No change recommended: The workload is served");
        robot.interact(() -> table.getSelectionModel().select(2));
        assertThat(this.<Label>lookup("#rec-failure").getText()).startsWith("No answer: No workload measured for pg-new");
    }
}
