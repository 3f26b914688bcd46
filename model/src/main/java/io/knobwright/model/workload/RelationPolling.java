package io.knobwright.model.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * How the collectors read per-table and per-index statistics (decision 0128): at most {@code limit} tables and
 * {@code limit} indexes per snapshot, the largest; the rest summed. A snapshot is taken at the first poll of an instance
 * by a collector and then at the first poll at least {@code every} after the last one, not at every poll: table sizes
 * cost the server a file-size call per table and fork, and per-table rows would otherwise make each stored poll large.
 */
public record RelationPolling(int limit, Duration every) {

    /** The 500 largest tables and indexes, every 15 minutes. */
    public static final RelationPolling DEFAULT = new RelationPolling(500, Duration.ofMinutes(15));

    /** No per-table statistics at all. */
    public static final RelationPolling OFF = new RelationPolling(0, Duration.ZERO);

    public RelationPolling {
        Objects.requireNonNull(every, "every");
        if (limit < 0 || limit > 100_000) {
            throw new IllegalArgumentException("The number of tables kept per snapshot must be 0 (off) to 100000, got " + limit);
        }
        if (every.isNegative()) {
            throw new IllegalArgumentException("The interval between table snapshots cannot be negative, got " + every);
        }
    }

    public boolean off() {
        return limit == 0;
    }
}
