package io.knobwright.model.workload;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Per-table and per-index statistics and sizes of every monitored instance, one packed row per instance and snapshot
 * (decision 0128). What the storage forecast reads (size series per database, table, index) and what index advice
 * and the unused-index listing read (the latest snapshot, with rates since the one before). Size series are oldest
 * first; a table or index appears at the snapshots that kept it (the largest N of each poll), so its series may have
 * gaps. Retention: see {@link WorkloadSeriesRepository#maintain}, which thins these rows too.
 */
public interface RelationSeriesRepository {

    /** Stores one snapshot of an instance; a second one at the same time replaces it. */
    void record(long instanceId, RelationSnapshot snapshot);

    /** The newest stored snapshot; empty before the first. */
    Optional<RelationSnapshot> latest(long instanceId);

    /** The newest snapshot with rates since the stored one before it. */
    Optional<RelationActivity> activity(long instanceId);

    /** The instance's size (all its databases added up) per snapshot in [from, to). */
    List<SizePoint> instanceSizes(long instanceId, Instant from, Instant to);

    /** Every database's size series in [from, to), by database name. */
    Map<String, List<SizePoint>> databaseSizes(long instanceId, Instant from, Instant to);

    /** Every kept table's total size (table, TOAST, indexes) series in [from, to). */
    Map<TableRef, List<SizePoint>> tableSizes(long instanceId, Instant from, Instant to);

    /** One table's total size series in [from, to); empty when never kept. */
    List<SizePoint> tableSizes(long instanceId, TableRef table, Instant from, Instant to);

    /** Every kept index's size series in [from, to). */
    Map<IndexRef, List<SizePoint>> indexSizes(long instanceId, Instant from, Instant to);

    /** Forgets an instance's snapshots and names (the instance was removed). */
    void forget(long instanceId);
}
