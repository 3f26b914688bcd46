package io.knobwright.model.workload;

import java.time.Instant;
import java.util.Objects;

/**
 * One table's sizes and running counters as the server reported them at a poll. Counters are totals since the
 * server's statistics epoch (not rates); {@link #UNKNOWN} marks a figure the engine does not keep (MySQL/MariaDB have
 * no sequential-scan count, no dead tuples, no vacuum). Times are null where never done or not kept.
 *
 * @param totalBytes table, TOAST and indexes (PostgreSQL pg_total_relation_size; MySQL data_length + index_length)
 * @param tableBytes the table itself (pg_relation_size, main fork; MySQL data_length)
 * @param indexBytes all its indexes (pg_indexes_size; MySQL index_length)
 * @param liveTuples estimated rows (n_live_tup; MySQL table_rows, an estimate for InnoDB)
 */
public record TableStats(TableRef ref, long totalBytes, long tableBytes, long indexBytes,
                         long seqScans, long seqRowsRead, long indexScans,
                         long inserts, long updates, long deletes, long hotUpdates,
                         long liveTuples, long deadTuples, long blocksHit, long blocksRead,
                         Instant lastVacuum, Instant lastAutovacuum, Instant lastAnalyze, Instant lastAutoanalyze) {

    /** A figure the engine does not report. */
    public static final long UNKNOWN = -1;

    public TableStats {
        Objects.requireNonNull(ref, "ref");
        long[] all = {totalBytes, tableBytes, indexBytes, seqScans, seqRowsRead, indexScans, inserts, updates, deletes,
                hotUpdates, liveTuples, deadTuples, blocksHit, blocksRead};
        for (long v : all) {
            if (v < UNKNOWN) {
                throw new IllegalArgumentException("Table " + ref.qualified() + ": a size or counter is not negative, got " + v);
            }
        }
    }

    /** The counters, in a fixed order: what rates are computed from. */
    long[] counters() {
        return new long[] {seqScans, seqRowsRead, indexScans, inserts, updates, deletes, hotUpdates, blocksHit, blocksRead};
    }
}
