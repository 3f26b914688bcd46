package io.knobwright.app.ui.compare;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.diff.DiffView;
import io.knobwright.model.diff.ChangeKind;
import io.knobwright.model.diff.DiffRow;
import io.knobwright.model.fleet.Instance;
import javafx.scene.control.Label;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** The Compare screen on the demo fleet: instance against instance, template against template, bad input. */
@ExtendWith(ApplicationExtension.class)
class CompareUiTest {

    private AppContext context;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = DemoWorkbench.context("compare-ui");
        workbench = DemoWorkbench.start(stage, context);
    }

    @AfterEach
    void close() {
        context.close();
    }

    private static List<DiffRow> rows(FxRobot robot) {
        return List.copyOf(robot.lookup("#compare-diff").queryAs(DiffView.class).getRows());
    }

    @Test
    void anInstanceIsComparedWithAnotherFromTheFleetToolbar(FxRobot robot) throws Exception {
        List<Instance> two = DemoWorkbench.postgres16WithSettings(context).stream().limit(2).toList();
        assertThat(two).hasSize(2);
        robot.interact(() -> workbench.viewModel().browser().select(two.get(0).id()));
        robot.clickOn("#toolbar-compare");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#compare-left").queryComboBox().getValue()).isEqualTo("instance:" + two.get(0).name());

        robot.interact(() -> robot.lookup("#compare-right").queryComboBox().setValue("instance:" + two.get(1).name()));
        robot.clickOn("#compare-run");
        WaitForAsyncUtils.waitForFxEvents();
        List<DiffRow> rows = rows(robot);
        assertThat(rows).hasSizeGreaterThan(300).anyMatch(DiffRow::isDifference);
        assertThat(robot.lookup("#compare-diff").queryAs(DiffView.class).getLeftTitle()).startsWith(two.get(0).name());
        Snapshots.writeAt(stage.getScene(), 1920, 1080, "compare-instances.png");
    }

    @Test
    void twoTemplatesCompareTheirEffectiveEntriesAndABadReferenceSaysWhatToType(FxRobot robot) {
        robot.clickOn("#tab-compare");
        robot.interact(() -> {
            robot.lookup("#compare-left").queryComboBox().setValue("postgresql-oltp");
            robot.lookup("#compare-right").queryComboBox().setValue("postgresql-olap");
        });
        robot.clickOn("#compare-run");
        WaitForAsyncUtils.waitForFxEvents();
        // OLTP sets jit off, OLAP leaves it to the base (which does not set it); both set work_mem differently.
        assertThat(rows(robot)).anyMatch(r -> r.name().equals("jit") && r.change() == ChangeKind.REMOVED)
                .anyMatch(r -> r.name().equals("work_mem") && r.change() == ChangeKind.CHANGED);

        robot.interact(() -> robot.lookup("#compare-right").queryComboBox().setValue("instance:no-such-host"));
        robot.clickOn("#compare-run");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#compare-problem").queryAs(Label.class).getText()).contains("no-such-host");
        assertThat(rows(robot)).isEmpty();
    }
}
