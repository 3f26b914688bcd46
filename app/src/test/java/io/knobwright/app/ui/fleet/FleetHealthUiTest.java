package io.knobwright.app.ui.fleet;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.ui.HealthDemo;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.Workbench;
import javafx.scene.control.Label;
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

import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The fleet table's health columns and "With alerts" on the demo fleet with stored health (HealthDemo): a failed backup
 * in a maintenance window, a fresh and an overdue backup, a disk filling by its forecast, a busy connection pool.
 */
@ExtendWith(ApplicationExtension.class)
class FleetHealthUiTest {

    /**
     * Made and read once off the FX thread: the workbench here runs its background work inline, on the FX thread, and
     * a first read of the health (forecasts, alert sources) on a busy machine would outlast TestFX's setup timeout.
     */
    private final AppContext context = warm(HealthDemo.context("fleet-health-ui"));
    private Workbench workbench;
    private Stage stage;

    private static AppContext warm(AppContext context) {
        context.fleetHealth().summarize(context.fleet().list());
        return context;
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        workbench = DemoWorkbench.start(stage, context);
    }

    @AfterEach
    void closeStore() {
        context.close();
    }

    /**
     * The health headers wider than their column, and health cells or alert pills whose text is cut to "…", as laid out
     * in {@code root}.
     */
    private static java.util.List<String> cutText(javafx.scene.Parent root) {
        java.util.List<String> cut = new java.util.ArrayList<>();
        java.util.Set<String> health = java.util.Set.of("Alerts", "Disk full", "Last good backup", "Connections");
        for (javafx.scene.Node n : root.lookupAll("#fleet-table .column-header")) {
            if (n instanceof javafx.scene.control.skin.TableColumnHeader h && h.getTableColumn() != null
                    && h.getTableColumn().getGraphic() instanceof Label title && health.contains(title.getText())
                    && title.prefWidth(-1) + 8 > h.getTableColumn().getWidth()) {
                cut.add("header " + title.getText() + " " + title.prefWidth(-1) + " in " + h.getTableColumn().getWidth());
            }
        }
        for (javafx.scene.Node n : root.lookupAll("#fleet-table .table-cell")) {
            if (n instanceof javafx.scene.control.TableCell<?, ?> c && c.getTableColumn() != null
                    && c.getTableColumn().getGraphic() instanceof Label title && health.contains(title.getText())
                    && (c.isTextTruncated() || c.getGraphic() instanceof Label pill && pill.isVisible() && pill.isTextTruncated())) {
                cut.add(title.getText() + " " + c.getText());
            }
        }
        return cut;
    }

    private FleetRow row(String name) {
        return workbench.viewModel().browser().shownRows().stream().filter(r -> r.name().equals(name)).findFirst()
                .orElseThrow();
    }

    @Test
    void theHealthColumnsFillAfterTheFleetAndWithAlertsKeepsTheInstancesThatNeedALook(FxRobot robot) throws Exception {
        FleetViewModel browser = workbench.viewModel().browser();
        TableView<FleetEntry> table = robot.lookup("#fleet-table").queryTableView();
        WaitForAsyncUtils.waitFor(30, TimeUnit.SECONDS, () -> browser.healthLoadedProperty().get()
                && table.getItems().size() == context.fleet().list().size());

        assertThat(table.getColumns()).extracting(c -> c.getText() != null ? c.getText() : ((Label) c.getGraphic()).getText())
                .containsSubsequence("Drift", "Alerts", "Disk full", "Last good backup", "Connections");
        assertThat(row(HealthDemo.FAILED_BACKUP).health().alertsText()).isEqualTo("2 critical");
        assertThat(row(HealthDemo.FAILED_BACKUP).health().backupText()).isEqualTo("never");
        assertThat(row(HealthDemo.FRESH_BACKUP).health().backupText()).isEqualTo("3 h");
        assertThat(row(HealthDemo.OVERDUE_BACKUP).health().backupText()).isEqualTo("30 h");
        assertThat(row(HealthDemo.OVERDUE_BACKUP).health().backupOverdue()).isTrue();
        assertThat(row(HealthDemo.FILLING_DISK).health().diskText()).matches("(1[5-9]|2[0-5]) days");
        assertThat(row(HealthDemo.BUSY_CONNECTIONS).health().connectionsText()).isEqualTo("88 %");
        assertThat(row(HealthDemo.WATCHED_NEVER).health().backupText()).isEqualTo("never");
        ToggleButton withAlerts = robot.lookup("#fleet-with-alerts").queryAs(ToggleButton.class);
        assertThat(withAlerts.getText()).isEqualTo("With alerts (4)");

        for (int width : new int[] {1000, 1280, 1600}) {
            assertThat(Snapshots.at(stage.getScene(), width, 800, FleetHealthUiTest::cutText)).as("cut at %d px", width).isEmpty();
        }
        // Beside the detail pane at 1280 px the search bar is narrow: a short prompt, icons for the filter panel buttons.
        String narrowPrompt = Snapshots.at(stage.getScene(), 1280, 800,
                root -> ((javafx.scene.control.TextField) root.lookup("#fleet-search")).getPromptText());
        assertThat(narrowPrompt).isEqualTo("Search…");
        double wideSearch = Snapshots.at(stage.getScene(), 1600, 1000,
                root -> ((javafx.scene.control.TextField) root.lookup("#fleet-search")).getWidth());
        assertThat(wideSearch).isGreaterThanOrEqualTo(170);

        Snapshots.writeAt(stage.getScene(), 1280, 800, "fleet-health-1280.png");
        Snapshots.writeAt(stage.getScene(), 1600, 1000, "fleet-health-1600.png");
        Snapshots.write(stage.getScene(), "fleet-health-1000.png");
        // Scrolled sideways to the health columns, as a DBA reads them at 1280 px: Name stays in place.
        Snapshots.at(stage.getScene(), 1280, 800, root -> {
            javafx.scene.control.ScrollBar sideways = root.lookupAll("#fleet-table .scroll-bar").stream()
                    .map(javafx.scene.control.ScrollBar.class::cast)
                    .filter(b -> b.getOrientation() == javafx.geometry.Orientation.HORIZONTAL).findFirst().orElseThrow();
            TableView<?> fleet = (TableView<?>) root.lookup("#fleet-table");
            sideways.setValue(fleet.getColumns().subList(1, 5).stream().mapToDouble(c -> c.getWidth()).sum());
            root.applyCss();
            root.layout();
            return root.getScene().snapshot(null);
        });
        Snapshots.writeAt(stage.getScene(), 1280, 800, "fleet-health-scrolled-1280.png");

        robot.clickOn("#fleet-with-alerts");
        WaitForAsyncUtils.waitForFxEvents();

        assertThat(browser.shownRows()).extracting(FleetRow::name).containsExactly(HealthDemo.FILLING_DISK,
                HealthDemo.FAILED_BACKUP, HealthDemo.OVERDUE_BACKUP, HealthDemo.WATCHED_NEVER);
        assertThat(browser.statusTextProperty().get()).matches("245 instances · 4 shown · 3 production · \\d+ drifting · 4 with alerts");
        Snapshots.writeAt(stage.getScene(), 1280, 800, "fleet-health-with-alerts-1280.png");
    }
}
