package io.knobwright.app.ui.common;

import io.knobwright.app.ui.instance.InstanceEditorViewModel;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.inventory.ImportReport;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateVersion;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/**
 * Every modal question the workbench asks, behind one interface so view-models can be tested with a
 * scripted answer instead of a window. The app's implementation is {@link FxDialogService}.
 */
public interface DialogService {

    /** Asks before something destructive; true when the user chose {@code confirmLabel}. */
    boolean confirm(String title, String message, String confirmLabel);

    /** Lets the user pick a CSV or JSON inventory file. */
    Optional<Path> chooseInventoryFile();

    /**
     * Lets the user pick a file to read.
     *
     * @param kind     what the files are, for the filter ("Policy file (YAML)")
     * @param patterns the filter's patterns ("*.yaml", "*.yml")
     */
    Optional<Path> chooseFileToOpen(String title, String kind, List<String> patterns);

    /** Lets the user choose where to write a file; {@code suggestedName} is filled in. */
    Optional<Path> chooseFileToSave(String title, String kind, List<String> patterns, String suggestedName);

    /**
     * Shows the add/edit form until the editor has saved (the saved instance is returned) or the
     * user cancels (empty).
     */
    Optional<Instance> editInstance(InstanceEditorViewModel editor);

    /** Shows what an import stored and which rows it rejected, and why. */
    void showImportReport(Path file, ImportReport report);

    /**
     * Lets the user pick the template an instance follows, optionally pinned to a version.
     *
     * @param candidates the newest version of each template for the instance's engine
     * @param current    the instance's assignment now, or null
     * @return the reference to assign ("postgresql-oltp" or "postgresql-oltp@3"); empty when cancelled
     */
    Optional<String> chooseTemplate(Instance instance, List<TemplateVersion> candidates, TemplateAssignment current);

    /**
     * Tells the user that Knobwright hit a bug (never used for a user error), with the details in a text they
     * can copy into a report.
     *
     * @param action what the user was doing ("Save orders-1")
     */
    void showBug(String action, String details);
}
