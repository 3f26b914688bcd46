package io.knobwright.model.backup;

/** What a backup path holds, told from its contents (not its name alone). */
public enum BackupKind {
    /** A plain-format pg_basebackup directory with its backup_manifest. */
    PG_BASE_BACKUP("PostgreSQL base backup (plain)"),
    /** A tar-format pg_basebackup directory: base.tar[.gz], pg_wal.tar[.gz], backup_manifest. */
    PG_BASE_BACKUP_TAR("PostgreSQL base backup (tar)"),
    PG_DUMP_CUSTOM("pg_dump archive (custom)"),
    PG_DUMP_DIRECTORY("pg_dump archive (directory)"),
    PG_DUMP_TAR("pg_dump archive (tar)"),
    /** A plain SQL script from pg_dump or pg_dumpall. */
    PG_SQL_DUMP("pg_dump plain SQL"),
    /** A mariadb-dump / mysqldump file. */
    MARIADB_DUMP("mariadb-dump / mysqldump SQL"),
    /** A mariabackup / xtrabackup directory (checkpoints file). */
    MARIABACKUP("mariabackup directory"),
    UNKNOWN("not a backup Knobwright recognises");

    private final String label;

    BackupKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** pg_dump archives pg_restore reads (and a restore test can load). */
    public boolean restorable() {
        return this == PG_DUMP_CUSTOM || this == PG_DUMP_DIRECTORY || this == PG_DUMP_TAR;
    }
}
