package io.knobwright.model.backup;

import java.time.Duration;
import java.util.Objects;

/**
 * A backup directory watched for an instance: every backup that appears under it is verified once it has settled.
 *
 * @param rpo      the recovery point objective: the longest time the instance may go without a good backup
 * @param interval the expected time between backups; null to infer it from the backups' own times
 */
public record BackupWatch(long instanceId, String instanceName, String path, Duration rpo, Duration interval) {
    public BackupWatch {
        Objects.requireNonNull(instanceName, "instanceName");
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(rpo, "rpo");
        if (rpo.isNegative() || rpo.isZero()) {
            throw new IllegalArgumentException("The RPO must be positive: " + rpo);
        }
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("The backup interval must be positive: " + interval);
        }
    }
}
