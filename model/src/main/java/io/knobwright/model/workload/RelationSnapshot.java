package io.knobwright.model.workload;

import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Per-table and per-index statistics and sizes of one instance at one poll (decision 0128): the largest tables and
 * indexes (at most the collector's limit, largest first) and the rest summed in {@code others}; the size of every
 * database. PostgreSQL keeps table statistics per database, so a poll sees the tables of the database it connected to
 * only ({@code statsDatabase}); database sizes cover all of them. MySQL/MariaDB see every schema: statsDatabase is null.
 *
 * @param epoch the server's statistics epoch at the poll: counters of two snapshots are compared only within one epoch
 */
public record RelationSnapshot(Instant at, ServerEpoch epoch, String statsDatabase, List<DatabaseSize> databases,
                               List<TableStats> tables, List<IndexStats> indexes, OtherRelations others) {

    public RelationSnapshot {
        Objects.requireNonNull(at, "at");
        Objects.requireNonNull(epoch, "epoch");
        Objects.requireNonNull(others, "others");
        databases = List.copyOf(databases);
        tables = List.copyOf(tables);
        indexes = List.copyOf(indexes);
        Set<Object> seen = new HashSet<>();
        for (DatabaseSize d : databases) {
            if (!seen.add(d.database())) {
                throw new IllegalArgumentException("Database " + d.database() + " is in the snapshot twice");
            }
        }
        for (TableStats t : tables) {
            if (!seen.add(t.ref())) {
                throw new IllegalArgumentException("Table " + t.ref().qualified() + " is in the snapshot twice");
            }
        }
        for (IndexStats i : indexes) {
            if (!seen.add(i.ref())) {
                throw new IllegalArgumentException("Index " + i.ref().index() + " is in the snapshot twice");
            }
        }
    }

    /** Every database's bytes added up: the instance's size. */
    public long totalBytes() {
        return databases.stream().mapToLong(DatabaseSize::bytes).sum();
    }
}
