package io.knobwright.app.ui.common;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import javafx.beans.value.ObservableStringValue;
import javafx.beans.value.ObservableValue;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignC;

import java.util.Objects;

/**
 * The one way a screen shows its view-model's last message: shown while there is text, closable, red with an alert
 * icon for an error and green with a check otherwise. Every screen's banner looks and behaves alike.
 */
public final class StatusMessages {

    private StatusMessages() {
    }

    /**
     * Binds {@code message} to the view-model's text and error flag; {@code dismiss} runs when the user closes it.
     *
     * @return the subscription to the error flag, for the view to end with its others
     */
    public static Subscription bind(Message message, ObservableStringValue text, ObservableValue<Boolean> error,
                                    Runnable dismiss) {
        Objects.requireNonNull(dismiss, "dismiss");
        message.descriptionProperty().bind(text);
        message.visibleProperty().bind(javafx.beans.binding.Bindings.isNotEmpty(text));
        message.managedProperty().bind(message.visibleProperty());
        message.setOnClose(e -> dismiss.run());
        return error.subscribe(isError -> {
            message.getStyleClass().removeAll(Styles.DANGER, Styles.SUCCESS);
            message.getStyleClass().add(isError ? Styles.DANGER : Styles.SUCCESS);
            message.setGraphic(new FontIcon(isError ? MaterialDesignA.ALERT_CIRCLE_OUTLINE
                    : MaterialDesignC.CHECK_CIRCLE_OUTLINE));
        });
    }
}
