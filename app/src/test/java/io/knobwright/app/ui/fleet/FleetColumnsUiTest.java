package io.knobwright.app.ui.fleet;

import io.knobwright.app.AppContext;
import io.knobwright.app.ui.DemoWorkbench;
import io.knobwright.app.ui.Snapshots;
import io.knobwright.app.ui.Workbench;
import io.knobwright.app.ui.instance.SettingRow;
import io.knobwright.model.fleet.Instance;
import javafx.geometry.Bounds;
import javafx.geometry.Orientation;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollBar;
import javafx.scene.control.TableCell;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.skin.TableColumnHeader;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/**
 * The fleet table's columns and the detail pane's settings table on the demo store, at the window sizes DBAs
 * use: what they show without scrolling, the name column that stays put, and the full text of cut values.
 */
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

    private TableView<FleetEntry> fleetTable(FxRobot robot) throws Exception {
        TableView<FleetEntry> table = robot.lookup("#fleet-table").queryTableView();
        WaitForAsyncUtils.waitFor(20, TimeUnit.SECONDS, () -> table.getItems().size() == context.fleet().list().size());
        return table;
    }

    private static String title(javafx.scene.control.TableColumnBase<?, ?> column) {
        return column.getText() != null ? column.getText() : ((Label) column.getGraphic()).getText();
    }

    /** Scene x of where the table's rows are drawn, and how wide that area is (without the vertical scroll bar). */
    private static double[] viewport(Parent root) {
        Node flow = root.lookup("#fleet-table .virtual-flow");
        Bounds b = flow.localToScene(flow.getLayoutBounds());
        double scrollBar = flow.lookupAll(".scroll-bar").stream().map(ScrollBar.class::cast)
                .filter(s -> s.getOrientation() == Orientation.VERTICAL && s.isVisible()).mapToDouble(ScrollBar::getWidth)
                .sum();
        return new double[] {b.getMinX(), b.getWidth() - scrollBar};
    }

    /** The right edge of each column's header, measured from the left of the rows' area. */
    private static Map<String, Double> rightEdges(Parent root) {
        double left = viewport(root)[0];
        Map<String, Double> edges = new LinkedHashMap<>();
        for (Node n : root.lookupAll("#fleet-table .column-header")) {
            if (n instanceof TableColumnHeader h && h.getTableColumn() != null) {
                edges.put(title(h.getTableColumn()), h.localToScene(h.getLayoutBounds()).getMaxX() - left);
            }
        }
        return edges;
    }

    private void select(FxRobot robot, TableView<FleetEntry> table, Instance instance) {
        robot.interact(() -> workbench.viewModel().browser().select(table.getItems().stream()
                .filter(e -> e instanceof FleetRow r && r.id() == instance.id()).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();
    }

    /** Opens or folds the filter panel as the fleet view does when a window of this size opens, and lays out again. */
    private static void filtersAsAtStart(Parent root) {
        FleetView fleet = (FleetView) root.lookup(".fleet-view");
        ((ToggleButton) root.lookup("#fleet-show-filters")).setSelected(fleet.getWidth() >= FleetView.NARROW);
        root.applyCss();
        root.layout();
    }

    @Test
    void templateAndDriftShowBesideTheDetailPaneWithoutScrollingFrom1280Pixels(FxRobot robot) throws Exception {
        TableView<FleetEntry> table = fleetTable(robot);
        assertThat(table.getColumns()).extracting(FleetColumnsUiTest::title).startsWith("Name", "Engine", "Version",
                "Template", "Drift");
        select(robot, table, DemoWorkbench.postgres16WithSettings(context).getFirst());

        // 1280 opens with the filter panel folded, 1366 and 1600 with it open.
        for (int[] size : new int[][] {{1280, 800}, {1366, 768}, {1600, 1000}}) {
            double[] area = Snapshots.at(stage.getScene(), size[0], size[1], root -> {
                filtersAsAtStart(root);
                return viewport(root);
            });
            Map<String, Double> edges = Snapshots.at(stage.getScene(), size[0], size[1], FleetColumnsUiTest::rightEdges);
            assertThat(edges.get("Template")).as("Template at %d px", size[0]).isLessThanOrEqualTo(area[1]);
            assertThat(edges.get("Drift")).as("Drift at %d px", size[0]).isLessThanOrEqualTo(area[1]);
            Snapshots.writeAt(stage.getScene(), size[0], size[1], "fleet-columns-" + size[0] + ".png");
        }
    }

    @Test
    void theNameColumnStaysInPlaceWhileTheOtherColumnsScrollSideways(FxRobot robot) throws Exception {
        TableView<FleetEntry> table = fleetTable(robot);
        TableColumn<FleetEntry, ?> name = table.getColumns().getFirst();
        ScrollBar sideways = robot.lookup("#fleet-table .scroll-bar").queryAllAs(ScrollBar.class).stream()
                .filter(b -> b.getOrientation() == Orientation.HORIZONTAL).findFirst().orElseThrow();
        assertThat(sideways.getMax()).as("the table is wider than a 1000-pixel window").isGreaterThan(300);

        robot.interact(() -> {
            sideways.setValue(300);
            table.applyCss();
            table.layout();
        });
        WaitForAsyncUtils.waitForFxEvents();

        double left = onFx(() -> viewport(table))[0];
        List<TableCell<?, ?>> nameCells = new ArrayList<>();
        List<TableCell<?, ?>> engineCells = new ArrayList<>();
        for (Node n : onFx(() -> List.copyOf(table.lookupAll(".table-cell")))) {
            // Cells of drawn rows only: VirtualFlow keeps a hidden row of its own for measuring.
            if (n instanceof TableCell<?, ?> c && c.getTableRow() != null && c.getTableRow().getParent() != null
                    && c.getTableRow().getParent().getStyleClass().contains("sheet") && c.getTableRow().isVisible()
                    && c.getIndex() >= 0 && c.getIndex() < table.getItems().size()) {
                (c.getTableColumn() == name ? nameCells : engineCells).add(c);
            }
        }
        engineCells.removeIf(c -> !title(c.getTableColumn()).equals("Engine"));
        assertThat(nameCells).isNotEmpty().allSatisfy(c -> {
            assertThat(c.localToScene(c.getLayoutBounds()).getMinX()).isCloseTo(left, within(0.5));
            // Drawn above the cells scrolling under it.
            assertThat(c.getViewOrder()).isLessThan(0);
        });
        assertThat(engineCells).isNotEmpty().allSatisfy(c ->
                assertThat(c.localToScene(c.getLayoutBounds()).getMinX()).isCloseTo(left + name.getWidth() - 300, within(0.5)));
        TableColumnHeader nameHeader = onFx(() -> List.copyOf(table.lookupAll(".column-header"))).stream()
                .filter(n -> n instanceof TableColumnHeader h && h.getTableColumn() == name)
                .map(TableColumnHeader.class::cast).findFirst().orElseThrow();
        assertThat(nameHeader.localToScene(nameHeader.getLayoutBounds()).getMinX()).isCloseTo(left, within(0.5));
        assertThat(table.getPseudoClassStates()).extracting(Object::toString).contains("scrolled-sideways");
        Snapshots.writeAt(stage.getScene(), 1280, 800, "fleet-scrolled-sideways.png");

        // Another column dropped before Name: Name comes back to the front.
        int columnCount = table.getColumns().size();
        robot.interact(() -> {
            var columns = new ArrayList<>(table.getColumns());
            columns.addFirst(columns.remove(5));
            table.getColumns().setAll(columns);
        });
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(onFx(() -> table.getColumns().getFirst())).isSameAs(name);
        assertThat(onFx(() -> table.getColumns().size())).as("no column lost or doubled").isEqualTo(columnCount);
    }

    @Test
    void settingsCutByANarrowDetailPaneShowTheirFullTextOnHover(FxRobot robot) throws Exception {
        TableView<FleetEntry> fleet = fleetTable(robot);
        select(robot, fleet, DemoWorkbench.postgres16WithSettings(context).getFirst());
        TableView<SettingRow> settings = robot.lookup("#settings-table").queryTableView();
        WaitForAsyncUtils.waitFor(10, TimeUnit.SECONDS, () -> !settings.getItems().isEmpty());
        robot.interact(() -> settings.scrollTo(settings.getItems().stream()
                .filter(r -> r.name().equals("autovacuum_vacuum_insert_scale_factor")).findFirst().orElseThrow()));
        WaitForAsyncUtils.waitForFxEvents();

        List<TableCell<?, ?>> cells = onFx(() -> List.copyOf(settings.lookupAll(".table-cell"))).stream()
                .filter(n -> n instanceof TableCell<?, ?> c && c.getText() != null && !c.getText().isEmpty())
                .<TableCell<?, ?>>map(n -> (TableCell<?, ?>) n).toList();
        TableCell<?, ?> longName = cells.stream().filter(c -> "autovacuum_vacuum_insert_scale_factor".equals(c.getText()))
                .findFirst().orElseThrow();
        assertThat(longName.isTextTruncated()).as("the pane is narrow at 1000 pixels").isTrue();
        assertThat(longName.getTooltip().getText()).startsWith("autovacuum_vacuum_insert_scale_factor\n");
        // Every cut value offers its full text; a value that fits does not repeat itself.
        assertThat(cells).filteredOn(TableCell::isTextTruncated).isNotEmpty().allSatisfy(c ->
                assertThat(c.getTooltip()).as(c.getText()).isNotNull()
                        .satisfies(t -> assertThat(t.getText()).startsWith(c.getText())));
        assertThat(cells).filteredOn(c -> !c.isTextTruncated() && c.getTableColumn() != settings.getColumns().getFirst())
                .isNotEmpty().allSatisfy(c -> assertThat(c.getTooltip()).as(c.getText()).isNull());

        // At 1280 pixels every header reads in full.
        List<String> cutHeaders = Snapshots.at(stage.getScene(), 1280, 800, root -> root.lookupAll("#settings-table .column-header .label")
                .stream().map(Label.class::cast).filter(Label::isTextTruncated).map(Label::getText).toList());
        assertThat(cutHeaders).isEmpty();
        // So does the count above the table, when it is cut.
        String summaryOnHover = Snapshots.at(stage.getScene(), 1280, 800, root -> {
            Label summary = (Label) root.lookup("#detail-summary");
            return summary.isTextTruncated() && summary.getTooltip() != null ? summary.getTooltip().getText() : "";
        });
        assertThat(summaryOnHover).matches("363 settings · \\d+ differ from default");
        Snapshots.writeAt(stage.getScene(), 1280, 800, "instance-settings-1280.png");
        Snapshots.writeAt(stage.getScene(), 1600, 1000, "instance-settings-1600.png");
    }

    /**
     * Reads the scene graph on the FX thread: a lookup from the test thread can meet a list of children the FX
     * thread is rebuilding (IndexOutOfBoundsException under load).
     */
    private static <T> T onFx(java.util.concurrent.Callable<T> read) throws Exception {
        return WaitForAsyncUtils.asyncFx(read).get(10, TimeUnit.SECONDS);
    }
}
