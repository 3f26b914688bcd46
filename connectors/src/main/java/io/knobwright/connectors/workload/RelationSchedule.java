package io.knobwright.connectors.workload;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.model.workload.RelationPolling;

import java.time.Instant;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * When a collector next reads per-table statistics of a server (decision 0128): at its first poll by this collector,
 * then once {@link RelationPolling#every()} has passed since the last snapshot. Kept in memory: a process that starts
 * again takes a snapshot at its first poll, which costs one snapshot more, never one fewer.
 */
public final class RelationSchedule {

    private final RelationPolling polling;
    private final Map<String, Instant> last = new ConcurrentHashMap<>();

    public RelationSchedule(RelationPolling polling) {
        this.polling = Objects.requireNonNull(polling, "polling");
    }

    public RelationPolling polling() {
        return polling;
    }

    /** True when a snapshot of that server is due at {@code now}. */
    public boolean due(ConnectionTarget target, Instant now) {
        if (polling.off()) {
            return false;
        }
        Instant previous = last.get(key(target));
        return previous == null || !now.isBefore(previous.plus(polling.every()));
    }

    /** A snapshot of that server was taken at {@code at}. */
    public void taken(ConnectionTarget target, Instant at) {
        last.put(key(target), at);
    }

    private static String key(ConnectionTarget target) {
        return target.jdbcUrl() + '\u0000' + target.user();
    }
}
