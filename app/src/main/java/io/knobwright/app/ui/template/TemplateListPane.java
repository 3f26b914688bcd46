package io.knobwright.app.ui.template;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.EngineIcons;
import javafx.application.Platform;
import javafx.geometry.Pos;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/** The template list on the left of the Templates screen: search, then one line per template. */
final class TemplateListPane extends BorderPane {

    private final ListView<TemplateItem> list;
    private final Subscription subscriptions;
    private boolean syncing;

    TemplateListPane(TemplatesViewModel vm) {
        getStyleClass().add("template-list-pane");
        setMinWidth(220);
        setPrefWidth(300);
        CustomTextField search = new CustomTextField();
        search.setId("template-search");
        search.setPromptText("Search templates…");
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().bindBidirectional(vm.searchProperty());
        list = new ListView<>(vm.templates());
        list.setId("template-list");
        list.setCellFactory(v -> new TemplateCell());
        list.setPlaceholder(new Label("No template matches."));
        VBox top = new VBox(search);
        top.getStyleClass().add("template-search-bar");
        setTop(top);
        setCenter(list);
        subscriptions = Subscription.combine(
                list.getSelectionModel().selectedItemProperty().subscribe(item -> {
                    if (!syncing && item != null) {
                        vm.selectedProperty().set(item);
                    }
                }),
                vm.selectedProperty().subscribe(this::showSelected),
                // After the list view itself has caught up with the new items, not in the middle of that change.
                vm.templates().subscribe(() -> Platform.runLater(() -> showSelected(vm.selectedProperty().get()))));
    }

    private void showSelected(TemplateItem item) {
        syncing = true;
        try {
            if (item == null) {
                list.getSelectionModel().clearSelection();
            } else {
                int at = list.getItems().indexOf(item);
                if (at < 0) {
                    list.getSelectionModel().clearSelection();
                } else if (list.getSelectionModel().getSelectedIndex() != at) {
                    list.getSelectionModel().clearAndSelect(at);
                    list.scrollTo(Math.max(0, at - 3));
                }
            }
        } finally {
            syncing = false;
        }
    }

    void dispose() {
        subscriptions.unsubscribe();
    }

    /** Name with the engine's mark; below it version, parent and whether it is built in. */
    private static final class TemplateCell extends ListCell<TemplateItem> {
        TemplateCell() {
            // As wide as the list, never wider: long names are cut with an ellipsis instead of a scroll bar.
            setPrefWidth(0);
        }

        @Override
        protected void updateItem(TemplateItem item, boolean empty) {
            super.updateItem(item, empty);
            if (empty || item == null) {
                setGraphic(null);
                setText(null);
                return;
            }
            Label name = new Label(item.name());
            name.getStyleClass().add("template-name");
            HBox title = new HBox(6, EngineIcons.icon(item.latest().template().engine()), name);
            title.setAlignment(Pos.CENTER_LEFT);
            if (item.builtIn()) {
                FontIcon lock = new FontIcon(MaterialDesignL.LOCK_OUTLINE);
                lock.getStyleClass().add("built-in-mark");
                title.getChildren().add(lock);
            }
            String details = "v" + item.latest().version() + (item.builtIn() ? " · built-in" : " · " + item.latest().author())
                    + (item.parent().isEmpty() ? "" : " · inherits " + item.parent());
            Label sub = new Label(details);
            sub.getStyleClass().addAll("template-details", Styles.TEXT_MUTED);
            VBox box = new VBox(2, title, sub);
            HBox.setHgrow(box, Priority.ALWAYS);
            setGraphic(box);
            setText(null);
        }
    }
}
