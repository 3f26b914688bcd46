package io.knobwright.app.ui.template;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.Template;
import io.knobwright.model.template.TemplateEntry;
import io.knobwright.model.template.ValidationIssue;
import javafx.scene.Node;
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
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Templates screen on a real store with the demo fleet: a child of the built-in OLTP template,
 * assigned to a PostgreSQL instance, is edited; the diff against that instance's settings follows every
 * edit, validation marks a bad value, and saving makes version 2.
 */
@ExtendWith(ApplicationExtension.class)
class TemplateEditorUiTest {

    private AppContext context;
    private Instance instance;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = DemoWorkbench.context("template-editor-ui");
        instance = DemoWorkbench.postgres16WithSettings(context).getFirst();
        context.templates().save(new Template("payments-oltp", Engine.POSTGRESQL, List.of("15", "16", "17"),
                "postgresql-oltp", List.of(TemplateEntry.literal("work_mem", "32MB", "Payment batches sort large result sets"),
                TemplateEntry.literal("idle_in_transaction_session_timeout", "60s",
                        "A forgotten transaction must not hold locks on the ledger")), false,
                "OLTP for the payments services: bigger sorts, no idle transactions"), "first cut");
        context.templates().assign(Long.toString(instance.id()), "payments-oltp");
        DemoWorkbench.start(stage, context);
    }

    @AfterEach
    void closeStore() {
        context.close();
    }

    private static Optional<DiffRow> diffRow(FxRobot robot, String parameter) {
        return robot.lookup("#template-diff").queryAs(io.knobwright.app.ui.diff.DiffView.class).getRows().stream()
                .filter(r -> r.name().equals(parameter)).findFirst();
    }

    private static EntryRow entry(FxRobot robot, String parameter) {
        TableView<EntryRow> table = robot.lookup("#entry-table").queryTableView();
        return table.getItems().stream().filter(r -> r.parameterProperty().get().equals(parameter)).findFirst().orElseThrow();
    }

    /** Selects the field's text and types over it, as a user would. */
    private static void replace(FxRobot robot, String field, String text) {
        robot.clickOn(field);
        robot.interact(() -> robot.lookup(field).queryTextInputControl().selectAll());
        robot.write(text);
    }

    /** The editor checks once typing pauses (a quarter second): wait for what the check shows. */
    private static void waitUntil(java.util.function.BooleanSupplier shown) throws Exception {
        WaitForAsyncUtils.waitFor(10, java.util.concurrent.TimeUnit.SECONDS, () -> {
            WaitForAsyncUtils.waitForFxEvents();
            return shown.getAsBoolean();
        });
    }

    private void openPaymentsTemplate(FxRobot robot) {
        robot.clickOn("#tab-templates");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#template-search").write("payments");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<TemplateItem> list = robot.lookup("#template-list").queryListView();
        assertThat(list.getItems()).extracting(TemplateItem::name).containsExactly("payments-oltp");
        robot.interact(() -> list.getSelectionModel().select(0));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Test
    void editingAChildTemplateUpdatesTheDiffAgainstTheInstanceItIsAssignedTo(FxRobot robot) throws Exception {
        openPaymentsTemplate(robot);
        assertThat(robot.lookup("#template-title").queryAs(Label.class).getText()).isEqualTo("payments-oltp");
        assertThat(robot.lookup("#compare-target").queryComboBox().getValue())
                .isEqualTo(new CompareTarget.Instance(instance.id(), instance.name(), true));
        // Own entries and inherited ones are both listed; the inherited keep their origin.
        assertThat(entry(robot, "work_mem").own()).isTrue();
        assertThat(entry(robot, "jit").own()).isFalse();
        assertThat(entry(robot, "jit").origin()).isEqualTo("postgresql-oltp v1");
        DiffRow before = diffRow(robot, "work_mem").orElseThrow();
        assertThat(before.left()).isEqualTo("32MB");

        // Edit the child's own entry: once typing pauses, the diff against the instance follows.
        robot.interact(() -> robot.lookup("#entry-table").queryTableView().getSelectionModel().select(entry(robot, "work_mem")));
        replace(robot, "#entry-value", "128MB");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#entry-value").queryTextInputControl().getText()).isEqualTo("128MB");
        waitUntil(() -> diffRow(robot, "work_mem").orElseThrow().left().equals("128MB"));

        // Override an inherited entry with an expression: a new difference appears for it.
        robot.interact(() -> robot.lookup("#entry-table").queryTableView().getSelectionModel().select(entry(robot, "jit")));
        robot.clickOn("#entry-override");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(entry(robot, "jit").own()).isTrue();
        replace(robot, "#entry-value", "on");
        replace(robot, "#entry-rationale", "Month-end reports run on this cluster too");
        waitUntil(() -> diffRow(robot, "jit").map(r -> r.left().equals("on")).orElse(false));

        Button save = robot.lookup("#template-save").queryButton();
        assertThat(save.isDisabled()).isFalse();
        robot.interact(() -> robot.lookup("#entry-table").queryTableView().getSelectionModel().select(entry(robot, "work_mem")));
        Snapshots.writeAt(stage.getScene(), 1920, 1080, "template-editor.png");
        // on the FX thread: the selection above rebuilds the diff, and a lookup from here could walk a changing list
        Node diff = WaitForAsyncUtils.asyncFx(() -> robot.lookup("#template-diff").<Node>query()).get();
        Snapshots.writeNode(diff, 1400, 520, "template-diff.png");

        robot.clickOn("#template-comment").write("Bigger sorts; JIT for month-end reports");
        robot.clickOn(save);
        WaitForAsyncUtils.waitForFxEvents();
        var saved = context.templates().require("payments-oltp");
        assertThat(saved.version()).isEqualTo(2);
        assertThat(saved.comment()).isEqualTo("Bigger sorts; JIT for month-end reports");
        assertThat(saved.template().entries()).extracting(TemplateEntry::parameter)
                .containsExactlyInAnyOrder("work_mem", "idle_in_transaction_session_timeout", "jit");
        assertThat(robot.lookup("#template-history").queryListView().getItems()).hasSize(2);
        assertThat(robot.lookup("#template-message").queryAs(atlantafx.base.controls.Message.class).getDescription())
                .isEqualTo("Saved payments-oltp v2.");
    }

    @Test
    void anOutOfRangeValueIsMarkedOnItsLineAndCannotBeSaved(FxRobot robot) throws Exception {
        openPaymentsTemplate(robot);
        robot.interact(() -> robot.lookup("#entry-table").queryTableView().getSelectionModel().select(entry(robot, "work_mem")));
        replace(robot, "#entry-value", "9TB");
        waitUntil(() -> entry(robot, "work_mem").severityProperty().get() == ValidationIssue.Severity.ERROR
                && diffRow(robot, "work_mem").isEmpty());

        assertThat(entry(robot, "work_mem").problemsProperty().get()).contains("work_mem").contains("2147483647kB");
        assertThat(robot.lookup("#template-validation").queryAs(Label.class).getText()).startsWith("1 error ·");
        assertThat(robot.lookup("#template-issues").queryListView().getItems()).first().hasToString(
                "IssueLine[severity=ERROR, parameter=work_mem, text=Template 'payments-oltp': work_mem on PostgreSQL 15, 16, 17:"
                        + " 9TB is above the maximum ~2TB (valid: 64kB .. 2147483647kB)]");
        assertThat(robot.lookup("#template-save").queryButton().isDisabled()).isTrue();
        // The rest of the comparison stays while the value is wrong; the column header says what is left out.
        assertThat(diffRow(robot, "work_mem")).isEmpty();
        assertThat(diffRow(robot, "idle_in_transaction_session_timeout")).isPresent();
        assertThat(robot.lookup("#template-diff").queryAs(io.knobwright.app.ui.diff.DiffView.class).getLeftTitle())
                .endsWith("(without work_mem)");
        Snapshots.writeAt(stage.getScene(), 1920, 1080, "template-editor-error.png");
        assertThat(context.templates().require("payments-oltp").version()).isEqualTo(1);
    }

    @Test
    void builtInTemplatesAreReadOnlyAndSayHowToCustomiseThem(FxRobot robot) {
        robot.clickOn("#tab-templates");
        WaitForAsyncUtils.waitForFxEvents();
        robot.clickOn("#template-search").write("postgresql-oltp");
        WaitForAsyncUtils.waitForFxEvents();
        ListView<TemplateItem> list = robot.lookup("#template-list").queryListView();
        robot.interact(() -> list.getSelectionModel().select(
                list.getItems().stream().filter(i -> i.name().equals("postgresql-oltp")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#template-read-only").queryAs(Label.class).isVisible()).isTrue();
        assertThat(robot.lookup("#entry-add").queryButton().isDisabled()).isTrue();
        assertThat(robot.lookup("#template-comment").queryTextInputControl().isDisabled()).isTrue();
    }
}
