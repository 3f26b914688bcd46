package io.knobwright.model.backup;

/** What is wrong with a file of a backup; each kind says which verdict it leads to. */
public enum ProblemKind {
    MISSING_FILE(BackupStatus.DAMAGED, "missing"),
    SIZE_MISMATCH(BackupStatus.DAMAGED, "size differs from the manifest"),
    CHECKSUM_MISMATCH(BackupStatus.DAMAGED, "checksum differs from the manifest"),
    /** The file's sha256 differs from the one recorded when it was last verified. */
    CHANGED_SINCE_LAST_CHECK(BackupStatus.DAMAGED, "changed since it was last verified"),
    EXTRA_FILE(BackupStatus.DAMAGED, "not in the manifest"),
    WAL_MISSING(BackupStatus.DAMAGED, "WAL needed to restore is missing or unreadable"),
    MANIFEST_INVALID(BackupStatus.UNREADABLE, "manifest unreadable"),
    TRUNCATED(BackupStatus.DAMAGED, "truncated"),
    CORRUPT_GZIP(BackupStatus.DAMAGED, "gzip stream corrupt"),
    ARCHIVE_UNREADABLE(BackupStatus.UNREADABLE, "archive unreadable"),
    MISSING_HEADER(BackupStatus.DAMAGED, "dump header missing"),
    MISSING_FOOTER(BackupStatus.DAMAGED, "dump completion footer missing"),
    UNBALANCED(BackupStatus.DAMAGED, "statement or quote left open"),
    EMPTY(BackupStatus.DAMAGED, "empty"),
    INCOMPLETE(BackupStatus.DAMAGED, "backup incomplete"),
    RESTORE_FAILED(BackupStatus.DAMAGED, "restore test failed"),
    TOOL_MISSING(BackupStatus.UNCHECKED, "verification tool missing"),
    NOT_A_BACKUP(BackupStatus.UNCHECKED, "not a recognised backup"),
    OTHER(BackupStatus.DAMAGED, "problem");

    private final BackupStatus leadsTo;
    private final String label;

    ProblemKind(BackupStatus leadsTo, String label) {
        this.leadsTo = leadsTo;
        this.label = label;
    }

    public BackupStatus leadsTo() {
        return leadsTo;
    }

    public String label() {
        return label;
    }
}
