package io.knobwright.app.ui.common;

import io.knobwright.app.ui.fleet.AssignTemplateDialog;
import io.knobwright.app.ui.instance.InstanceEditorDialog;
import io.knobwright.app.ui.instance.InstanceEditorViewModel;
import io.knobwright.app.ui.inventory.ImportReportDialog;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.inventory.ImportReport;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateVersion;
import javafx.scene.control.Alert;
import javafx.scene.control.ButtonBar;
import javafx.scene.control.ButtonType;
import javafx.scene.control.Dialog;
import javafx.stage.FileChooser;
import javafx.stage.Window;

import java.io.File;
import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** {@link DialogService} with real JavaFX dialogs, owned by the main window and styled like it. */
public final class FxDialogService implements DialogService {

    private final Supplier<Window> owner;
    private final Theme theme;
    private File lastDirectory;

    public FxDialogService(Supplier<Window> owner, Theme theme) {
        this.owner = owner;
        this.theme = theme;
    }

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        ButtonType confirm = new ButtonType(confirmLabel, ButtonBar.ButtonData.OK_DONE);
        Alert alert = new Alert(Alert.AlertType.CONFIRMATION, message, confirm, ButtonType.CANCEL);
        alert.setTitle(title);
        alert.setHeaderText(title);
        prepare(alert);
        // Cancel is the default: Enter on a destructive question must not destroy anything.
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(confirm)).setDefaultButton(false);
        ((javafx.scene.control.Button) alert.getDialogPane().lookupButton(ButtonType.CANCEL)).setDefaultButton(true);
        return alert.showAndWait().filter(confirm::equals).isPresent();
    }

    @Override
    public Optional<Path> chooseInventoryFile() {
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Import inventory");
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("Inventory (CSV, JSON)", "*.csv", "*.json"),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        File file = chooser.showOpenDialog(owner.get());
        if (file == null) {
            return Optional.empty();
        }
        lastDirectory = file.getParentFile();
        return Optional.of(file.toPath());
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String kind, List<String> patterns) {
        FileChooser chooser = chooser(title, kind, patterns);
        return remember(chooser.showOpenDialog(owner.get()));
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String kind, List<String> patterns, String suggestedName) {
        FileChooser chooser = chooser(title, kind, patterns);
        chooser.setInitialFileName(suggestedName);
        return remember(chooser.showSaveDialog(owner.get()));
    }

    private FileChooser chooser(String title, String kind, List<String> patterns) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter(kind, patterns),
                new FileChooser.ExtensionFilter("All files", "*.*"));
        if (lastDirectory != null && lastDirectory.isDirectory()) {
            chooser.setInitialDirectory(lastDirectory);
        }
        return chooser;
    }

    private Optional<Path> remember(File file) {
        if (file == null) {
            return Optional.empty();
        }
        lastDirectory = file.getParentFile();
        return Optional.of(file.toPath());
    }

    @Override
    public Optional<Instance> editInstance(InstanceEditorViewModel editor) {
        InstanceEditorDialog dialog = new InstanceEditorDialog(editor, theme);
        prepare(dialog);
        return dialog.showAndWait();
    }

    @Override
    public void showImportReport(Path file, ImportReport report) {
        ImportReportDialog dialog = new ImportReportDialog(file, report, theme);
        prepare(dialog);
        dialog.showAndWait();
    }

    @Override
    public Optional<String> chooseTemplate(Instance instance, List<TemplateVersion> candidates, TemplateAssignment current) {
        AssignTemplateDialog dialog = new AssignTemplateDialog(instance, candidates, current, theme);
        prepare(dialog);
        return dialog.showAndWait();
    }

    @Override
    public void showBug(String action, String details) {
        BugDialog dialog = new BugDialog(action, details, theme);
        prepare(dialog);
        dialog.showAndWait();
    }

    private void prepare(Dialog<?> dialog) {
        Window window = owner.get();
        if (window != null) {
            dialog.initOwner(window);
        }
        if (dialog instanceof Alert) {
            var subscription = theme.style(dialog.getDialogPane());
            dialog.setOnHidden(e -> subscription.unsubscribe());
        }
    }
}
