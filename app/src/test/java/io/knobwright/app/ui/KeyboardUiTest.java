package io.knobwright.app.ui;

import io.knobwright.app.testing.InMemoryFleetService;
import io.knobwright.app.testing.SampleCatalogs;
import io.knobwright.app.testing.SampleTemplates;
import io.knobwright.app.ui.common.KeyMap;
import io.knobwright.app.ui.common.KeyMap.Shortcut;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.app.ui.fleet.FleetRow;
import io.knobwright.app.ui.workbench.ShortcutsHelp;
import io.knobwright.app.ui.workbench.WorkbenchViewModel.Screen;
import io.knobwright.model.task.TaskRunner;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.input.KeyCode;
import javafx.scene.input.KeyCodeCombination;
import javafx.scene.input.KeyCombination;
import javafx.stage.Stage;
import javafx.stage.Window;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;
import org.testfx.util.WaitForAsyncUtils;

import javax.imageio.ImageIO;
import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/** The whole window driven from the keyboard alone (issue #15): screens, main actions, menus, the shortcuts help. */
@ExtendWith(ApplicationExtension.class)
class KeyboardUiTest {

    private InMemoryFleetService fleet;
    private Workbench workbench;
    private final io.knobwright.model.store.KnobwrightStore governanceStore = Fixtures.emptyStore("keys");
    private Stage stage;

    @AfterEach
    void closeGovernanceStore() {
        governanceStore.close();
    }

    @Start
    void start(Stage stage) {
        this.stage = stage;
        fleet = InMemoryFleetService.sample(60, true, WorkbenchUiTest.CLOCK);
        SampleTemplates sample = SampleTemplates.over(fleet, WorkbenchUiTest.CLOCK);
        workbench = new Workbench(fleet, sample.templates(), sample.plans(), new SampleCatalogs(),
                Fixtures.governance(governanceStore, "tester"), TaskRunner.inline(), Platform::runLater);
        stage.setWidth(1000);
        stage.setHeight(1000);
        workbench.start(stage);
    }

    private static void keys(FxRobot robot, KeyCode... codes) {
        robot.push(codes);
        WaitForAsyncUtils.waitForFxEvents();
    }

    private Screen shown() {
        return workbench.viewModel().screenProperty().get();
    }

    private Node focused() {
        return stage.getScene().getFocusOwner();
    }

