package io.knobwright.app.ui.operations;

import io.knobwright.app.ui.common.Theme;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextField;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;

/** Asks why before an action on an override; the action's button stays off until a reason is typed. */
final class ReasonDialog extends Dialog<String> {

    ReasonDialog(String title, String question, String action, Theme theme) {
        setTitle(title);
        setHeaderText(title);
        ButtonType confirm = new ButtonType(action, ButtonBar.ButtonData.OK_DONE);
        getDialogPane().getButtonTypes().setAll(confirm, ButtonType.CANCEL);
        Label text = new Label(question);
        text.setWrapText(true);
        text.setMaxWidth(460);
        TextField reason = new TextField();
        reason.setId("ops-reason");
        reason.setPromptText("the incident, or why");
        getDialogPane().setContent(new VBox(10, text, reason));
        getDialogPane().lookupButton(confirm).setId("ops-reason-confirm");
        getDialogPane().lookupButton(confirm).disableProperty().bind(reason.textProperty().map(String::isBlank));
        setResultConverter(button -> button == confirm ? reason.getText().strip() : null);
        Subscription styling = theme.style(getDialogPane(), OperationsView.STYLESHEET);
        setOnShown(e -> reason.requestFocus());
        setOnHidden(e -> styling.unsubscribe());
    }
}
