package io.knobwright.app.ui.workbench;

import io.knobwright.app.ui.diff.DiffView;
import io.knobwright.app.ui.workbench.WorkbenchViewModel.Screen;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Control;
import javafx.scene.control.ListView;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableView;
import javafx.scene.control.TextInputControl;
import javafx.scene.control.TreeTableView;

import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * Moves between the screens by keyboard and puts the keyboard where the work goes on: in a screen's main table or
 * list when the screen comes to the front, in its search field on Ctrl+F.
 */
final class ScreenNavigator {

    /** The screens with a search field of their own; on the others Ctrl+F searches the fleet. */
    private static final Map<Screen, String> SEARCH_FIELDS = Map.of(Screen.FLEET, "#fleet-search",
            Screen.TEMPLATES, "#template-search", Screen.PLANS, "#plans-search", Screen.COMPARE, ".diff-search");

    /** Where the first table or list in layout order is not the screen's main one (the fleet's filter lists come first). */
    private static final Map<Screen, String> MAIN_CONTROLS = Map.of(Screen.FLEET, "#fleet-table");

    private final WorkbenchViewModel vm;
    private final TabPane screens;

    ScreenNavigator(WorkbenchViewModel vm, TabPane screens) {
        this.vm = vm;
        this.screens = screens;
    }

    /** The next screen ({@code by} 1) or the previous one (-1), round the end. */
    void step(int by) {
        Screen[] all = Screen.values();
        go(all[Math.floorMod(vm.screenProperty().get().ordinal() + by, all.length)]);
    }

    void go(Screen screen) {
        vm.screenProperty().set(screen);
        focusMainControl();
    }

    /**
     * Once the screen in front is laid out (it may have been built just now): its first table or list, else its first
     * control that takes the keyboard, else the tab row, where the arrows still switch screens.
     */
    void focusMainControl() {
        Platform.runLater(() -> {
            Node content = screens.getSelectionModel().getSelectedItem().getContent();
            content.applyCss(); // skins make the controls inside a comparison or a chart
            Screen screen = vm.screenProperty().get();
            Node target = emptyComparePicker(screen, content)
                    .or(() -> Optional.ofNullable(MAIN_CONTROLS.get(screen)).map(content::lookup))
                    .or(() -> first(content, ScreenNavigator::isList))
                    .or(() -> first(content, n -> n instanceof Control c && c.isFocusTraversable()))
                    .orElse(screens);
            target.requestFocus();
        });
    }

    /**
     * Ctrl+F: inside a comparison its filter; else the search field of the screen in front; else the fleet's, on the
     * fleet screen.
     */
    void search() {
        Node focused = screens.getScene() == null ? null : screens.getScene().getFocusOwner();
        Optional<Node> field = enclosingDiff(focused).flatMap(diff -> first(diff, n -> n.getStyleClass().contains("diff-search")));
        if (field.isEmpty()) {
            field = screenSearch(vm.screenProperty().get());
        }
        if (field.isEmpty()) {
            vm.screenProperty().set(Screen.FLEET);
            field = screenSearch(Screen.FLEET);
        }
        field.ifPresent(found -> Platform.runLater(() -> {
            found.requestFocus();
            if (found instanceof TextInputControl text) {
                text.selectAll();
            }
        }));
    }

    /** On the Compare screen the first side still to choose (the right one after Compare from the fleet). */
    private static Optional<Node> emptyComparePicker(Screen screen, Node content) {
        if (screen != Screen.COMPARE) {
            return Optional.empty();
        }
        return java.util.stream.Stream.of("#compare-left", "#compare-right").map(content::lookup)
                .filter(n -> n instanceof ComboBox<?> box && (box.getValue() == null || box.getValue().toString().isBlank()))
                .findFirst();
    }

    private Optional<Node> screenSearch(Screen screen) {
        String selector = SEARCH_FIELDS.get(screen);
        Node content = screens.getTabs().get(screen.ordinal()).getContent();
        if (selector == null || content == null) {
            return Optional.empty();
        }
        content.applyCss();
        return Optional.ofNullable(content.lookup(selector)).filter(n -> !n.isDisabled());
    }

    private static Optional<Node> enclosingDiff(Node node) {
        for (Node n = node; n != null; n = n.getParent()) {
            if (n instanceof DiffView) {
                return Optional.of(n);
            }
        }
        return Optional.empty();
    }

    private static boolean isList(Node node) {
        return node instanceof TableView<?> || node instanceof TreeTableView<?> || node instanceof ListView<?>;
    }

    /** Depth first, in layout order, among the nodes that show and are enabled. */
    static Optional<Node> first(Node root, Predicate<Node> wanted) {
        if (!root.isVisible() || root.isDisabled()) {
            return Optional.empty();
        }
        if (wanted.test(root)) {
            return Optional.of(root);
        }
        if (root instanceof Parent parent) {
            for (Node child : parent.getChildrenUnmodifiable()) {
                Optional<Node> found = first(child, wanted);
                if (found.isPresent()) {
                    return found;
                }
            }
        }
        return Optional.empty();
    }
}
