package io.knobwright.app.ui.review;

import javafx.scene.control.Label;
import javafx.scene.control.ToggleButton;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.HBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * Opens and closes the review panel; a badge counts the plans awaiting my decision and disappears at zero.
 * Sits at the right end of the main window's screen tabs.
 */
public final class ReviewToggle extends ToggleButton {

    private final ReviewPanelViewModel vm;

    public ReviewToggle(ReviewPanelViewModel vm) {
        this.vm = vm;
        setId("review-toggle");
        getStyleClass().add("review-toggle");
        setMnemonicParsing(false);
        Label badge = new Label();
        badge.setId("review-badge");
        badge.getStyleClass().add("review-badge");
        badge.textProperty().bind(vm.awaitingCountProperty().asString());
        badge.visibleProperty().bind(vm.awaitingCountProperty().greaterThan(0));
        badge.managedProperty().bind(badge.visibleProperty());
        HBox content = new HBox(6, new FontIcon(MaterialDesignC.CLIPBOARD_CHECK_OUTLINE), new Label("Reviews"), badge);
        content.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        setGraphic(content);
        Tooltip tip = new Tooltip();
        tip.textProperty().bind(vm.awaitingCountProperty().map(n -> (n.intValue() == 0 ? "No plan awaits"
                : n.intValue() == 1 ? "1 plan awaits" : n + " plans await") + " your decision (" + io.knobwright.app.ui.common.KeyMap.REVIEWS.keysText() + ")"));
        setTooltip(tip);
        selectedProperty().bindBidirectional(vm.shownProperty());
        setFocusTraversable(false);
    }

    public void dispose() {
        selectedProperty().unbindBidirectional(vm.shownProperty());
    }
}
