package io.knobwright.app.ui.compare;

import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.app.ui.diff.DiffView;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/** Two pickers (template, template@version or instance:NAME) above the diff view. */
public final class CompareView extends BorderPane {

    public static final String STYLESHEET = Theme.stylesheet(CompareView.class, "compare.css");

    public CompareView(CompareViewModel vm) {
        getStyleClass().add("compare-view");
        ComboBox<String> left = picker("compare-left", vm);
        left.valueProperty().bindBidirectional(vm.leftProperty());
        ComboBox<String> right = picker("compare-right", vm);
        right.valueProperty().bindBidirectional(vm.rightProperty());
        Button swap = new Button(null, new FontIcon(MaterialDesignS.SWAP_HORIZONTAL));
        swap.setId("compare-swap");
        swap.getStyleClass().add(Styles.BUTTON_ICON);
        swap.setOnAction(e -> vm.swap());
        Button compare = new Button("Compare", new FontIcon(MaterialDesignC.COMPARE_HORIZONTAL));
        compare.setId("compare-run");
        compare.getStyleClass().add(Styles.ACCENT);
        compare.setDefaultButton(true);
        compare.setOnAction(e -> vm.compare());
        ProgressIndicator progress = new ProgressIndicator();
        progress.setPrefSize(18, 18);
        progress.visibleProperty().bind(vm.busyProperty());
        HBox pickers = new HBox(10, left, swap, right, compare, progress);
        pickers.setAlignment(Pos.CENTER_LEFT);
        Label hint = new Label("A template (postgresql-oltp), one of its versions (payments@3), or an instance"
                + " (instance:pg-cart-01): its newest settings. A template against an instance is resolved for that"
                + " instance's hardware.");
        hint.getStyleClass().addAll(Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        hint.setWrapText(true);
        Label problem = new Label();
        problem.setId("compare-problem");
        problem.getStyleClass().add(Styles.DANGER);
        problem.textProperty().bind(vm.problemProperty());
        problem.visibleProperty().bind(vm.problemProperty().isNotEmpty());
        problem.managedProperty().bind(problem.visibleProperty());
        problem.setWrapText(true);
        VBox top = new VBox(6, pickers, hint, problem);
        top.getStyleClass().add("compare-bar");
        DiffView diff = new DiffView(vm.diff());
        diff.setId("compare-diff");
        setTop(top);
        setCenter(diff);
    }

    private static ComboBox<String> picker(String id, CompareViewModel vm) {
        ComboBox<String> box = new ComboBox<>(vm.references());
        box.setId(id);
        box.setEditable(true);
        box.setPrefWidth(380);
        box.setVisibleRowCount(18);
        box.setPromptText("template, template@version or instance:NAME");
        return box;
    }
}
