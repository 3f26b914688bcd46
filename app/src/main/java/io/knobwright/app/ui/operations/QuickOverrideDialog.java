package io.knobwright.app.ui.operations;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.Theme;
import javafx.event.ActionEvent;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.TextField;
import javafx.scene.input.KeyCode;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

/**
 * The quick override of one instance: parameter (with completion from the instance's catalog), value, duration
 * (15m/30m/1h/4h or typed), reason. Apply keeps the dialog open while the override is applied in the background,
 * closes it once in force, and shows a refusal in words below the form.
 */
public final class QuickOverrideDialog extends Dialog<Void> {

    public static final ButtonType APPLY = new ButtonType("Apply override", ButtonBar.ButtonData.OK_DONE);

    private final Subscription subscriptions;

    public QuickOverrideDialog(QuickOverrideViewModel vm, Theme theme) {
        setTitle("Emergency override");
        setHeaderText("Emergency override on " + vm.instance().name() + " (" + vm.instance().engine().displayName() + " "
                + vm.instance().version() + "): set now, restored by itself when the time is up.");
        getDialogPane().getButtonTypes().setAll(APPLY, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("quick-override");

        TextField parameter = new TextField();
        parameter.setId("qo-parameter");
        parameter.setPromptText("work_mem");
        parameter.textProperty().bindBidirectional(vm.parameterProperty());
        ListView<String> suggestions = new ListView<>(vm.suggestions());
        suggestions.setId("qo-suggestions");
        suggestions.getStyleClass().addAll("quick-override-suggestions", Styles.DENSE);
        suggestions.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(vm.suggestions()));
        suggestions.managedProperty().bind(suggestions.visibleProperty());
        suggestions.setOnMouseClicked(e -> choose(vm, suggestions, parameter));
        suggestions.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.ENTER) {
                choose(vm, suggestions, parameter);
            }
        });
        parameter.setOnKeyPressed(e -> {
            if (e.getCode() == KeyCode.DOWN && !vm.suggestions().isEmpty()) {
                suggestions.requestFocus();
                suggestions.getSelectionModel().selectFirst();
            }
        });
        Label help = new Label();
        help.setId("qo-parameter-help");
        help.getStyleClass().add("quick-override-note");
        help.setWrapText(true);
        help.textProperty().bind(vm.parameterHelpProperty());
        help.visibleProperty().bind(vm.parameterHelpProperty().isNotEmpty());
        help.managedProperty().bind(help.visibleProperty());

        TextField value = new TextField();
        value.setId("qo-value");
        value.setPromptText("256MB");
        value.textProperty().bindBidirectional(vm.valueProperty());

        ComboBox<String> duration = new ComboBox<>();
        duration.setId("qo-duration");
        duration.setEditable(true);
        duration.getItems().setAll(QuickOverrideViewModel.DURATIONS);
        duration.getEditor().textProperty().bindBidirectional(vm.durationProperty());
        duration.setPrefWidth(140);

        TextField reason = new TextField();
        reason.setId("qo-reason");
        reason.setPromptText("INC-1234: queries spilling to disk");
        reason.textProperty().bindBidirectional(vm.reasonProperty());

        GridPane form = new GridPane();
        form.getStyleClass().add("quick-override-form");
        ColumnConstraints labels = new ColumnConstraints();
        ColumnConstraints fields = new ColumnConstraints();
        fields.setHgrow(Priority.ALWAYS);
        fields.setMinWidth(360);
        form.getColumnConstraints().setAll(labels, fields);
        form.addRow(0, new Label("Parameter"), parameter);
        form.add(suggestions, 1, 1);
        form.add(help, 1, 2);
        form.addRow(3, new Label("Value"), value);
        form.addRow(4, new Label("For"), duration);
        form.addRow(5, new Label("Reason"), reason);

        Label problem = new Label();
        problem.setId("qo-problem");
        problem.getStyleClass().add("quick-override-problem");
        problem.setWrapText(true);
        problem.textProperty().bind(vm.problemProperty());
        problem.setMaxWidth(540);
        help.setMaxWidth(440);
        Message outcome = new Message("Not applied", "", new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        outcome.setId("qo-outcome");
        outcome.getStyleClass().add(Styles.DANGER);
        outcome.descriptionProperty().bind(vm.outcomeProperty());
        outcome.visibleProperty().bind(vm.outcomeProperty().isNotEmpty());
        outcome.managedProperty().bind(outcome.visibleProperty());
        outcome.setMaxWidth(520);
        VBox content = new VBox(10, form, problem, outcome);
        content.setPrefWidth(560);
        getDialogPane().setContent(content);

        Button apply = (Button) getDialogPane().lookupButton(APPLY);
        apply.setId("qo-apply");
        apply.disableProperty().bind(vm.canApply().not());
        apply.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.apply();
        });
        subscriptions = theme.style(getDialogPane(), OperationsView.STYLESHEET)
                .and(vm.appliedProperty().subscribe(done -> {
                    if (done) {
                        close();
                    }
                }))
                .and(vm.outcomeProperty().subscribe(text -> fitWindow()))
                .and(suggestions.visibleProperty().subscribe(shown -> fitWindow()))
                .and(help.visibleProperty().subscribe(shown -> fitWindow()));
        setOnShown(e -> parameter.requestFocus());
        setOnHidden(e -> subscriptions.unsubscribe());
    }

    /** The list of suggestions and the messages come and go: the window follows, so Apply never floats in blank space. */
    private void fitWindow() {
        javafx.application.Platform.runLater(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }

    private static void choose(QuickOverrideViewModel vm, ListView<String> suggestions, TextField parameter) {
        String chosen = suggestions.getSelectionModel().getSelectedItem();
        if (chosen != null) {
            vm.choose(chosen);
            parameter.requestFocus();
            parameter.end();
        }
    }
}
