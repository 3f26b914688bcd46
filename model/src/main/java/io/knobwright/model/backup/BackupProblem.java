package io.knobwright.model.backup;

import java.util.Objects;

/**
 * One thing wrong with a backup: the file it concerns (relative to the backup's path; the path's own name for a
 * single-file backup), what kind of wrong, and the detail the check gave (a tool's own line, a line number).
 */
public record BackupProblem(String file, ProblemKind kind, String detail) {
    public BackupProblem {
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(kind, "kind");
        detail = detail == null ? "" : detail.strip();
    }

    /** "base/5/2619: checksum differs from the manifest (...)". */
    public String describe() {
        return file + ": " + kind.label() + (detail.isEmpty() ? "" : " (" + detail + ")");
    }
}
