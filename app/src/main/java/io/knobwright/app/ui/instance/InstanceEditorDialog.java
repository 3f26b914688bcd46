package io.knobwright.app.ui.instance;

import atlantafx.base.controls.Message;
import atlantafx.base.theme.Styles;
import io.knobwright.app.ui.common.Formats;
import io.knobwright.app.ui.common.Labels;
import io.knobwright.app.ui.common.Theme;
import io.knobwright.model.fleet.Criticality;
import io.knobwright.model.fleet.DiskType;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.WorkloadKind;
import javafx.application.Platform;
import javafx.beans.property.ObjectProperty;
import javafx.beans.value.ObservableStringValue;
import javafx.event.ActionEvent;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Dialog;
import javafx.scene.control.Label;
import javafx.scene.control.PasswordField;
import javafx.scene.control.ProgressIndicator;
import javafx.scene.control.TextField;
import javafx.scene.layout.ColumnConstraints;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.StackPane;
import javafx.scene.layout.VBox;
import javafx.util.StringConverter;
import javafx.util.Subscription;
import org.kordamp.ikonli.javafx.FontIcon;
import org.kordamp.ikonli.materialdesign2.MaterialDesignA;
import org.kordamp.ikonli.materialdesign2.MaterialDesignL;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * The add/edit instance form as a dialog. Save runs the editor's save in the background; the dialog
 * stays open (with the error shown) until it succeeds or the user cancels.
 */
public final class InstanceEditorDialog extends Dialog<Instance> {

    public static final String STYLESHEET = Theme.stylesheet(InstanceEditorDialog.class, "instance.css");
    public static final ButtonType SAVE = new ButtonType("Save", ButtonBar.ButtonData.OK_DONE);

    private final InstanceEditorViewModel vm;
    private final GridPane form = new GridPane();
    private final Subscription subscriptions;
    private int row;

    public InstanceEditorDialog(InstanceEditorViewModel vm, Theme theme) {
        this.vm = vm;
        setTitle(vm.title());
        setHeaderText(vm.isEditing() ? "Edit name, tier, criticality, workload, tags and hardware."
                : "Register a running PostgreSQL, MariaDB or MySQL server. Knobwright reads its version, "
                + "hardware and settings when you save.");
        getDialogPane().getButtonTypes().setAll(SAVE, ButtonType.CANCEL);
        getDialogPane().getStyleClass().add("instance-editor");
        form.getStyleClass().add("editor-form");
        ColumnConstraints captions = new ColumnConstraints();
        captions.setMinWidth(Region.USE_PREF_SIZE);
        ColumnConstraints inputs = new ColumnConstraints();
        inputs.setHgrow(Priority.ALWAYS);
        form.getColumnConstraints().setAll(captions, inputs);
        buildForm();
        Message saveError = new Message("Not saved", "", new FontIcon(MaterialDesignA.ALERT_CIRCLE_OUTLINE));
        saveError.getStyleClass().add(Styles.DANGER);
        saveError.setId("editor-save-error");
        saveError.descriptionProperty().bind(vm.saveErrorProperty());
        saveError.visibleProperty().bind(vm.saveErrorProperty().isNotEmpty());
        saveError.managedProperty().bind(saveError.visibleProperty());
        getDialogPane().setContent(new VBox(form, saveError));
        getDialogPane().getContent().getStyleClass().add("editor-content");

        Button save = (Button) getDialogPane().lookupButton(SAVE);
        save.setId("editor-save");
        save.disableProperty().bind(vm.busyProperty());
        save.addEventFilter(ActionEvent.ACTION, e -> {
            e.consume();
            vm.save();
        });
        setResultConverter(button -> button == SAVE ? vm.savedProperty().get() : null);
        Subscription grow = Subscription.EMPTY;
        List<ObservableStringValue> messages = new ArrayList<>(List.of(vm.testResultProperty(), vm.nameErrorProperty(),
                vm.urlErrorProperty(), vm.passwordEnvErrorProperty(), vm.tagsErrorProperty(), vm.saveErrorProperty()));
        if (vm.hardware() != null) {
            messages.addAll(List.of(vm.hardware().cpusErrorProperty(), vm.hardware().memoryErrorProperty(),
                    vm.hardware().diskSizeErrorProperty()));
        }
        for (ObservableStringValue message : messages) {
            grow = grow.and(message.subscribe((before, now) -> fitWindow()));
        }
        subscriptions = theme.style(getDialogPane(), STYLESHEET).and(grow).and(vm.savedProperty().subscribe(saved -> {
            if (saved != null) {
                setResult(saved);
                close();
            }
        }));
        setOnHidden(e -> subscriptions.unsubscribe());
    }

