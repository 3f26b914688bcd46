package io.knobwright.app.ui.fleet;

import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateVersion;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.layout.GridPane;
import javafx.util.StringConverter;
import javafx.util.Subscription;

import java.util.List;
import java.util.stream.IntStream;

/**
 * Picks the template an instance follows: one of its engine's templates, following the newest version
 * or pinned to one. The result is the reference TemplateService.assign takes ("name" or "name@3").
 */
public final class AssignTemplateDialog extends Dialog<String> {

    public static final ButtonType ASSIGN = new ButtonType("Assign", ButtonBar.ButtonData.OK_DONE);

    private final ComboBox<TemplateVersion> template = new ComboBox<>();
    private final CheckBox pin = new CheckBox("Pin to version");
    private final ComboBox<Integer> version = new ComboBox<>();
    private final Label description = new Label();

    public AssignTemplateDialog(Instance instance, List<TemplateVersion> candidates, TemplateAssignment current, Theme theme) {
        setTitle("Assign template");
        setHeaderText("Which template should '" + instance.name() + "' follow? Its drift is measured against it.");
        getDialogPane().getButtonTypes().setAll(ASSIGN, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("assign-template");

        template.setId("assign-template-choice");
        template.getItems().setAll(candidates);
        template.setConverter(new StringConverter<>() {
            @Override
            public String toString(TemplateVersion v) {
                return v == null ? "" : v.name() + "  (v" + v.version() + ")";
            }

            @Override
            public TemplateVersion fromString(String text) {
                return null;
            }
        });
        template.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(TemplateVersion v, boolean empty) {
                super.updateItem(v, empty);
                setText(empty || v == null ? null : v.name() + "  (v" + v.version() + ")");
            }
        });
        template.setMaxWidth(Double.MAX_VALUE);
        version.setId("assign-template-version");
        version.setConverter(new StringConverter<>() {
            @Override
            public String toString(Integer v) {
                TemplateVersion newest = template.getValue();
                return v == null ? "" : "v" + v + (newest != null && v == newest.version() ? "  (newest)" : "");
            }

            @Override
            public Integer fromString(String text) {
                return null;
            }
        });
        pin.setId("assign-template-pin");
        version.disableProperty().bind(pin.selectedProperty().not());
        description.getStyleClass().add("assign-template-description");
        description.setWrapText(true);
        description.setMaxWidth(440);

        GridPane form = new GridPane();
        form.getStyleClass().add("assign-template-form");
        form.addRow(0, new Label("Template"), template);
        form.add(description, 1, 1);
        form.addRow(2, pin, version);
        getDialogPane().setContent(form);

        Subscription chosen = template.valueProperty().subscribe(v -> {
            description.setText(v == null ? "" : v.template().description());
            List<Integer> versions = v == null ? List.of() : IntStream.rangeClosed(1, v.version()).boxed().toList().reversed();
            version.getItems().setAll(versions);
            version.setValue(versions.isEmpty() ? null : versions.getFirst());
        });
        TemplateVersion preselect = candidates.stream()
                .filter(v -> current != null && v.name().equals(current.templateName())).findFirst()
                .orElse(candidates.isEmpty() ? null : candidates.getFirst());
        template.setValue(preselect);
        if (current != null && current.pinnedVersion() != null && preselect != null
                && preselect.name().equals(current.templateName())) {
            pin.setSelected(true);
            version.setValue(current.pinnedVersion());
        }
        getDialogPane().lookupButton(ASSIGN).disableProperty().bind(template.valueProperty().isNull());
        setResultConverter(button -> button == ASSIGN ? reference() : null);
        Subscription styling = theme.style(getDialogPane(), FleetView.STYLESHEET);
        setOnHidden(e -> {
            chosen.unsubscribe();
            styling.unsubscribe();
        });
    }

    private String reference() {
        TemplateVersion v = template.getValue();
        if (v == null) {
            return null;
        }
        return pin.isSelected() && version.getValue() != null ? v.name() + "@" + version.getValue() : v.name();
    }
}
