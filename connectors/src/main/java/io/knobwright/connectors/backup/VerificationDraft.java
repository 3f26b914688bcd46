package io.knobwright.connectors.backup;

import io.knobwright.model.backup.BackupProblem;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** What the checks of one verification gather before it becomes an immutable result. */
final class VerificationDraft {
    final List<BackupProblem> problems = new ArrayList<>();
    final Map<String, String> facts = new LinkedHashMap<>();
    /** When the backup itself says it was taken; null to fall back to its files' modification times. */
    Instant takenAt;
    Duration duration;

    /** The files some problem already names, so a checksum change is not told twice. */
    List<String> namedFiles() {
        return problems.stream().map(BackupProblem::file).toList();
    }
}
