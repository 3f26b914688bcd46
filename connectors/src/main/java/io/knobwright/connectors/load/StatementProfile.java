package io.knobwright.connectors.load;

import java.util.List;
import java.util.Objects;

/**
 * What one statement of a script needed when it ran once under given settings (EXPLAIN ANALYZE, BUFFERS, WAL, in a
 * transaction that was rolled back): its time, its pages, and the memory its sorts and hashes asked for. These are
 * the per-query needs the simulator's spill model prices against work_mem.
 *
 * @param transaction   the script alternative it belongs to (the script's name, or a mix member's)
 * @param line          its line in the script
 * @param statement     the statement as written (with :variables)
 * @param executed      the statement as run (variables substituted)
 * @param skipped       why it was not profiled ("" when it was): transaction control, utility statements, or the
 *                      server's error
 * @param executionMs   EXPLAIN's Execution Time
 * @param planningMs    EXPLAIN's Planning Time
 * @param rows          rows the top plan node returned (or the statement changed)
 * @param sharedHit     shared blocks found in shared_buffers (the whole plan)
 * @param sharedRead    shared blocks read from the OS
 * @param sharedDirtied shared blocks it dirtied
 * @param sharedWritten shared blocks it had to write itself
 * @param tempRead      temporary-file blocks read (spills)
 * @param tempWritten   temporary-file blocks written
 * @param walRecords    WAL records it wrote; -1 where the server cannot say (before PostgreSQL 13)
 * @param walFpi        full-page images among them; -1 likewise
 * @param walBytes      WAL bytes; -1 likewise
 * @param sorts         its sort nodes
 * @param hashes        its hash-join hash tables
 * @param hashAggregates its hash aggregates
 */
public record StatementProfile(String transaction, int line, String statement, String executed, String skipped,
                               double executionMs, double planningMs, long rows, long sharedHit, long sharedRead,
                               long sharedDirtied, long sharedWritten, long tempRead, long tempWritten,
                               long walRecords, long walFpi, long walBytes, List<Sort> sorts, List<Hash> hashes,
                               List<HashAggregate> hashAggregates) {

    public StatementProfile {
        Objects.requireNonNull(transaction, "transaction");
        Objects.requireNonNull(statement, "statement");
        Objects.requireNonNull(executed, "executed");
        Objects.requireNonNull(skipped, "skipped");
        sorts = List.copyOf(sorts);
        hashes = List.copyOf(hashes);
        hashAggregates = List.copyOf(hashAggregates);
    }

    /** A statement that was not profiled, and why. */
    static StatementProfile skipped(String transaction, int line, String statement, String executed, String why) {
        return new StatementProfile(transaction, line, statement, executed, why, 0, 0, 0, 0, 0, 0, 0, 0, 0, -1, -1, -1,
                List.of(), List.of(), List.of());
    }

    public boolean profiled() {
        return skipped.isEmpty();
    }

    /** Whether any sort, hash or hash aggregate of it went to disk. */
    public boolean spilled() {
        return sorts.stream().anyMatch(Sort::disk) || hashes.stream().anyMatch(h -> h.batches() > 1)
                || hashAggregates.stream().anyMatch(a -> a.diskKb() > 0);
    }

    /**
     * A Sort (or Incremental Sort) node.
     *
     * @param method             "quicksort", "top-N heapsort", "external merge", "external sort"
     * @param disk               Sort Space Type is Disk
     * @param spaceKb            Sort Space Used
     * @param estimatedInputBytes the planner's rows x width of its input
     * @param actualInputBytes   the rows that actually came in (all loops) x width
     */
    public record Sort(String method, boolean disk, long spaceKb, double estimatedInputBytes,
                       double actualInputBytes) {
    }

    /**
     * A Hash node (the build side of a hash join).
     *
     * @param batches         Hash Batches (above 1: it spilled)
     * @param originalBatches Original Hash Batches (what the planner expected)
     * @param peakMemoryKb    Peak Memory Usage
     * @param inputBytes      the rows it hashed (all loops) x width
     */
    public record Hash(long batches, long originalBatches, long peakMemoryKb, double inputBytes) {
    }

    /**
     * An Aggregate with strategy Hashed or Mixed.
     *
     * @param batches           HashAgg Batches (above 1: it spilled; PostgreSQL 13+)
     * @param plannedPartitions Planned Partitions
     * @param peakMemoryKb      Peak Memory Usage
     * @param diskKb            Disk Usage
     * @param inputBytes        the rows fed to it (all loops) x their width
     */
    public record HashAggregate(long batches, long plannedPartitions, long peakMemoryKb, long diskKb,
                                double inputBytes) {
    }
}
