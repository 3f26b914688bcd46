package io.knobwright.app.ui.diff;

import atlantafx.base.theme.PrimerDark;
import atlantafx.base.theme.PrimerLight;
import io.knobwright.model.diff.DiffRow;
import javafx.application.Application;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Label;
import javafx.scene.control.Labeled;
import javafx.scene.control.TreeItem;
import javafx.scene.control.TreeTableView;
import javafx.scene.input.KeyCode;
import javafx.stage.Stage;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The diff viewer in a real (headless) stage with the realistic PostgreSQL 16 comparison. */
@ExtendWith(ApplicationExtension.class)
class DiffViewFxTest {

    private static List<DiffRow> rows;
    private static String themeBefore;

    private DiffView view;
    private Scene scene;

    @BeforeAll
    static void loadDiff() {
        rows = RealisticDiff.rows();
        themeBefore = Application.getUserAgentStylesheet();
    }

    @AfterAll
    static void restoreTheme() {
        WaitForAsyncUtils.asyncFx(() -> Application.setUserAgentStylesheet(themeBefore));
        WaitForAsyncUtils.waitForFxEvents();
    }

    @Start
    void start(Stage stage) {
        Application.setUserAgentStylesheet(new PrimerLight().getUserAgentStylesheet());
        view = new DiffView();
        view.setLeftTitle(RealisticDiff.LEFT_TITLE);
        view.setRightTitle(RealisticDiff.RIGHT_TITLE);
        view.setRows(rows);
        // The headless screen is 1000 x 1000 (decision 0061): the window must fit it whatever size an
        // earlier test left the shared stage at; snapshots are rendered at desktop size separately.
        scene = new Scene(view, 1000, 900);
        stage.setScene(scene);
        stage.setWidth(1000);
        stage.setHeight(900);
        stage.setTitle("Configuration diff");
        stage.show();
    }

    @SuppressWarnings("unchecked")
    private TreeTableView<DiffLine> table(FxRobot robot) {
        return (TreeTableView<DiffLine>) robot.lookup(".diff-table").queryAs(TreeTableView.class);
    }

    private static DiffRow selectedRow(TreeTableView<DiffLine> table) {
        TreeItem<DiffLine> item = table.getSelectionModel().getSelectedItem();
        return item != null && item.getValue() instanceof DiffLine.Parameter(DiffRow row) ? row : null;
    }

    private static String text(FxRobot robot, String query) {
        return robot.lookup(query).queryAs(Label.class).getText();
    }

    @Test
    void headersNameBothSidesInFullAndGroupsShowTheirDifferenceCounts(FxRobot robot) {
        TreeTableView<DiffLine> table = table(robot);

        assertThat(table.getColumns()).extracting(c -> c.getText())
                .containsExactly("Parameter", RealisticDiff.LEFT_TITLE, RealisticDiff.RIGHT_TITLE, "Apply mode", "Restart");
        List<Label> headerLabels = robot.lookup(".column-header .label").queryAllAs(Label.class).stream().toList();
        assertThat(headerLabels).isNotEmpty().noneMatch(Label::isTextTruncated);
        assertThat(table.getRoot().getChildren()).extracting(item -> ((DiffLine.Header) item.getValue()).label())
                .contains("Resource Usage / Memory — 1 difference", "Unknown to the catalog — 5 differences");
        assertThat(text(robot, ".diff-summary")).isEqualTo("14 changed · 3 added · 1 removed · 4 need a restart");
        assertThat(text(robot, ".diff-shown")).isEqualTo("Showing 18 of 368 parameters");
    }

    @Test
    void differencesOnlyToggleBringsBackTheIdenticalParameters(FxRobot robot) {
        TreeTableView<DiffLine> table = table(robot);
        int groups = view.getModel().groupsProperty().get().size();
        assertThat(table.getExpandedItemCount()).isEqualTo(groups + 18);

        robot.clickOn("Differences only");

        int allGroups = view.getModel().groupsProperty().get().size();
        assertThat(view.differencesOnlyProperty().get()).isFalse();
        assertThat(table.getExpandedItemCount()).isEqualTo(allGroups + 368);
        assertThat(text(robot, ".diff-shown")).isEqualTo("Showing 368 of 368 parameters");
    }

    @Test
    void typingInTheSearchBoxFiltersAtOnce(FxRobot robot) {
        robot.clickOn(".diff-search").write("wal");

        TreeTableView<DiffLine> table = table(robot);
        // two groups (Checkpoints, Settings), one difference each
        assertThat(table.getExpandedItemCount()).isEqualTo(4);
        assertThat(text(robot, ".diff-position")).isEqualTo("2 differences");
    }

