package io.knobwright.app.ui.template;

import io.knobwright.app.template.ConfigFormat;
import io.knobwright.model.engine.Engine;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;

/** The questions the Templates screen asks; real dialogs in the app, scripted answers in tests. */
public interface TemplateDialogs {

    /** A name for a new template (a copy, a child); {@code suggested} is filled in. */
    Optional<String> askName(String title, String explanation, String suggested);

    /** A file to import and how: postgresql.conf, my.cnf, YAML or JSON. */
    Optional<ImportRequest> chooseImport();

    /** {@code engine} and {@code version} are null when the user leaves them to the file; version needs engine. */
    record ImportRequest(Path file, String name, Engine engine, String version, String parent) {
    }

    /**
     * Where to export a template and in which format. {@code instanceName} is the instance the resolved
     * formats are computed for, or null when there is none (then only YAML and JSON are offered).
     */
    Optional<ExportRequest> chooseExport(String template, Engine engine, String instanceName);

    record ExportRequest(Path file, ConfigFormat format) {
    }

    /**
     * Which instances to make plans for, and whether to read connected servers first; empty when cancelled.
     * {@code choices} holds the list, the ticks and the counts the dialog shows.
     */
    Optional<PlanRequest> choosePlanTargets(PlanTargetsViewModel choices);

    /** The instances to plan for, by id, and whether connected servers are read first. */
    record PlanRequest(List<Long> instanceIds, boolean live) {
        public PlanRequest {
            instanceIds = List.copyOf(instanceIds);
        }
    }

    boolean confirm(String title, String message, String confirmLabel);
}
