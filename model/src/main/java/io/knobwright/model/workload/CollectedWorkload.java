package io.knobwright.model.workload;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What one visit of a collector brought back from a server: the raw poll (counters not yet rates), the lock chains at
 * that moment (for display, not stored), plain notes on what could not be read and why ("pg_stat_statements is
 * not installed in database postgres: statement digests not collected"), when one was due the per-table and
 * per-index snapshot (decision 0128), and the connections at that moment by application, user and client (null when
 * not read; decision 0131).
 */
public record CollectedWorkload(CounterPoll poll, BlockingChains blocking, List<String> notes, Optional<RelationSnapshot> relations,
                                io.knobwright.model.health.ConnectionSnapshot connections) {

    public CollectedWorkload {
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(blocking, "blocking");
        Objects.requireNonNull(relations, "relations");
        notes = List.copyOf(notes);
    }

    /** A poll without a relation snapshot or the connection part: an engine or a test that does not read them. */
    public CollectedWorkload(CounterPoll poll, BlockingChains blocking, List<String> notes) {
        this(poll, blocking, notes, Optional.empty(), null);
    }
}
