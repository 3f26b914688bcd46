package io.knobwright.model.health;

import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** Connection events from imported logs, counted per second (decision 0131). */
public interface ConnectionEventRepository {

    /**
     * Stores the counts; a count for a (second, kind, user, database, application, client) already stored is added to
     * it (two logs that share their boundary second). The same log is never imported twice (the import refuses it).
     */
    void store(long instanceId, Collection<ConnectionEventCount> counts);

    /** The counts of [from, to), oldest first. */
    List<ConnectionEventCount> counts(long instanceId, Instant from, Instant to);

    void forget(long instanceId);
}
