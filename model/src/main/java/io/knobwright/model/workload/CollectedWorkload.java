package io.knobwright.model.workload;

import java.util.List;
import java.util.Objects;

/**
 * What one visit of a collector brought back from a server: the raw poll (counters not yet rates), the lock chains at
 * that moment (for display, not stored), and plain notes on what could not be read and why ("pg_stat_statements is
 * not installed in database postgres: statement digests not collected").
 */
public record CollectedWorkload(CounterPoll poll, BlockingChains blocking, List<String> notes) {

    public CollectedWorkload {
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(blocking, "blocking");
        notes = List.copyOf(notes);
    }
}
