package io.knobwright.model.workload;

/**
 * A table's counters as rates per second between two snapshots; NaN where the engine does not count (see
 * {@link TableStats#UNKNOWN}) or the counter went down (pg_stat_reset_single_table_counters: a new baseline for it).
 */
public record TableRates(double seqScans, double seqRowsRead, double indexScans, double inserts, double updates,
                         double deletes, double hotUpdates, double blocksHit, double blocksRead) {

    static TableRates of(double[] r) {
        return new TableRates(r[0], r[1], r[2], r[3], r[4], r[5], r[6], r[7], r[8]);
    }
}
