package io.knobwright.model.workload;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one visit of a collector brought back from a server: the raw poll (counters not yet rates), the lock chains at
 * that moment (for display, not stored), and plain notes on what could not be read and why ("pg_stat_statements is
 * not installed in database postgres: statement digests not collected"), and, when one was due, the per-table and
 * per-index snapshot (decision 0128).
 */
public record CollectedWorkload(CounterPoll poll, BlockingChains blocking, List<String> notes, Optional<RelationSnapshot> relations) {

    public CollectedWorkload {
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(blocking, "blocking");
        Objects.requireNonNull(relations, "relations");
        notes = List.copyOf(notes);
    }

    /** A poll without a relation snapshot. */
    public CollectedWorkload(CounterPoll poll, BlockingChains blocking, List<String> notes) {
        this(poll, blocking, notes, Optional.empty());
    }
}
