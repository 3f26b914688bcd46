package io.knobwright.app.workload;

import io.knobwright.app.task.ProgressTask;
import io.knobwright.model.fleet.Instance;

import java.nio.file.Path;

/**
 * Imports a server log into an instance's workload: the Workload tab's "Import log…" runs what this returns with
 * a progress bar and a Cancel button. The real importer (log parsers and the fingerprint digest) implements it.
 */
@FunctionalInterface
public interface LogImportTasks {

    /** What one import did, as the tab reports it. */
    record Result(long statements, long fingerprints, long bytesRead, String message) {
    }

    ProgressTask<Result> importing(Instance instance, Path file);

    /** For a workbench without an importer yet: every import fails with a message that says so. */
    LogImportTasks NONE = (instance, file) -> progress -> {
        throw io.knobwright.model.UserError.input("Log import is not available in this build; use `knobwright workload"
                + " import-log --instance " + instance.name() + " --file " + file + "` once it is.");
    };
}