    private static boolean inside(Node node, Node ancestor) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n == ancestor) {
                return true;
            }
        }
        return false;
    }

    private void assertKeyboardIn(FxRobot robot, Screen screen) {
        assertThat(shown()).isEqualTo(screen);
        TabPane tabs = robot.lookup("#workbench-screens").queryAs(TabPane.class);
        Tab tab = tabs.getTabs().get(screen.ordinal());
        assertThat(tabs.getSelectionModel().getSelectedItem()).isSameAs(tab);
        assertThat(focused()).as("the keyboard on %s", screen).isNotNull()
                .satisfies(node -> assertThat(inside(node, tab.getContent())).as("%s is inside %s", node, screen).isTrue());
    }

    /** Ctrl+1: the fleet table has the keyboard, and Down selects an instance, so every screen has something to show. */
    private void selectAnInstanceByKeyboard(FxRobot robot) {
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT1);
        assertThat(focused().getId()).isEqualTo("fleet-table");
        keys(robot, KeyCode.DOWN);
        assertThat(workbench.viewModel().browser().selectedProperty().get()).isNotNull();
    }

    @Test
    void everyScreenIsReachedFromTheKeyboardAloneAndTheKeyboardLandsInIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        selectAnInstanceByKeyboard(robot);
        // from inside a text field, which would otherwise take Ctrl+Tab to move the focus
        keys(robot, KeyCode.CONTROL, KeyCode.F);
        assertThat(focused().getId()).isEqualTo("fleet-search");
        for (int next = 1; next <= Screen.values().length; next++) {
            keys(robot, KeyCode.CONTROL, KeyCode.TAB);
            assertKeyboardIn(robot, Screen.values()[next % Screen.values().length]);
        }
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        assertKeyboardIn(robot, Screen.RECOMMENDATIONS);
        keys(robot, KeyCode.CONTROL, KeyCode.PAGE_DOWN);
        assertKeyboardIn(robot, Screen.FLEET);
        keys(robot, KeyCode.CONTROL, KeyCode.PAGE_UP);
        assertKeyboardIn(robot, Screen.RECOMMENDATIONS);
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.TAB);
        assertKeyboardIn(robot, Screen.POLICY);

        KeyCode[] digits = {KeyCode.DIGIT1, KeyCode.DIGIT2, KeyCode.DIGIT3, KeyCode.DIGIT4, KeyCode.DIGIT5,
                KeyCode.DIGIT6, KeyCode.DIGIT7, KeyCode.DIGIT8, KeyCode.DIGIT9, KeyCode.DIGIT0};
        for (Screen screen : new Screen[]{Screen.PLANS, Screen.WORKLOAD, Screen.POLICY, Screen.HEALTH, Screen.WHATIF,
                Screen.ALERTS, Screen.OPERATIONS, Screen.TEMPLATES, Screen.COMPARE, Screen.FLEET}) {
            keys(robot, KeyCode.CONTROL, digits[screen.ordinal()]);
            assertKeyboardIn(robot, screen);
        }
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.R);
        assertKeyboardIn(robot, Screen.RECOMMENDATIONS);
    }

    @Test
    void ctrlFGoesToTheSearchFieldOfTheScreenInFrontOrElseToTheFleets(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT8);
        keys(robot, KeyCode.CONTROL, KeyCode.F);
        assertThat(focused().getId()).isEqualTo("plans-search");

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT7);
        keys(robot, KeyCode.CONTROL, KeyCode.F);
        assertThat(focused().getId()).isEqualTo("template-search");

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT9);
        keys(robot, KeyCode.CONTROL, KeyCode.F);
        assertThat(focused().getStyleClass()).contains("diff-search");

        keys(robot, KeyCode.CONTROL, KeyCode.DIGIT3);
        keys(robot, KeyCode.CONTROL, KeyCode.F);
        assertThat(shown()).isEqualTo(Screen.FLEET);
        assertThat(focused().getId()).isEqualTo("fleet-search");
        robot.write("zzz-no-such-instance");
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(robot.lookup("#fleet-table").queryTableView().getItems()).isEmpty();
    }

    @Test
    void ctrlNOpensTheAddInstanceDialogOnceAndF5ReadsTheFleetAgain(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        keys(robot, KeyCode.CONTROL, KeyCode.N);
        assertThat(robot.lookup("#editor-name").tryQuery()).isPresent();
        keys(robot, KeyCode.ESCAPE);
        assertThat(robot.lookup("#editor-name").tryQuery()).as("one dialog, not two").isEmpty();

        long removed = fleet.list().getFirst().id();
        fleet.remove(removed);
        assertThat(robot.lookup("#status-text").queryAs(Label.class).getText()).startsWith("60 instances");
        keys(robot, KeyCode.F5);
        assertThat(robot.lookup("#status-text").queryAs(Label.class).getText()).startsWith("59 instances");
    }

    @Test
    void ctrlDComparesTheSelectedInstanceAndLeavesTheKeyboardOnTheOtherSide(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        selectAnInstanceByKeyboard(robot);
        FleetRow selected = (FleetRow) robot.lookup("#fleet-table").queryTableView().getSelectionModel().getSelectedItem();
        keys(robot, KeyCode.CONTROL, KeyCode.D);
        assertThat(shown()).isEqualTo(Screen.COMPARE);
        assertThat(robot.lookup("#compare-left").queryAs(ComboBox.class).getValue())
                .isEqualTo("instance:" + selected.name());
        assertThat(inside(focused(), robot.lookup("#compare-right").query())).isTrue();
    }

    @Test
    void ctrlShiftAGoesToTheReviewPanelEscBringsTheKeyboardBackAndItsKeysAreTheOnesListed(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        Node panel = robot.lookup("#review-panel").query();
        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.A);
        assertThat(panel.isVisible()).isTrue();
        assertThat(focused().getId()).isEqualTo("review-list");
        keys(robot, KeyCode.ESCAPE);
        assertThat(panel.isVisible()).isFalse();
        assertKeyboardIn(robot, Screen.FLEET);
        // the decision buttons' underlined letters are the Alt keys the help lists
        assertThat(robot.lookup("#review-approve").queryButton().getText()).isEqualTo("_Approve");
        assertThat(KeyMap.APPROVE.keys()).contains(new KeyCodeCombination(KeyCode.A, KeyCombination.ALT_DOWN));
        assertThat(robot.lookup("#review-reject").queryButton().getText()).isEqualTo("_Reject");
        assertThat(KeyMap.REJECT.keys()).contains(new KeyCodeCombination(KeyCode.R, KeyCombination.ALT_DOWN));
        assertThat(robot.lookup("#break-glass-close").queryButton().getText()).isEqualTo("_Close review");
        assertThat(KeyMap.CLOSE_BREAK_GLASS.keys()).contains(new KeyCodeCombination(KeyCode.C, KeyCombination.ALT_DOWN));
    }

    @Test
    void theMenusShowEachWindowShortcutWithItsKeyAndTheTooltipsToo(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        MenuBar bar = robot.lookup("#workbench-menu").queryAs(MenuBar.class);
        List<MenuItem> items = new ArrayList<>();
        bar.getMenus().forEach(menu -> items.addAll(menu.getItems()));
        for (Shortcut shortcut : KeyMap.ALL) {
            if (shortcut.scope().overlaps(KeyMap.Scope.REVIEWS) && shortcut.scope() != KeyMap.Scope.REVIEWS
                    && shortcut != KeyMap.MENU) {
                assertThat(items).as("a menu item for %s", shortcut.id())
                        .anySatisfy(item -> {
                            assertThat(item.getId()).isEqualTo("menu-" + shortcut.id());
                            assertThat(item.getAccelerator()).isEqualTo(shortcut.primary());
                        });
            }
        }
        // Alt and a menu's underlined letter must not be a key that already does something
        for (Menu menu : bar.getMenus()) {
            String title = menu.getText();
            KeyCombination mnemonic = new KeyCodeCombination(KeyCode.getKeyCode(
                    title.substring(title.indexOf('_') + 1, title.indexOf('_') + 2).toUpperCase()), KeyCombination.ALT_DOWN);
            assertThat(KeyMap.ALL).noneSatisfy(s -> assertThat(s.keys()).contains(mnemonic));
        }
        Map<String, Shortcut> tooltips = Map.of("#toolbar-add", KeyMap.ADD, "#toolbar-import", KeyMap.IMPORT,
                "#toolbar-edit", KeyMap.EDIT, "#toolbar-compare", KeyMap.COMPARE, "#toolbar-refresh", KeyMap.REFRESH,
                "#dark-theme", KeyMap.DARK, "#review-toggle", KeyMap.REVIEWS, "#review-approve", KeyMap.APPROVE,
                "#review-close", KeyMap.CLOSE_REVIEWS);
        tooltips.forEach((id, shortcut) -> assertThat(robot.lookup(id).queryAs(Control.class).getTooltip().getText())
                .as(id).endsWith("(" + shortcut.keysText() + ")"));

        Snapshots.write(stage.getScene(), "keyboard-menu-bar-1000px.png");
        // Alt+G opens the Go menu; Down to Plans and Enter goes there
        keys(robot, KeyCode.ALT, KeyCode.G);
        Window popup = openPopup();
        assertThat(popup).as("the Go menu is open").isNotNull();
        writeWithPopup(popup, "keyboard-go-menu.png");
        for (int i = 0; i <= Screen.PLANS.ordinal(); i++) {
            keys(robot, KeyCode.DOWN);
        }
        keys(robot, KeyCode.ENTER);
        assertKeyboardIn(robot, Screen.PLANS);

        // F10 goes to the menu bar, as the help says, and Down opens the first menu
        keys(robot, KeyCode.F10);
        keys(robot, KeyCode.DOWN);
        assertThat(openPopup()).as("F10 then Down opens the File menu").isNotNull();
        keys(robot, KeyCode.ESCAPE);
    }

    private static Window openPopup() {
        return Window.getWindows().stream().filter(w -> w instanceof javafx.stage.PopupWindow && w.isShowing())
                .findFirst().orElse(null);
    }

    /** The window with the open menu drawn where it shows: the menu is a window of its own. */
    private void writeWithPopup(Window popup, String fileName) throws Exception {
        BufferedImage[] images = WaitForAsyncUtils.asyncFx(() -> new BufferedImage[]{
                SwingFXUtils.fromFXImage(stage.getScene().snapshot(null), null),
                SwingFXUtils.fromFXImage(popup.getScene().snapshot(null), null)}).get(20, TimeUnit.SECONDS);
        BufferedImage whole = new BufferedImage(images[0].getWidth(), images[0].getHeight(), BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = whole.createGraphics();
        g.drawImage(images[0], 0, 0, null);
        g.drawImage(images[1], (int) (popup.getX() + popup.getScene().getX() - stage.getX() - stage.getScene().getX()),
                (int) (popup.getY() + popup.getScene().getY() - stage.getY() - stage.getScene().getY()), null);
        g.dispose();
        Files.createDirectories(Snapshots.DIR);
        ImageIO.write(whole, "png", Snapshots.DIR.resolve(fileName).toFile());
    }

    @Test
    void f1ListsEveryShortcutByWhereItWorksAndFiltersThemInLightAndDark(FxRobot robot) throws Exception {
        WaitForAsyncUtils.waitForFxEvents();
        keys(robot, KeyCode.F1);
        Node help = robot.lookup("#shortcuts-help").query();
        List<String> shown = robot.from(help).lookup(".label").queryAllAs(Label.class).stream().map(Label::getText).toList();
        for (Shortcut shortcut : KeyMap.ALL) {
            assertThat(shown).contains(shortcut.action(), shortcut.primary().getDisplayText());
        }
        for (KeyMap.Scope scope : KeyMap.Scope.values()) {
            assertThat(shown).contains(scope.title());
        }
        Snapshots.write(help.getScene(), "keyboard-help-light.png");
        Window helpWindow = help.getScene().getWindow();
        keys(robot, KeyCode.ESCAPE);
        assertThat(helpWindow.isShowing()).isFalse();

        keys(robot, KeyCode.CONTROL, KeyCode.SHIFT, KeyCode.L);
        assertThat(stage.getScene().getRoot().getPseudoClassStates()).contains(Theme.DARK);
        Snapshots.write(stage.getScene(), "keyboard-window-dark-1000px.png");
        keys(robot, KeyCode.F1);
        Node darkHelp = robot.lookup("#shortcuts-help").query();
        assertThat(darkHelp.getScene().getRoot().getPseudoClassStates()).contains(Theme.DARK);
        Snapshots.write(darkHelp.getScene(), "keyboard-help-dark.png");

        // typing in the filter narrows the list
        robot.clickOn("#shortcuts-filter").write("refresh");
        WaitForAsyncUtils.waitForFxEvents();
        List<String> filtered = robot.from(darkHelp).lookup(".label").queryAllAs(Label.class).stream()
                .map(Label::getText).toList();
        assertThat(filtered).contains(KeyMap.REFRESH.action()).doesNotContain(KeyMap.ADD.action());
        Snapshots.write(darkHelp.getScene(), "keyboard-help-dark-filtered.png");
        Window darkWindow = darkHelp.getScene().getWindow();
        keys(robot, KeyCode.ESCAPE);
        assertThat(darkWindow.isShowing()).isFalse();
    }

    @Test
    void helpWelcomeOpensTheFirstRunWelcomeAgainAndExploringTheDemoClosesIt(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        MenuBar bar = robot.lookup("#workbench-menu").queryAs(MenuBar.class);
        MenuItem welcome = bar.getMenus().stream().filter(m -> "menu-help".equals(m.getId()))
                .flatMap(m -> m.getItems().stream()).filter(i -> "menu-welcome".equals(i.getId())).findFirst().orElseThrow();
        robot.interact(welcome::fire);
        WaitForAsyncUtils.waitForFxEvents();
        var opened = workbench.viewModel().welcomeProperty().get();
        assertThat(opened).as("the welcome is open").isNotNull();
        robot.interact(opened::exploreDemo);
        WaitForAsyncUtils.waitForFxEvents();
        assertThat(workbench.viewModel().welcomeProperty().get()).as("closed again").isNull();
    }

    @Test
    void ctrlQClosesTheWindow(FxRobot robot) {
        WaitForAsyncUtils.waitForFxEvents();
        keys(robot, KeyCode.CONTROL, KeyCode.Q);
        assertThat(stage.isShowing()).isFalse();
    }
}
