package io.knobwright.app.ui.policy;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.GovernedDemo;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.instance.CatalogLookup;
import io.knobwright.model.policy.LockRule;
import io.knobwright.model.store.KnobwrightStore;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
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

import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.function.BooleanSupplier;

import static org.assertj.core.api.Assertions.assertThat;

/** The Policy screen in the main window, as carol (admin) edits it and as bob (reviewer) reads it. */
@ExtendWith(ApplicationExtension.class)
class PolicyViewUiTest {

    private GovernedDemo demo;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        demo = GovernedDemo.on(KnobwrightStore.inMemory("policy-ui-" + UUID.randomUUID(), true));
    }

    @AfterEach
    void closeStore(FxRobot robot) {
        if (workbench != null) {
            robot.interact(() -> workbench.view().dispose());
        }
        demo.close();
    }

    private PolicyViewModel openPolicyAs(FxRobot robot, String user) throws Exception {
        AppContext context = demo.as(user);
        robot.interact(() -> {
            workbench = new Workbench(context.fleet(), context.templates(), context.plans(),
                    CatalogLookup.of(context.catalogService()), demo.governance(user), TaskRunner.inline(), Platform::runLater);
            stage.setWidth(1000);
            stage.setHeight(1000);
            workbench.start(stage);
        });
        // ten tabs: at 1000 px (the headless screen holds no wider window at this height) the last ones sit behind
        // the tab bar's overflow menu, so the screen is chosen as that menu would
        robot.interact(() -> workbench.viewModel().screenProperty().set(
                io.knobwright.app.ui.workbench.WorkbenchViewModel.Screen.POLICY));
        PolicyViewModel vm = workbench.viewModel().policy();
        waitUntil(() -> vm.loadedProperty().get());
        return vm;
    }

    /** Whether the node and all its parents are visible. */
    private static boolean shown(javafx.scene.Node node) {
        for (javafx.scene.Node n = node; n != null; n = n.getParent()) {
            if (!n.isVisible()) {
                return false;
            }
        }
        return true;
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

    @Test
    void anAdminReadsLocksRulesAndUsersAndAddsALockThroughTheForm(FxRobot robot) throws Exception {
        PolicyViewModel vm = openPolicyAs(robot, "carol");
        TableView<LockRule> locks = robot.lookup("#policy-locks").queryTableView();
        assertThat(locks.getItems()).containsExactlyElementsOf(GovernedDemo.LOCKS);
        ListView<RuleItem> rules = robot.lookup("#policy-rules").queryListView();
        assertThat(rules.getItems()).extracting(RuleItem::title)
                .containsExactly("1. production", "2. development", "Fallback: every other plan");
        assertThat(robot.lookup("#policy-users").queryTableView().getItems()).hasSize(5);
        assertThat(robot.lookup("#policy-audit").queryAs(Label.class).getText()).startsWith("Audit chain intact: ");
        assertThat(robot.lookup("#policy-read-only").query().isVisible()).isFalse();

        robot.interact(() -> vm.draft().select(rules.getItems().getFirst()));
        assertThat(robot.lookup("#policy-rule-title").queryAs(Label.class).getText()).isEqualTo("Rule 1: production");
        snapshot("policy-screen.png");

        robot.clickOn("#policy-lock-parameter").write("wal_level");
        ComboBox<?> scope = robot.lookup("#policy-lock-scope").queryComboBox();
        robot.interact(() -> vm.draft().lock().scopeKindProperty().set(io.knobwright.model.policy.LockScope.Kind.ENGINE));
        assertThat(scope.getValue()).isEqualTo(io.knobwright.model.policy.LockScope.Kind.ENGINE);
        robot.clickOn("#policy-lock-scope-value").write("postgres-ish");
        robot.clickOn("#policy-lock-add");
        Label error = robot.lookup("#policy-lock-error").queryAs(Label.class);
        assertThat(error.isVisible()).isTrue();
        assertThat(error.getText()).startsWith("Engine 'postgres-ish' is unknown");
        robot.doubleClickOn("#policy-lock-scope-value").eraseText(12).write("postgresql");
        robot.clickOn("#policy-lock-reason").write("logical decoding feeds the warehouse");
        robot.clickOn("#policy-lock-add");
        assertThat(error.isVisible()).isFalse();
        assertThat(locks.getItems()).hasSize(4);
        assertThat(robot.lookup("#policy-save").queryButton().isVisible()).isTrue();
        assertThat(robot.lookup("#policy-pending").queryAs(Label.class).getText())
                .isEqualTo("Lock added: wal_level on engine:postgresql (logical decoding feeds the warehouse)");
        snapshot("policy-screen-unsaved.png");

        // The rule editor, on the selected rule; Cancel leaves the rule as it was.
        robot.clickOn("#rule-edit");
        javafx.scene.control.TextField levels = robot.lookup("#rule-levels").queryAs(javafx.scene.control.TextField.class);
        assertThat(levels.getText()).isEqualTo("2 reviewer, then 1 admin");
        assertThat(robot.lookup("#rule-tiers").queryAs(javafx.scene.control.TextField.class).getText()).isEqualTo("production");
        snapshot("policy-rule-editor.png");
        robot.clickOn("#rule-cancel");
        assertThat(robot.lookup("#policy-rule-summary").query().isVisible()).isTrue();
    }

    @Test
    void someoneWhoIsNotAnAdminReadsThePolicyWithoutFormsAndWithTheReason(FxRobot robot) throws Exception {
        PolicyViewModel vm = openPolicyAs(robot, "bob");

        Label note = robot.lookup("#policy-read-only").queryAs(Label.class);
        assertThat(note.isVisible()).isTrue();
        assertThat(note.getText()).isEqualTo("Read-only: changing locks, rules and users needs the admin role, and bob has"
                + " reviewer. Ask an admin (carol).");
        assertThat(shown(robot.lookup("#policy-lock-add").query())).isFalse();
        assertThat(shown(robot.lookup("#rule-new").query())).isFalse();
        assertThat(shown(robot.lookup("#policy-user-save").query())).isFalse();
        assertThat(shown(robot.lookup("#policy-delegate").query())).as("delegating one's own decisions stays open").isTrue();
        Button importFile = robot.lookup("#policy-import").queryButton();
        assertThat(importFile.isDisabled()).isTrue();
        assertThat(robot.lookup("#policy-export").queryButton().isDisabled()).isFalse();
        robot.interact(() -> vm.draft().select(vm.draft().items().getLast()));
        assertThat(robot.lookup("#policy-rule-title").queryAs(Label.class).getText()).isEqualTo("Fallback rule \"default\"");
        snapshot("policy-screen-read-only.png");
    }
}
