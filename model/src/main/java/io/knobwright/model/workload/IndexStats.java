package io.knobwright.model.workload;

import java.util.Objects;

/**
 * One index's size and use at a poll, totals since the statistics epoch.
 *
 * @param scans    index scans started (PostgreSQL idx_scan); {@link TableStats#UNKNOWN} on MySQL/MariaDB, which count rows
 * @param rowsRead index entries read (PostgreSQL idx_tup_read; MySQL performance_schema COUNT_FETCH);
 *                 {@link TableStats#UNKNOWN} when performance_schema is off
 * @param unique   a unique or primary-key index: not a candidate for dropping even when unused
 */
public record IndexStats(IndexRef ref, long bytes, long scans, long rowsRead, boolean unique) {

    public IndexStats {
        Objects.requireNonNull(ref, "ref");
        if (bytes < TableStats.UNKNOWN || scans < TableStats.UNKNOWN || rowsRead < TableStats.UNKNOWN) {
            throw new IllegalArgumentException("Index " + ref.index() + ": size and counters are not negative");
        }
    }

    /** Nothing read through it since the statistics epoch, as far as the server tells; false when it cannot tell. */
    public boolean unused() {
        if (scans != TableStats.UNKNOWN) {
            return scans == 0;
        }
        return rowsRead == 0;
    }
}
