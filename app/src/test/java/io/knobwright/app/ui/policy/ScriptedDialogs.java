package io.knobwright.app.ui.policy;

import io.knobwright.app.ui.common.DialogService;
import io.knobwright.app.ui.instance.InstanceEditorViewModel;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.inventory.ImportReport;
import io.knobwright.model.template.TemplateAssignment;
import io.knobwright.model.template.TemplateVersion;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Answers the Policy screen's questions as a test scripts them, and remembers what was asked. */
final class ScriptedDialogs implements DialogService {

    boolean confirmAnswer = true;
    /** The file the next file chooser returns; null: cancelled. */
    Path file;
    final List<String> confirmations = new ArrayList<>();

    @Override
    public boolean confirm(String title, String message, String confirmLabel) {
        confirmations.add(title + "\n" + message);
        return confirmAnswer;
    }

    @Override
    public Optional<Path> chooseFileToOpen(String title, String kind, List<String> patterns) {
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<Path> chooseFileToSave(String title, String kind, List<String> patterns, String suggestedName) {
        return Optional.ofNullable(file);
    }

    @Override
    public Optional<Path> chooseInventoryFile() {
        throw new UnsupportedOperationException("not asked on the Policy screen");
    }

    @Override
    public Optional<Instance> editInstance(InstanceEditorViewModel editor) {
        throw new UnsupportedOperationException("not asked on the Policy screen");
    }

    @Override
    public void showImportReport(Path file, ImportReport report) {
        throw new UnsupportedOperationException("not asked on the Policy screen");
    }

    @Override
    public Optional<String> chooseTemplate(Instance instance, List<TemplateVersion> candidates, TemplateAssignment current) {
        throw new UnsupportedOperationException("not asked on the Policy screen");
    }

    @Override
    public void showBug(String action, String details) {
        throw new AssertionError("A bug was reported: " + action + "\n" + details);
    }
}
