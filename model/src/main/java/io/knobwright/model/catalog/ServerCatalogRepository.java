package io.knobwright.model.catalog;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The newest description each instance's server gave of its parameters. */
public interface ServerCatalogRepository {

    /** Keeps {@code catalog} as the instance's newest description; servers of one build share one stored copy. */
    void record(long instanceId, ParameterCatalog catalog, Instant readAt);

    Optional<ServerCatalog> latest(long instanceId);

    /** The newest description of each instance that has one, in a few queries whatever the number of instances. */
    Map<Long, ServerCatalog> latestOf(Collection<Long> instanceIds);

    /** Every distinct description that is some instance's newest: what the fleet's builds accept. */
    List<ParameterCatalog> inUse();
}
