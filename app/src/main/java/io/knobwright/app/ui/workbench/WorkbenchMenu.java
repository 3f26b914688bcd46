package io.knobwright.app.ui.workbench;

import io.knobwright.app.ui.common.KeyMap;
import io.knobwright.app.ui.common.KeyMap.Shortcut;
import io.knobwright.app.ui.workbench.WorkbenchViewModel.Screen;
import javafx.beans.binding.Bindings;
import javafx.beans.property.BooleanProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.CheckMenuItem;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.util.Subscription;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The window's menu bar. Each item runs the same action as its key in the window (the map both are made from), and
 * shows that key from {@link KeyMap}; the menus open with Alt and their underlined letter, or F10.
 */
final class WorkbenchMenu {

    private final Map<Shortcut, Runnable> actions;
    private final MenuBar bar;
    private Subscription subscriptions = Subscription.EMPTY;

    WorkbenchMenu(Map<Shortcut, Runnable> actions, WorkbenchViewModel vm, BooleanProperty dark) {
        this.actions = Map.copyOf(actions);
        MenuItem edit = item(KeyMap.EDIT);
        edit.disableProperty().bind(Bindings.not(vm.canEdit()));
        MenuItem compare = item(KeyMap.COMPARE);
        compare.disableProperty().bind(Bindings.not(vm.hasSelection()));
        bar = new MenuBar(
                menu("menu-file", "_File", item(KeyMap.ADD), item(KeyMap.IMPORT), new SeparatorMenuItem(),
                        item(KeyMap.QUIT)),
                menu("menu-go", "_Go", screens(vm)),
                menu("menu-view", "_View", item(KeyMap.REVIEWS), check(KeyMap.DARK, dark)),
                // Ac_tions, not _Actions: Alt+A approves in the review panel
                menu("menu-actions", "Ac_tions", item(KeyMap.SEARCH), item(KeyMap.REFRESH), new SeparatorMenuItem(),
                        edit, compare),
                menu("menu-help", "_Help", item(KeyMap.HELP), welcome(vm)));
        bar.setId("workbench-menu");
        bar.getStyleClass().add("workbench-menu");
    }

    MenuBar bar() {
        return bar;
    }

    private static Menu menu(String id, String title, MenuItem... items) {
        Menu menu = new Menu(title);
        menu.setId(id);
        menu.getItems().addAll(items);
        return menu;
    }

    private MenuItem item(Shortcut shortcut) {
        return keyed(new MenuItem(shortcut.action()), shortcut);
    }

    private <T extends MenuItem> T keyed(T item, Shortcut shortcut) {
        Runnable action = Objects.requireNonNull(actions.get(shortcut), () -> "No action for " + shortcut.id());
        item.setId("menu-" + shortcut.id());
        item.setMnemonicParsing(false);
        item.setAccelerator(shortcut.primary());
        item.setOnAction(e -> action.run());
        return item;
    }

    /**
     * A check item that shows a state the action changes. The menu ticks the box itself before the action runs, and
     * a key press does not: the box is set from the state afterwards either way.
     */
    private CheckMenuItem check(Shortcut shortcut, ObservableValue<Boolean> state) {
        CheckMenuItem item = keyed(new CheckMenuItem(shortcut.action()), shortcut);
        Runnable action = actions.get(shortcut);
        item.setOnAction(e -> {
            action.run();
            item.setSelected(state.getValue());
        });
        subscriptions = subscriptions.and(state.subscribe(item::setSelected));
        return item;
    }

    /** The first run's welcome, again: the demo fleet explained and the way to connect a first instance. */
    private static MenuItem welcome(WorkbenchViewModel vm) {
        MenuItem item = new MenuItem("Welcome and first steps");
        item.setId("menu-welcome");
        item.setMnemonicParsing(false);
        item.setOnAction(e -> vm.showWelcome());
        return item;
    }

    /** The ten screens, the one in front marked as on the tabs, then the next and previous screen. */
    private MenuItem[] screens(WorkbenchViewModel vm) {
        List<RadioMenuItem> items = new ArrayList<>();
        for (Screen screen : Screen.values()) {
            RadioMenuItem item = keyed(new RadioMenuItem(KeyMap.SCREENS.get(screen.ordinal()).action()),
                    KeyMap.SCREENS.get(screen.ordinal()));
            Runnable action = actions.get(KeyMap.SCREENS.get(screen.ordinal()));
            item.setOnAction(e -> {
                action.run();
                items.forEach(i -> i.setSelected(i == items.get(vm.screenProperty().get().ordinal())));
            });
            items.add(item);
        }
        subscriptions = subscriptions.and(vm.screenProperty().subscribe(shown ->
                items.forEach(i -> i.setSelected(i == items.get(shown.ordinal())))));
        List<MenuItem> go = new ArrayList<>(items);
        go.addAll(List.of(new SeparatorMenuItem(), item(KeyMap.NEXT_SCREEN), item(KeyMap.PREVIOUS_SCREEN)));
        return go.toArray(MenuItem[]::new);
    }

    void dispose() {
        subscriptions.unsubscribe();
    }
}
