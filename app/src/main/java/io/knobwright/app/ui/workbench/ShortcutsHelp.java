package io.knobwright.app.ui.workbench;

import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.KeyMap;
import io.knobwright.app.ui.common.KeyMap.Scope;
import io.knobwright.app.ui.common.KeyMap.Shortcut;
import io.knobwright.app.ui.common.Theme;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ScrollPane;
import atlantafx.base.controls.CustomTextField;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.VBox;
import javafx.stage.Modality;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

import java.util.List;
import java.util.Locale;

/**
 * Help, Keyboard shortcuts (F1): every shortcut of {@link KeyMap}, grouped by where it works, with a filter. It stays
 * open beside the window (not modal) so the keys can be tried while reading.
 */
public final class ShortcutsHelp extends Dialog<Void> {

    private final VBox sections = new VBox();
    private final Label nothing = new Label();

    public ShortcutsHelp(Theme theme) {
        setTitle("Keyboard shortcuts");
        initModality(Modality.NONE);
        CustomTextField filter = new CustomTextField();
        filter.setId("shortcuts-filter");
        filter.setPromptText("Filter by action or key (refresh, Ctrl+D, review)");
        filter.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        nothing.setId("shortcuts-nothing");
        nothing.getStyleClass().add(Styles.TEXT_MUTED);
        sections.getStyleClass().add("shortcuts-sections");
        ScrollPane scroll = new ScrollPane(sections);
        scroll.setFitToWidth(true);
        scroll.getStyleClass().add("edge-to-edge");
        Label about = new Label("Ctrl is Cmd on a Mac. Screens, Actions and Window keys work wherever the keyboard is;"
                + " the others while it is in their part of the window.");
        about.setWrapText(true);
        about.setMinHeight(javafx.scene.layout.Region.USE_PREF_SIZE);
        about.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        VBox content = new VBox(10, filter, about, scroll);
        content.setId("shortcuts-help");
        content.getStyleClass().add("shortcuts-help");
        VBox.setVgrow(scroll, javafx.scene.layout.Priority.ALWAYS);
        getDialogPane().setContent(content);
        getDialogPane().getButtonTypes().add(ButtonType.CLOSE);
        getDialogPane().setPrefSize(620, 640);
        var styling = theme.style(getDialogPane(), WorkbenchView.STYLESHEET);
        setOnHidden(e -> styling.unsubscribe());
        filter.textProperty().subscribe((String text) -> show(text));
        setOnShown(e -> filter.requestFocus());
    }

    /** The shortcuts whose action, keys or place mention every word of {@code text}. */
    static List<Shortcut> matching(String text) {
        List<String> words = List.of(text.toLowerCase(Locale.ROOT).trim().split("\\s+"));
        return KeyMap.ALL.stream().filter(s -> {
            String haystack = (s.action() + " " + s.keysText() + " " + s.scope().title()).toLowerCase(Locale.ROOT);
            return words.stream().allMatch(haystack::contains);
        }).toList();
    }

    private void show(String filter) {
        List<Shortcut> shown = matching(filter == null ? "" : filter);
        sections.getChildren().clear();
        for (Scope scope : Scope.values()) {
            List<Shortcut> inScope = shown.stream().filter(s -> s.scope() == scope).toList();
            if (inScope.isEmpty()) {
                continue;
            }
            Label title = new Label(scope.title());
            title.getStyleClass().addAll(Styles.TITLE_4, "shortcuts-scope");
            GridPane rows = new GridPane();
            rows.getStyleClass().add("shortcuts-rows");
            for (int i = 0; i < inScope.size(); i++) {
                Shortcut shortcut = inScope.get(i);
                Label action = new Label(shortcut.action());
                action.setWrapText(true);
                rows.addRow(i, keys(shortcut), action);
            }
            sections.getChildren().addAll(title, rows);
        }
        nothing.setText("No shortcut matches '" + filter + "'.");
        if (shown.isEmpty()) {
            sections.getChildren().add(nothing);
        }
    }

    private static FlowPane keys(Shortcut shortcut) {
        FlowPane keys = new FlowPane();
        keys.getStyleClass().add("shortcut-keys");
        for (KeyCombination combination : shortcut.keys()) {
            if (!keys.getChildren().isEmpty()) {
                Label or = new Label("or");
                or.getStyleClass().add(Styles.TEXT_MUTED);
                keys.getChildren().add(or);
            }
            Label key = new Label(combination.getDisplayText());
            key.getStyleClass().add("key-chip");
            keys.getChildren().add(key);
        }
        return keys;
    }
}
