package io.knobwright.app.ui.template;

import atlantafx.base.theme.Styles;
import javafx.beans.binding.Bindings;
import javafx.beans.binding.BooleanBinding;
import javafx.geometry.Pos;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignD;
import org.kordamp.ikonli.materialdesign2.MaterialDesignP;
import org.kordamp.ikonli.materialdesign2.MaterialDesignS;

/**
 * Edits the selected entry: parameter, what it sets (value, expression, engine default), lock and rationale,
 * with the catalog's description of the parameter underneath. Every keystroke goes to the draft.
 */
final class EntryForm extends VBox {

    private final TextField parameter = new TextField();
    private final ChoiceBox<EntryKind> kind = new ChoiceBox<>();
    private final TextField value = new TextField();
    private final CheckBox locked = new CheckBox("Locked (children cannot override)");
    private final TextField rationale = new TextField();
    private final Subscription subscriptions;
    private EntryRow bound;

    EntryForm(TemplateEditorViewModel vm) {
        getStyleClass().add("entry-form");
        parameter.setId("entry-parameter");
        kind.setId("entry-kind");
        kind.getItems().setAll(EntryKind.values());
        value.setId("entry-value");
        locked.setId("entry-locked");
        rationale.setId("entry-rationale");
        rationale.setPromptText("Why this value, in one line");

        Label title = new Label("Entry");
        title.getStyleClass().add(Styles.TITLE_4);
        GridPane grid = new GridPane(10, 8);
        grid.addRow(0, new Label("Parameter"), parameter);
        grid.addRow(1, new Label("Sets"), kind);
        grid.addRow(2, new Label("Value"), value);
        grid.addRow(3, new Label("Rationale"), rationale);
        grid.add(locked, 1, 4);
        GridPane.setHgrow(parameter, Priority.ALWAYS);
        GridPane.setHgrow(value, Priority.ALWAYS);
        GridPane.setHgrow(rationale, Priority.ALWAYS);

        Label help = new Label();
        help.setId("entry-help");
        help.getStyleClass().add("entry-help");
        help.setWrapText(true);
        help.textProperty().bind(vm.helpProperty());

        Button add = new Button("Add entry", new FontIcon(MaterialDesignP.PLUS));
        add.setId("entry-add");
        add.setOnAction(e -> vm.addEntry());
        add.disableProperty().bind(vm.editableProperty().not());
        Button override = new Button("Override", new FontIcon(MaterialDesignS.SOURCE_BRANCH));
        override.setId("entry-override");
        override.setOnAction(e -> vm.override(vm.selectedRowProperty().get()));
        Button remove = new Button("Remove", new FontIcon(MaterialDesignD.DELETE_OUTLINE));
        remove.setId("entry-remove");
        remove.getStyleClass().add(Styles.DANGER);
        remove.setOnAction(e -> vm.removeEntry(vm.selectedRowProperty().get()));
        HBox buttons = new HBox(8, add, override, remove);
        buttons.setAlignment(Pos.CENTER_LEFT);

        BooleanBinding ownSelected = Bindings.createBooleanBinding(() -> vm.selectedRowProperty().get() != null
                && vm.selectedRowProperty().get().own() && vm.editableProperty().get(), vm.selectedRowProperty(), vm.editableProperty());
        BooleanBinding inheritedSelected = Bindings.createBooleanBinding(() -> vm.selectedRowProperty().get() != null
                && !vm.selectedRowProperty().get().own() && !vm.selectedRowProperty().get().lockedAbove()
                && vm.editableProperty().get(), vm.selectedRowProperty(), vm.editableProperty());
        grid.disableProperty().bind(ownSelected.not());
        remove.disableProperty().bind(ownSelected.not());
        override.disableProperty().bind(inheritedSelected.not());
        value.disableProperty().bind(kind.valueProperty().isEqualTo(EntryKind.ENGINE_DEFAULT));
        subscriptions = Subscription.combine(
                vm.selectedRowProperty().subscribe(this::bindTo),
                kind.valueProperty().subscribe(k -> value.setPromptText(k == EntryKind.EXPRESSION
                        ? "e.g. 25% of RAM, min(RAM/4, 8GB), (RAM - shared_buffers) / (max_connections * 3)"
                        : "e.g. 8GB, 200, on, replica")));
        setSpacing(10);
        getChildren().addAll(title, grid, buttons, help);
    }

    private void bindTo(EntryRow row) {
        if (bound != null) {
            parameter.textProperty().unbindBidirectional(bound.parameterProperty());
            kind.valueProperty().unbindBidirectional(bound.kindProperty());
            value.textProperty().unbindBidirectional(bound.textProperty());
            locked.selectedProperty().unbindBidirectional(bound.lockedProperty());
            rationale.textProperty().unbindBidirectional(bound.rationaleProperty());
        }
        bound = row;
        if (row == null) {
            parameter.clear();
            value.clear();
            rationale.clear();
            locked.setSelected(false);
            kind.setValue(null);
            return;
        }
        parameter.textProperty().bindBidirectional(row.parameterProperty());
        kind.valueProperty().bindBidirectional(row.kindProperty());
        value.textProperty().bindBidirectional(row.textProperty());
        locked.selectedProperty().bindBidirectional(row.lockedProperty());
        rationale.textProperty().bindBidirectional(row.rationaleProperty());
    }

    void dispose() {
        subscriptions.unsubscribe();
        bindTo(null);
    }
}
