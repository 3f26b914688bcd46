package io.knobwright.model.workload;

import java.time.Instant;
import java.util.Objects;

/**
 * One log file imported into an instance's fingerprints.
 *
 * @param contentKey the file's size and hashes of its first and last bytes: the same file imported twice has the same
 *                   key (its statements would count twice), a log that grew since has another
 */
public record LogImportRecord(long id, long instanceId, String fileName, String contentKey, String format, String prefix,
                              long bytes, long statements, long skipped, long malformed, int fingerprints, int bursts,
                              String importedBy, Instant importedAt) {

    public LogImportRecord {
        Objects.requireNonNull(fileName, "fileName");
        Objects.requireNonNull(contentKey, "contentKey");
        Objects.requireNonNull(format, "format");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(importedBy, "importedBy");
        Objects.requireNonNull(importedAt, "importedAt");
    }

    public LogImportRecord withId(long newId) {
        return new LogImportRecord(newId, instanceId, fileName, contentKey, format, prefix, bytes, statements, skipped,
                malformed, fingerprints, bursts, importedBy, importedAt);
    }
}
