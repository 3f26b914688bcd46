package io.knobwright.app.ui.policy;

import javafx.beans.property.StringProperty;
import javafx.beans.value.ObservableValue;
import javafx.scene.control.Label;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TextField;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;

import java.util.List;
import java.util.function.Function;

/** Small pieces the Policy screen's panes share: section headings, bound fields, inline errors, text columns. */
final class PolicyNodes {

    private PolicyNodes() {
    }

    /** A heading with a line under it saying what the section is for. */
    static VBox heading(String title, String explanation) {
        Label t = new Label(title);
        t.getStyleClass().add("policy-section-title");
        Label e = new Label(explanation);
        e.getStyleClass().add("policy-muted");
        e.setWrapText(true);
        e.setMinHeight(Region.USE_PREF_SIZE);
        VBox box = new VBox(t, e);
        box.getStyleClass().add("policy-heading");
        return box;
    }

    /**
     * A text field bound both ways to {@code value}; the binding is added to {@code bindings} so that the
     * owning pane releases it.
     */
    static TextField field(String id, String prompt, StringProperty value, List<Subscription> bindings) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        field.textProperty().bindBidirectional(value);
        bindings.add(() -> field.textProperty().unbindBidirectional(value));
        return field;
    }

    /** What is wrong with what was typed, in red under the form; takes no room while there is nothing to say. */
    static Label error(String id, ObservableValue<String> text) {
        Label label = new Label();
        label.setId(id);
        label.getStyleClass().add("policy-error");
        label.setGraphic(new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        label.setWrapText(true);
        label.setMinHeight(Region.USE_PREF_SIZE);
        label.textProperty().bind(text);
        label.visibleProperty().bind(label.textProperty().isNotEmpty());
        label.managedProperty().bind(label.visibleProperty());
        return label;
    }

    static <S> TableColumn<S, String> column(String title, double width, Function<S, String> value) {
        TableColumn<S, String> c = new TableColumn<>(title);
        c.setPrefWidth(width);
        c.setCellValueFactory(f -> new javafx.beans.property.ReadOnlyStringWrapper(value.apply(f.getValue())));
        return c;
    }
}
