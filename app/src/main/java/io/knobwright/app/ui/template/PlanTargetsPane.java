package io.knobwright.app.ui.template;

import atlantafx.base.controls.CustomTextField;
import atlantafx.base.controls.Spacer;
import atlantafx.base.theme.Styles;
import javafx.css.PseudoClass;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignM;

/**
 * The body of the *Create plans* dialog: a searchable list of the engine's instances with a tick each,
 * quick choices, the live-read option, and a line saying what the choice will make.
 */
final class PlanTargetsPane extends VBox {

    static final PseudoClass UNREAD = PseudoClass.getPseudoClass("unread");
    static final PseudoClass WARNING = PseudoClass.getPseudoClass("warning");

    private final Subscription subscriptions;

    PlanTargetsPane(PlanTargetsViewModel vm) {
        getStyleClass().add("plan-targets");

        CustomTextField search = new CustomTextField();
        search.setId("plan-targets-search");
        search.setPromptText("Search name, version, tier, tag…");
        search.setLeft(new FontIcon(MaterialDesignM.MAGNIFY));
        search.textProperty().bindBidirectional(vm.searchProperty());
        HBox.setHgrow(search, Priority.ALWAYS);
        Button following = small("plan-targets-following", "Following (" + vm.followingCount() + ")");
        following.setOnAction(e -> vm.chooseFollowing());
        Button all = small("plan-targets-all", "All shown");
        all.setOnAction(e -> vm.chooseShown(true));
        Button none = small("plan-targets-none", "None shown");
        none.setOnAction(e -> vm.chooseShown(false));
        HBox bar = new HBox(8, search, following, all, none);
        bar.setAlignment(Pos.CENTER_LEFT);

        ListView<PlanTarget> list = new ListView<>(vm.shown());
        list.setId("plan-targets-list");
        list.getStyleClass().addAll(Styles.DENSE, "plan-targets-list");
        list.setCellFactory(l -> new TargetCell());
        list.setPlaceholder(new Label("No instance matches the search."));
        // Space ticks the focused line, as in any checklist.
        list.setOnKeyPressed(e -> {
            PlanTarget focused = list.getFocusModel().getFocusedItem();
            if (e.getCode() == KeyCode.SPACE && focused != null) {
                focused.chosenProperty().set(!focused.chosenProperty().get());
                e.consume();
            }
        });
        VBox.setVgrow(list, Priority.ALWAYS);

        CheckBox live = new CheckBox("Read connected servers first (otherwise each plan starts from the newest snapshot)");
        live.setId("dialog-plan-live");
        live.setWrapText(true);
        live.setMinHeight(Region.USE_PREF_SIZE);
        live.selectedProperty().bindBidirectional(vm.liveProperty());

        Label summary = new Label();
        summary.setId("plan-targets-summary");
        summary.getStyleClass().add("plan-targets-summary");
        summary.setWrapText(true);
        summary.setMinHeight(Region.USE_PREF_SIZE);
        summary.textProperty().bind(vm.summaryProperty());

        getChildren().setAll(bar, list, live, summary);
        subscriptions = vm.withoutBaselineProperty().subscribe(n -> summary.pseudoClassStateChanged(WARNING, n.intValue() > 0));
    }

    private static Button small(String id, String text) {
        Button button = new Button(text);
        button.setId(id);
        button.getStyleClass().add(Styles.SMALL);
        button.setMinWidth(Button.USE_PREF_SIZE);
        return button;
    }

    void dispose() {
        subscriptions.unsubscribe();
    }

    /** A tick bound to the instance's choice, its name, and on the right whether it follows and when it was read. */
    private static final class TargetCell extends ListCell<PlanTarget> {
        private final CheckBox tick = new CheckBox();
        private final Label detail = new Label();
        private final HBox line = new HBox(8, tick, new Spacer(), detail);
        private PlanTarget bound;

        TargetCell() {
            detail.getStyleClass().add("plan-target-detail");
            detail.setMinWidth(Label.USE_PREF_SIZE);
            line.setAlignment(Pos.CENTER_LEFT);
            tick.setMnemonicParsing(false);
        }

        @Override
        protected void updateItem(PlanTarget target, boolean empty) {
            super.updateItem(target, empty);
            if (bound != null) {
                tick.selectedProperty().unbindBidirectional(bound.chosenProperty());
                bound = null;
            }
            if (empty || target == null) {
                setGraphic(null);
                return;
            }
            bound = target;
            tick.setText(target.name());
            tick.selectedProperty().bindBidirectional(target.chosenProperty());
            detail.setText(target.detail());
            detail.pseudoClassStateChanged(UNREAD, !target.settingsRead());
            setGraphic(line);
        }
    }
}