    /** Messages appear and vanish below their fields; the window follows so Save never slides out of sight. */
    private void fitWindow() {
        Platform.runLater(() -> {
            if (getDialogPane().getScene() != null && getDialogPane().getScene().getWindow() != null) {
                getDialogPane().getScene().getWindow().sizeToScene();
            }
        });
    }

    private void buildForm() {
        TextField name = text("editor-name", "orders-db-01");
        name.textProperty().bindBidirectional(vm.nameProperty());
        field("Name", name, vm.nameErrorProperty());
        if (!vm.isEditing()) {
            TextField url = text("editor-url", "jdbc:postgresql://db1.example.com:5432/postgres");
            url.textProperty().bindBidirectional(vm.jdbcUrlProperty());
            field("JDBC URL", url, vm.urlErrorProperty());
            TextField user = text("editor-user", "postgres");
            user.textProperty().bindBidirectional(vm.userProperty());
            field("User", user, null);
            addPasswordRows();
            addTestRow();
        } else if (!vm.jdbcUrlProperty().get().isEmpty()) {
            Label url = new Label(vm.jdbcUrlProperty().get());
            url.getStyleClass().add(Styles.TEXT_MUTED);
            field("JDBC URL", url, null);
        }
        field("Tier", choice("editor-tier", Tier.values(), Labels::tier, vm.tierProperty()), null);
        field("Criticality", choice("editor-criticality", Criticality.values(), Labels::criticality,
                vm.criticalityProperty()), null);
        field("Workload", choice("editor-workload", WorkloadKind.values(), Labels::workload, vm.workloadProperty()), null);
        TextField tags = text("editor-tags", "team=payments, region=eu-west-1");
        tags.textProperty().bindBidirectional(vm.tagsProperty());
        field("Tags", tags, vm.tagsErrorProperty());
        if (vm.hardware() != null) {
            addHardwareRows(vm.hardware());
        }
    }

    /** CPUs, RAM and disk, each with where it comes from below it (probed, entered, unknown). */
    private void addHardwareRows(HardwareForm hw) {
        Label heading = new Label("Hardware");
        heading.getStyleClass().addAll("editor-section", Styles.TEXT_BOLD);
        form.add(heading, 0, row++, 2, 1);
        TextField cpus = text("editor-cpus", "e.g. 16");
        cpus.textProperty().bindBidirectional(hw.cpusProperty());
        field("CPUs", cpus, hw.cpusErrorProperty());
        note(hw.cpusNoteProperty());
        TextField memory = text("editor-ram", "e.g. 64GB, 64G or 65536MB");
        memory.textProperty().bindBidirectional(hw.memoryProperty());
        field("RAM", memory, hw.memoryErrorProperty());
        note(hw.memoryNoteProperty());
        field("Disk type", choice("editor-disk-type", DiskType.values(),
                t -> t == DiskType.UNKNOWN ? "Unknown" : Formats.diskType(t), hw.diskTypeProperty()), null);
        note(hw.diskTypeNoteProperty());
        TextField disk = text("editor-disk", "e.g. 2TB or 500GB");
        disk.textProperty().bindBidirectional(hw.diskSizeProperty());
        field("Disk size", disk, hw.diskSizeErrorProperty());
        note(hw.diskSizeNoteProperty());
    }

