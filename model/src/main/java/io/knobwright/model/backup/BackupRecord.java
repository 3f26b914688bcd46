package io.knobwright.model.backup;

import java.util.Objects;

/** A stored verification: its id, the instance it belongs to (0 when none was named) and the result. */
public record BackupRecord(long id, long instanceId, BackupVerification verification) {
    public BackupRecord {
        Objects.requireNonNull(verification, "verification");
    }
}
