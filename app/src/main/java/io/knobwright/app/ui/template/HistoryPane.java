package io.knobwright.app.ui.template;

import atlantafx.base.theme.Styles;
import io.knobwright.model.template.TemplateVersion;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.SelectionMode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignH;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** The saved versions of the open template, newest first: compare any two, roll back to one. */
final class HistoryPane extends VBox {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

    HistoryPane(TemplatesViewModel screen, ZoneId zone) {
        TemplateEditorViewModel vm = screen.editor();
        getStyleClass().add("history-pane");
        Label title = new Label("History");
        title.getStyleClass().add(Styles.TITLE_4);
        ListView<TemplateVersion> list = new ListView<>(vm.history());
        list.setId("template-history");
        list.getSelectionModel().setSelectionMode(SelectionMode.MULTIPLE);
        list.setCellFactory(v -> new ListCell<>() {
            @Override
            protected void updateItem(TemplateVersion item, boolean empty) {
                super.updateItem(item, empty);
                if (empty || item == null) {
                    setText(null);
                    return;
                }
                setText("v" + item.version() + " · " + item.author() + " · " + WHEN.format(item.savedAt().atZone(zone))
                        + (item.comment().isBlank() ? "" : "\n" + item.comment()));
            }
        });
        list.setPrefHeight(150);

        Button compare = new Button("Compare", new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
        compare.setId("history-compare");
        compare.disableProperty().bind(Bindings.size(list.getSelectionModel().getSelectedItems()).isNotEqualTo(2));
        compare.setOnAction(e -> {
            List<TemplateVersion> two = List.copyOf(list.getSelectionModel().getSelectedItems());
            int older = Math.min(two.get(0).version(), two.get(1).version());
            int newer = Math.max(two.get(0).version(), two.get(1).version());
            vm.compareVersions(older, newer);
        });
        Button rollback = new Button("Roll back to this", new FontIcon(MaterialDesignH.HISTORY));
        rollback.setId("history-rollback");
        rollback.disableProperty().bind(Bindings.createBooleanBinding(() -> list.getSelectionModel().getSelectedItems().size() != 1
                        || !vm.editableProperty().get()
                        || list.getSelectionModel().getSelectedItem().version() == vm.loadedProperty().get().version(),
                list.getSelectionModel().getSelectedItems(), vm.editableProperty(), vm.loadedProperty()));
        rollback.setOnAction(e -> screen.rollback(list.getSelectionModel().getSelectedItem().version()));
        Label hint = new Label("Select two versions to compare them.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        HBox buttons = new HBox(8, compare, rollback);
        buttons.setAlignment(Pos.CENTER_LEFT);
        setSpacing(8);
        getChildren().addAll(title, list, buttons, hint);
    }
}
