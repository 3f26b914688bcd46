package io.knobwright.model.backup;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;

/**
 * An instance with at least one stored backup verification, and when its newest GOOD backup was taken: what the fleet
 * table's "Last good backup" column reads for the whole fleet in one query.
 *
 * @param takenAt the newest good backup's time; empty when none of its verified backups was good
 */
public record LastGoodBackup(long instanceId, Optional<Instant> takenAt) {
    public LastGoodBackup {
        Objects.requireNonNull(takenAt, "takenAt");
    }
}
