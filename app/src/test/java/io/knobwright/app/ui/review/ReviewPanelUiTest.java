package io.knobwright.app.ui.review;

import atlantafx.base.controls.Message;
import io.knobwright.app.AppContext;
import io.knobwright.app.governance.PlanReview;
import io.knobwright.app.ui.GovernedDemo;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.instance.CatalogLookup;
import io.knobwright.app.ui.plan.PlanRow;
import io.knobwright.model.approval.Verdict;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The review panel in the main window on the governed demo fleet: alice wrote and submitted plans, bob reviews
 * them with the keyboard alone, and alice's attempt to approve her own plan is refused in words.
 */
@ExtendWith(ApplicationExtension.class)
class ReviewPanelUiTest {

    private GovernedDemo demo;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        demo = GovernedDemo.on(KnobwrightStore.inMemory("review-ui-" + UUID.randomUUID(), true));
    }

    @AfterEach
    void closeStore(FxRobot robot) {
        if (workbench != null) {
            robot.interact(() -> workbench.view().dispose());
        }
        demo.close();
    }

    /** Opens the main window as {@code user}, background work inline, as the app would for them. */
    private ReviewPanelViewModel openAs(FxRobot robot, String user) {
        AppContext context = demo.as(user);
        robot.interact(() -> {
            workbench = new Workbench(context.fleet(), context.templates(), context.plans(),
                    CatalogLookup.of(context.catalogService()), demo.governance(user), TaskRunner.inline(), Platform::runLater);
            stage.setWidth(1000);
            stage.setHeight(1000);
            workbench.start(stage);
        });
        return workbench.viewModel().reviews();
    }

    /**
     * Photographs the window at desktop size; the nodes keep that layout until the next pulse, so the robot waits
     * for it before clicking anything again.
     */
    private void snapshot(String file) throws Exception {
        Snapshots.writeAt(stage.getScene(), 1920, 1080, file);
        WaitForAsyncUtils.asyncFx(() -> {
            stage.getScene().getRoot().applyCss();
            stage.getScene().getRoot().layout();
        }).get(10, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private static void waitUntil(BooleanSupplier done) throws Exception {
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return done.getAsBoolean();
        });
    }

    private PlanReview stored(long planId) {
        return demo.as("carol").governance().review(planId);
    }

    private Node focused() {
        WaitForAsyncUtils.waitForFxEvents();
        return stage.getScene().getFocusOwner();
    }

    @Test
    void aReviewerApprovesAndRejectsByKeyboardAlone(FxRobot robot) throws Exception {
        ReviewPanelViewModel vm = openAs(robot, "bob");
        Label badge = robot.lookup("#review-badge").queryAs(Label.class);
        waitUntil(() -> badge.isVisible() && badge.getText().equals(Integer.toString(demo.submitted.size())));
        assertThat(robot.lookup("#review-panel").query().isVisible()).isFalse();

        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        ListView<ReviewRow> list = robot.lookup("#review-list").queryListView();
        assertThat(robot.lookup("#review-panel").query().isVisible()).isTrue();
        assertThat(focused()).isSameAs(list);

        // The photograph: a production plan half way along its chain, with its risk reasons.
        robot.interact(() -> vm.select(vm.rows().stream().filter(r -> r.planId() == demo.halfApproved.id()).findFirst().orElseThrow()));
        snapshot("review-panel.png");

        // Down the list with the arrows to a plan its fallback rule lets one reviewer approve.
        ChangePlan target = demo.submitted.stream().filter(p -> stored(p.id()).submission().orElseThrow().chain().levels().size() == 1)
                .findFirst().orElseThrow();
        // The snapshot lent the window's content to another scene: Ctrl+Shift+A brings the keyboard back to the list.
        robot.press(KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A).release(KeyCode.A, KeyCode.SHIFT, KeyCode.CONTROL);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(focused()).isSameAs(list);
        int index = vm.rows().indexOf(vm.rows().stream().filter(r -> r.planId() == target.id()).findFirst().orElseThrow());
        int from = list.getSelectionModel().getSelectedIndex();
        for (int i = from; i != index; i += Integer.signum(index - from)) {
            robot.type(index > from ? KeyCode.DOWN : KeyCode.UP);
        }
        assertThat(vm.selectedProperty().get().planId()).isEqualTo(target.id());
        assertThat(robot.lookup("#review-detail-title").queryAs(Label.class).getText())
                .isEqualTo("Plan #" + target.id() + " · " + target.instanceName());

        robot.type(KeyCode.TAB);
        assertThat(focused()).as("Tab goes from the list to the comment").hasFieldOrPropertyWithValue("id", "review-comment");
        robot.write("Checked on staging: fine.");
        robot.press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        waitUntil(() -> stored(target.id()).plan().state() == PlanState.APPROVED);
        assertThat(stored(target.id()).decisions()).singleElement().satisfies(d -> {
            assertThat(d.actor()).isEqualTo("bob");
            assertThat(d.verdict()).isEqualTo(Verdict.APPROVE);
            assertThat(d.comment()).isEqualTo("Checked on staging: fine.");
        });
        waitUntil(() -> badge.getText().equals(Integer.toString(demo.submitted.size() - 1)));
        assertThat(robot.lookup("#review-message").queryAs(Message.class).getDescription())
                .isEqualTo("You approved plan #" + target.id() + " for " + target.instanceName() + "; it is now approved.");

        // Reject needs a comment: Alt+R does nothing until one is typed.
        long next = vm.selectedProperty().get().planId();
        Button reject = robot.lookup("#review-reject").queryButton();
        assertThat(reject.isDisabled()).isTrue();
        robot.press(KeyCode.ALT).type(KeyCode.R).release(KeyCode.ALT);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(stored(next).decisions()).noneMatch(d -> d.actor().equals("bob"));
        robot.clickOn("#review-comment").write("shared_buffers 16GB on a 32GB host leaves too little for the OS.");
        assertThat(reject.isDisabled()).isFalse();
        robot.press(KeyCode.ALT).type(KeyCode.R).release(KeyCode.ALT);
        waitUntil(() -> stored(next).decisions().stream().anyMatch(d -> d.actor().equals("bob")));
        assertThat(stored(next).plan().state()).isEqualTo(PlanState.REJECTED);

        // Ctrl+Enter approves too.
        long third = vm.selectedProperty().get().planId();
        robot.clickOn("#review-comment");
        robot.press(KeyCode.CONTROL).type(KeyCode.ENTER).release(KeyCode.CONTROL);
        waitUntil(() -> stored(third).decisions().stream().anyMatch(d -> d.actor().equals("bob") && d.verdict() == Verdict.APPROVE));

        // The break-glass review dave's bypass opened: bob reads the reason and closes it with what he found.
        robot.clickOn("#review-tab-break-glass");
        ListView<BreakGlassRow> reviews = robot.lookup("#break-glass-list").queryListView();
        assertThat(reviews.getItems()).singleElement().satisfies(r -> assertThat(r.item().planId()).isEqualTo(demo.bypassed.id()));
        robot.interact(() -> reviews.getSelectionModel().select(0));
        assertThat(robot.lookup("#break-glass-reason").queryAs(Label.class).getText())
                .isEqualTo("Reason given: INC-2211: connections exhausted during the sale, raised at once");
        robot.clickOn("#break-glass-comment").write("Pool sizes checked after the sale; keep the raise.");
        snapshot("review-panel-break-glass.png");
        robot.clickOn("#break-glass-comment");
        robot.press(KeyCode.ALT).type(KeyCode.C).release(KeyCode.ALT);
        waitUntil(() -> stored(demo.bypassed.id()).reviews().stream().noneMatch(r -> r.open()));
        assertThat(stored(demo.bypassed.id()).reviews().getFirst().closeComment())
                .isEqualTo("Pool sizes checked after the sale; keep the raise.");

        robot.type(KeyCode.ESCAPE);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#review-panel").query().isVisible()).isFalse();
    }

    @Test
    void approvingOnesOwnPlanFromThePlansScreenShowsTheRefusal(FxRobot robot) throws Exception {
        ReviewPanelViewModel vm = openAs(robot, "alice");
        waitUntil(() -> vm.loadedProperty().get());
        assertThat(robot.lookup("#review-badge").query().isVisible()).as("nothing awaits alice").isFalse();
        ChangePlan own = demo.halfApproved;

        // ten tabs: at 1000 px (the headless screen holds no wider window at this height) the last ones sit behind
        // the tab bar's overflow menu, so the screen is chosen as that menu would
        robot.interact(() -> workbench.viewModel().screenProperty().set(
                io.knobwright.app.ui.workbench.WorkbenchViewModel.Screen.PLANS));
        TableView<PlanRow> plans = robot.lookup("#plans-table").queryTableView();
        waitUntil(() -> !plans.getItems().isEmpty());
        robot.interact(() -> workbench.viewModel().plans().select(own.id()));
        robot.clickOn("#plans-review");
        waitUntil(() -> vm.selectedProperty().get() != null && vm.selectedProperty().get().planId() == own.id());
        assertThat(robot.lookup("#review-panel").query().isVisible()).isTrue();

        robot.press(KeyCode.ALT).type(KeyCode.A).release(KeyCode.ALT);
        Message message = robot.lookup("#review-message").queryAs(Message.class);
        waitUntil(message::isVisible);
        assertThat(message.getDescription()).isEqualTo("Approve plan #" + own.id() + " failed: alice wrote this plan and may"
                + " not decide on it: separation of duties needs another reviewer.");
        assertThat(message.getStyleClass()).contains("danger");
        assertThat(stored(own.id()).decisions()).extracting(d -> d.actor()).containsExactly("erin");
        snapshot("review-panel-refusal.png");
    }
}
