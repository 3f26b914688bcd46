package io.knobwright.model.health;

/**
 * What an alert is about. The kinds whose source lives in another subsystem (storage forecast, backup verification,
 * connection leak ages) are declared here so their sources only need to implement {@link AlertSource}.
 */
public enum AlertKind {
    CONNECTIONS_NEAR_LIMIT(Screen.WORKLOAD),
    IDLE_IN_TRANSACTION(Screen.WORKLOAD),
    BLOCKED_SESSIONS(Screen.WORKLOAD),
    REPLICATION_LAG(Screen.WORKLOAD),
    NOT_POLLED(Screen.WORKLOAD),
    PENDING_RESTART(Screen.INSTANCE),
    OVERRIDE_EXPIRING(Screen.INSTANCE),
    OVERRIDE_RESTORE_FAILED(Screen.INSTANCE),
    /** Throughput measured more than 20% lower after an applied plan, beyond the noise; its revert waits (0152). */
    APPLY_REGRESSION(Screen.INSTANCE),
    /** Extension point: the storage forecast's date the disk fills. */
    DISK_FULL(Screen.STORAGE),
    /** Extension point: growth the storage forecast did not expect in the last week (a bulk load, a purge, a new pace). */
    ABNORMAL_GROWTH(Screen.STORAGE),
    /** Extension point: backup verification; never silenced by a maintenance window. */
    BACKUP_OVERDUE(Screen.BACKUPS),
    /** Extension point: backup verification; never silenced by a maintenance window. */
    BACKUP_FAILED(Screen.BACKUPS),
    /** Extension point: connection health's leak ages (sessions idle in transaction for long). */
    CONNECTION_LEAK(Screen.CONNECTIONS);

    /** The screen of the instance an alert of this kind opens; the UI maps it to its own screens. */
    public enum Screen {
        INSTANCE,
        WORKLOAD,
        CONNECTIONS,
        STORAGE,
        BACKUPS
    }

    private final Screen screen;

    AlertKind(Screen screen) {
        this.screen = screen;
    }

    public Screen screen() {
        return screen;
    }

    /** A failed or overdue backup is what a maintenance window must never hide: the restore is what it protects. */
    public boolean silenceable() {
        return this != BACKUP_OVERDUE && this != BACKUP_FAILED;
    }
}
