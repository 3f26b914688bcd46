package io.knobwright.model.health;

import java.time.Instant;
import java.util.List;

/**
 * Connection use over time per instance: each poll's sessions per application, user and client with the limits of the
 * time. Downsampled and pruned with the workload series (their maintenance pass calls into the same store unit).
 */
public interface ConnectionUseRepository {

    /** Stores the poll's groups (summed per application, user and client) and limits. */
    void record(long instanceId, ConnectionSnapshot snapshot);

    /** The points in [from, to), oldest first, at whatever resolution the store still holds for that time. */
    List<ConnectionUse> use(long instanceId, Instant from, Instant to);

    /** Forgets an instance's connection use (the instance was removed). */
    void forget(long instanceId);

    /**
     * Each instance's newest point at or after {@code since} (instances without one are absent), in one query per table
     * for the whole fleet: the fleet table's Connections column.
     */
    java.util.Map<Long, ConnectionUse> newest(Instant since);
}
