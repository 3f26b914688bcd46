package io.knobwright.app.ui.fleet;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.Workbench;
import javafx.scene.control.TableView;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.concurrent.TimeUnit;

@ExtendWith(ApplicationExtension.class)
class FleetColumnsUiTest {

    private AppContext context;
    private Workbench workbench;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        context = DemoWorkbench.context("fleet-columns-ui");
        workbench = DemoWorkbench.start(stage, context);
    }

    @AfterEach
    void closeStore() {
        context.close();
    }

    @Test
    void scratch(FxRobot robot) throws Exception {
        TableView<FleetEntry> table = robot.lookup("#fleet-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == context.fleet().list().size());
        var target = DemoWorkbench.postgres16WithSettings(context).getFirst();
        robot.interact(() -> workbench.viewModel().browser().select(table.getItems().stream()
                .filter(e -> e instanceof FleetRow r && r.id() == target.id()).findFirst().orElseThrow()));
        Thread.sleep(1000);
        WaitForAsyncUtils.waitForFxEvents();
        Snapshots.writeAt(stage.getScene(), 1280, 800, "scratch-1280.png");
        Snapshots.writeAt(stage.getScene(), 1600, 1000, "scratch-1600.png");
        Snapshots.writeAt(stage.getScene(), 1920, 1080, "scratch-1920.png");
    }
}
