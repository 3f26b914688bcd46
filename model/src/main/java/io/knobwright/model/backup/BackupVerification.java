package io.knobwright.model.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The outcome of verifying one backup. The status follows from the problems (the worst verdict any of them leads to;
 * GOOD when there is none), so a result that says GOOD with a problem in it cannot exist.
 *
 * @param path       the backup's absolute path (a directory or a file)
 * @param takenAt    when the backup was taken: the backup label's start time or the dump's own date when the backup
 *                   tells it, else the newest modification time of its files
 * @param bytes      the backup's size on disk
 * @param duration   how long taking it took, when the backup tells it (base backup label start and stop); null if not
 * @param facts      what the checks found besides problems (tool used, TOC entries, server version), sorted by key
 * @param checksums  sha256 of every file, kept so that the next verification sees a file changed since
 */
public record BackupVerification(String path, BackupKind kind, BackupStatus status, Instant takenAt, long bytes,
                                 Duration duration, Instant verifiedAt, List<BackupProblem> problems,
                                 Map<String, String> facts, List<FileChecksum> checksums) {
    public BackupVerification {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(kind, "kind");
        Objects.requireNonNull(status, "status");
        Objects.requireNonNull(takenAt, "takenAt");
        Objects.requireNonNull(verifiedAt, "verifiedAt");
        if (bytes < 0) {
            throw new IllegalArgumentException("bytes must be >= 0: " + bytes);
        }
        if (duration != null && duration.isNegative()) {
            throw new IllegalArgumentException("duration must not be negative: " + duration);
        }
        problems = List.copyOf(problems);
        facts = java.util.Collections.unmodifiableMap(new TreeMap<>(facts));
        checksums = List.copyOf(checksums);
        if (status != verdict(problems)) {
            throw new IllegalArgumentException("status " + status + " does not follow from the problems " + problems);
        }
    }

    /** A result whose status is the one its problems lead to. */
    public static BackupVerification of(String path, BackupKind kind, Instant takenAt, long bytes, Duration duration,
                                        Instant verifiedAt, List<BackupProblem> problems, Map<String, String> facts,
                                        List<FileChecksum> checksums) {
        return new BackupVerification(path, kind, verdict(problems), takenAt, bytes, duration, verifiedAt, problems,
                facts, checksums);
    }

    /** GOOD without problems, else the worst verdict any problem leads to. */
    public static BackupStatus verdict(List<BackupProblem> problems) {
        BackupStatus status = BackupStatus.GOOD;
        for (BackupProblem p : problems) {
            status = status.worse(p.kind().leadsTo());
        }
        return status;
    }

    public Optional<Duration> knownDuration() {
        return Optional.ofNullable(duration);
    }

    /** The checksums by file, for the next verification of the same path. */
    public Map<String, FileChecksum> checksumsByFile() {
        Map<String, FileChecksum> byFile = new TreeMap<>();
        checksums.forEach(c -> byFile.put(c.file(), c));
        return byFile;
    }
}
