package io.knobwright.model.workload;

import java.util.List;
import java.util.Objects;

/**
 * What one visit of a collector brought back from a server: the raw poll (counters not yet rates), the lock chains at
 * that moment (for display, not stored), plain notes on what could not be read and why ("pg_stat_statements is
 * not installed in database postgres: statement digests not collected"), and the connections at that moment by
 * application, user and client (null when not read).
 */
public record CollectedWorkload(CounterPoll poll, BlockingChains blocking, List<String> notes,
                                io.knobwright.model.health.ConnectionSnapshot connections) {

    public CollectedWorkload {
        Objects.requireNonNull(poll, "poll");
        Objects.requireNonNull(blocking, "blocking");
        notes = List.copyOf(notes);
    }

    /** A poll without the connection part (decision 0131): an engine or a test that does not read it. */
    public CollectedWorkload(CounterPoll poll, BlockingChains blocking, List<String> notes) {
        this(poll, blocking, notes, null);
    }
}
