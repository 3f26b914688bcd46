package io.knobwright.app.ui.common;

import atlantafx.base.theme.Styles;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.TextArea;
import javafx.scene.input.Clipboard;
import javafx.scene.input.ClipboardContent;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignB;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

/**
 * A failure Knobwright did not expect: says so plainly, and holds the details in a read-only text area the user
 * can select and copy (or copy in one click) into a bug report. Never shown for a user error.
 */
public final class BugDialog extends Dialog<Void> {

    public static final String STYLESHEET = Theme.stylesheet(BugDialog.class, "bug.css");

    public BugDialog(String action, String details, Theme theme) {
        setTitle("Knobwright hit a bug");
        setHeaderText(action + " failed because of a bug in Knobwright");
        getDialogPane().setGraphic(new FontIcon(MaterialDesignB.BUG_OUTLINE));
        getDialogPane().getGraphic().getStyleClass().add("bug-icon");
        getDialogPane().getButtonTypes().setAll(ButtonType.CLOSE);
        getDialogPane().getStyleClass().add("bug-report");

        Label explanation = new Label("This is a fault in Knobwright, not in what you did. Please copy the details"
                + " below into a bug report; trying again may work.");
        explanation.setWrapText(true);
        TextArea text = new TextArea(details);
        text.setId("bug-details");
        text.setEditable(false);
        text.getStyleClass().add("bug-details");
        VBox.setVgrow(text, Priority.ALWAYS);
        Button copy = new Button("Copy details", new FontIcon(MaterialDesignC.CONTENT_COPY));
        copy.setId("bug-copy");
        copy.getStyleClass().add(Styles.SMALL);
        copy.setOnAction(e -> {
            ClipboardContent content = new ClipboardContent();
            content.putString(details);
            Clipboard.getSystemClipboard().setContent(content);
        });
        VBox content = new VBox(explanation, text, new HBox(copy));
        content.getStyleClass().add("bug-content");
        getDialogPane().setContent(content);
        var subscription = theme.style(getDialogPane(), STYLESHEET);
        setOnHidden(e -> subscription.unsubscribe());
    }
}