    /** Where a hardware fact comes from, in muted text under its field. */
    private void note(ObservableStringValue text) {
        Label note = new Label();
        note.getStyleClass().addAll("field-note", Styles.TEXT_MUTED, Styles.TEXT_SMALL);
        note.setWrapText(true);
        note.setMinHeight(Region.USE_PREF_SIZE);
        note.textProperty().bind(text);
        form.add(note, 1, row++);
    }

    private void addPasswordRows() {
        PasswordField password = new PasswordField();
        password.setId("editor-password");
        password.setPromptText("stored sealed (encrypted) in the local store");
        password.textProperty().bindBidirectional(vm.passwordProperty());
        TextField env = text("editor-password-env", "PGPASSWORD");
        env.textProperty().bindBidirectional(vm.passwordEnvProperty());
        password.visibleProperty().bind(vm.useEnvironmentProperty().not());
        env.visibleProperty().bind(vm.useEnvironmentProperty());
        CheckBox fromEnv = new CheckBox("Read the password from an environment variable instead");
        fromEnv.setId("editor-use-env");
        fromEnv.selectedProperty().bindBidirectional(vm.useEnvironmentProperty());
        field("Password", new StackPane(password, env), vm.passwordEnvErrorProperty());
        form.add(fromEnv, 1, row++);
    }

    private void addTestRow() {
        Button test = new Button("Test connection", new FontIcon(MaterialDesignL.LAN_CONNECT));
        test.setId("editor-test");
        test.setMinWidth(Region.USE_PREF_SIZE);
        test.disableProperty().bind(vm.busyProperty());
        test.setOnAction(e -> vm.testConnection());
        ProgressIndicator progress = new ProgressIndicator();
        progress.getStyleClass().add("editor-progress");
        progress.visibleProperty().bind(vm.busyProperty());
        progress.managedProperty().bind(progress.visibleProperty());
        Label result = new Label();
        result.setId("editor-test-result");
        result.setWrapText(true);
        result.setMinHeight(Region.USE_PREF_SIZE);
        result.visibleProperty().bind(result.textProperty().isNotEmpty());
        result.managedProperty().bind(result.visibleProperty());
        result.textProperty().bind(vm.testResultProperty());
        vm.testSucceededProperty().subscribe(ok -> {
            result.getStyleClass().removeAll(Styles.SUCCESS, Styles.DANGER);
            result.getStyleClass().add(ok ? Styles.SUCCESS : Styles.DANGER);
        });
        HBox box = new HBox(test, progress);
        box.getStyleClass().add("editor-test");
        box.setAlignment(Pos.CENTER_LEFT);
        form.add(box, 1, row++);
        form.add(result, 1, row++);
    }

    private static TextField text(String id, String prompt) {
        TextField field = new TextField();
        field.setId(id);
        field.setPromptText(prompt);
        return field;
    }

    private static <E> ComboBox<E> choice(String id, E[] values, Function<E, String> label,
                                          ObjectProperty<E> property) {
        ComboBox<E> box = new ComboBox<>();
        box.getItems().setAll(values);
        box.setId(id);
        box.setConverter(new StringConverter<>() {
            @Override
            public String toString(E e) {
                return e == null ? "" : label.apply(e);
            }

            @Override
            public E fromString(String s) {
                return null;
            }
        });
        box.valueProperty().bindBidirectional(property);
        return box;
    }

    /** A labelled field with its error line below it (hidden while there is no error). */
    private void field(String caption, Node input, ObservableStringValue error) {
        Label label = new Label(caption);
        label.getStyleClass().add("editor-label");
        label.setLabelFor(input);
        form.add(label, 0, row);
        form.add(input, 1, row++);
        if (error != null) {
            Label message = new Label();
            message.getStyleClass().addAll("field-error", Styles.DANGER);
            message.setWrapText(true);
            message.setMinHeight(Region.USE_PREF_SIZE);
            message.textProperty().bind(error);
            message.visibleProperty().bind(message.textProperty().isNotEmpty());
            message.managedProperty().bind(message.visibleProperty());
            form.add(message, 1, row++);
        }
    }
}
