package io.knobwright.model.backup;

/** The verdict on one backup, worst first when several checks disagree. */
public enum BackupStatus {
    /** Every check ran and passed. */
    GOOD,
    /** Readable, but something in it is wrong or missing: it would not restore as taken. */
    DAMAGED,
    /** Not even its table of contents or its format could be read. */
    UNREADABLE,
    /** No check could run (a tool is missing, or the path is not a backup): nothing is known either way. */
    UNCHECKED;

    /** True when this verdict counts for RPO: only a good backup does. */
    public boolean good() {
        return this == GOOD;
    }

    public BackupStatus worse(BackupStatus other) {
        return rank(other) > rank(this) ? other : this;
    }

    private static int rank(BackupStatus s) {
        return switch (s) {
            case GOOD -> 0;
            case UNCHECKED -> 1;
            case DAMAGED -> 2;
            case UNREADABLE -> 3;
        };
    }
}