    @Test
    void f7TwiceSelectsTheSecondDifferenceAndShiftF7GoesBack(FxRobot robot) {
        TreeTableView<DiffLine> table = table(robot);
        List<DiffRow> visible = view.getModel().visibleRowsProperty().get();

        robot.type(KeyCode.F7).type(KeyCode.F7);

        assertThat(selectedRow(table)).isEqualTo(visible.get(1));
        assertThat(text(robot, ".diff-position")).isEqualTo("Difference 2 of 18");

        robot.press(KeyCode.SHIFT).type(KeyCode.F7).release(KeyCode.SHIFT);
        assertThat(selectedRow(table)).isEqualTo(visible.get(0));

        robot.press(KeyCode.ALT).type(KeyCode.DOWN).type(KeyCode.DOWN).type(KeyCode.DOWN).release(KeyCode.ALT);
        assertThat(selectedRow(table)).isEqualTo(visible.get(3));
    }

    @Test
    void navigationScrollsAFarDifferenceIntoViewWithAllParametersShown(FxRobot robot) {
        TreeTableView<DiffLine> table = table(robot);
        robot.clickOn("Differences only");

        robot.clickOn(".previous-difference");   // nothing selected: goes to the last difference

        DiffRow last = view.getModel().visibleRowsProperty().get().stream().filter(DiffRow::isDifference)
                .reduce((a, b) -> b).orElseThrow();
        assertThat(selectedRow(table)).isEqualTo(last);
        Node cell = robot.lookup(".name-cell").match(n -> last.name().equals(((Labeled) n).getText()))
                .query();
        assertThat(cell.isVisible()).isTrue();
        assertThat(cell.localToScene(cell.getBoundsInLocal()).getMaxY()).isLessThan(scene.getHeight());
    }

    @Test
    void f7UnfoldsACollapsedGroupToReachTheNextDifference(FxRobot robot) {
        TreeTableView<DiffLine> table = table(robot);
        TreeItem<DiffLine> autovacuum = table.getRoot().getChildren().getFirst();
        robot.interact(() -> autovacuum.setExpanded(false));
        assertThat(view.getModel().collapsedCategories()).containsExactly("Autovacuum");

        robot.type(KeyCode.F7);

        assertThat(autovacuum.isExpanded()).isTrue();
        assertThat(selectedRow(table)).extracting(DiffRow::name).isEqualTo("autovacuum_max_workers");
    }

    @Test
    void refilteringAllParametersOnTheFxThreadKeepsUpWithTyping(FxRobot robot) {
        robot.clickOn("Differences only");
        String[] typing = {"w", "wa", "wal", "wal_", "", "max", ""};
        AtomicReference<Double> millis = new AtomicReference<>();
        robot.interact(() -> {
            for (int warmUp = 0; warmUp < 50; warmUp++) {
                view.searchTextProperty().set(typing[warmUp % typing.length]);
            }
            long start = System.nanoTime();
            for (String text : typing) {
                view.searchTextProperty().set(text);
            }
            millis.set((System.nanoTime() - start) / 1e6 / typing.length);
        });
        System.out.printf("DiffView: model + tree items for %d rows took %.3f ms per keystroke%n", rows.size(), millis.get());

        assertThat(table(robot).getExpandedItemCount()).isEqualTo(view.getModel().groupsProperty().get().size() + 368);
    }

    @Test
    void writesSnapshotsOfTheLightAndDarkTheme(FxRobot robot) throws Exception {
        robot.clickOn(".diff-search");   // F7 must work while the search box has the focus
        robot.type(KeyCode.F7).type(KeyCode.F7);
        WaitForAsyncUtils.waitForFxEvents();

        Path light = snapshot(robot, "diff-view.png");
        robot.interact(() -> Application.setUserAgentStylesheet(new PrimerDark().getUserAgentStylesheet()));
        WaitForAsyncUtils.waitForFxEvents();
        Path dark = snapshot(robot, "diff-view-dark.png");
        robot.clickOn("Differences only");
        WaitForAsyncUtils.waitForFxEvents();
        Path all = snapshot(robot, "diff-view-all-dark.png");

        assertThat(light).isNotEmptyFile();
        assertThat(dark).isNotEmptyFile();
        assertThat(all).isNotEmptyFile();
    }

    private Path snapshot(FxRobot robot, String file) throws Exception {
        return io.knobwright.app.ui.Snapshots.writeAt(scene, 1280, 900, file);
    }
}
