package io.knobwright.model.backup;

import java.util.List;
import java.util.Optional;

/** Backup verifications and watched backup directories in the local store. */
public interface BackupRepository {

    /** Stores one verification (instanceId 0: for no instance) and returns its id. */
    long record(long instanceId, BackupVerification verification);

    /** The instance's verifications, oldest backup first. */
    List<BackupRecord> history(long instanceId);

    /** The newest verification of that path, whatever instance it was stored for: its checksums are the reference. */
    Optional<BackupRecord> latestOf(String path);

    /** Adds or replaces the watch of that instance and path. */
    void watch(BackupWatch watch);

    List<BackupWatch> watches();

    /** Stops watching; false when there was no such watch. */
    boolean unwatch(long instanceId, String path);

    /**
     * Every instance with a stored verification and the time of its newest good backup taken no later than
     * {@code notAfter}, in one query for the whole fleet (verifications stored for no instance are left out).
     */
    List<LastGoodBackup> lastGoodBackups(java.time.Instant notAfter);
}
