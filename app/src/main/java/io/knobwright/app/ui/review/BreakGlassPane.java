package io.knobwright.app.ui.review;

import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.KeyMap;
import javafx.beans.binding.Bindings;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/** The open break-glass reviews: the list, the selected one's reason, and closing it with a comment (Alt+C). */
final class BreakGlassPane extends VBox {

    private final BreakGlassViewModel vm;
    private final TextField comment = new TextField();
    private Subscription subscriptions;
    private boolean syncing;

    BreakGlassPane(BreakGlassViewModel vm) {
        this.vm = vm;
        getStyleClass().add("review-break-glass");
        ListView<BreakGlassRow> list = new ListView<>(vm.items());
        list.setId("break-glass-list");
        list.getStyleClass().add("review-list");
        list.setCellFactory(l -> new ReviewCells.BreakGlassCell());
        Label placeholder = new Label("No break-glass review is open.");
        placeholder.getStyleClass().add("review-muted");
        list.setPlaceholder(placeholder);
        VBox.setVgrow(list, Priority.ALWAYS);

        Label reason = new Label();
        reason.setId("break-glass-reason");
        reason.setWrapText(true);
        reason.setMinHeight(Region.USE_PREF_SIZE);
        reason.textProperty().bind(vm.selectedProperty().map(r -> "Reason given: " + r.item().reason())
                .orElse("Select a review to read why the glass was broken."));

        comment.setId("break-glass-comment");
        comment.setPromptText("What did you find? (needed to close)");
        comment.textProperty().bindBidirectional(vm.commentProperty());
        comment.disableProperty().bind(vm.selectedProperty().isNull());
        Button close = new Button("_Close review", new FontIcon(MaterialDesignC.CHECK_ALL));
        close.setId("break-glass-close");
        close.setMnemonicParsing(true);
        close.getStyleClass().add(Styles.ACCENT);
        close.disableProperty().bind(Bindings.not(vm.canClose()));
        close.setTooltip(new Tooltip(KeyMap.CLOSE_BREAK_GLASS.tip("Close the review with what you found")));
        close.setOnAction(e -> vm.close());
        HBox buttons = new HBox(close);
        buttons.setAlignment(Pos.CENTER_RIGHT);
        VBox bar = new VBox(6, reason, comment, buttons);
        bar.getStyleClass().add("review-decision");
        getChildren().addAll(list, bar);

        subscriptions = Subscription.combine(
                ReviewPanel.keepKeyboard(this, list),
                list.getSelectionModel().selectedItemProperty().subscribe(row -> {
                    if (!syncing && row != null) {
                        vm.select(row);
                    }
                }),
                vm.selectedProperty().subscribe(row -> {
                    syncing = true;
                    try {
                        if (row == null) {
                            list.getSelectionModel().clearSelection();
                        } else {
                            list.getSelectionModel().select(row);
                        }
                    } finally {
                        syncing = false;
                    }
                }));
    }

    void dispose() {
        subscriptions.unsubscribe();
        comment.textProperty().unbindBidirectional(vm.commentProperty());
    }
}
