package io.knobwright.app.testing;

import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ServerCatalog;
import io.knobwright.model.catalog.ServerCatalogRepository;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** Servers' parameter descriptions in a map, for service tests that need no store. */
public final class InMemoryServerCatalogRepository implements ServerCatalogRepository {

    private final Map<Long, ServerCatalog> latest = new ConcurrentHashMap<>();

    @Override
    public void record(long instanceId, ParameterCatalog catalog, Instant readAt) {
        latest.put(instanceId, new ServerCatalog(catalog, readAt));
    }

    @Override
    public Optional<ServerCatalog> latest(long instanceId) {
        return Optional.ofNullable(latest.get(instanceId));
    }

    @Override
    public Map<Long, ServerCatalog> latestOf(Collection<Long> instanceIds) {
        Map<Long, ServerCatalog> found = new HashMap<>();
        instanceIds.forEach(id -> latest(id).ifPresent(c -> found.put(id, c)));
        return found;
    }

    @Override
    public List<ParameterCatalog> inUse() {
        return latest.values().stream().map(ServerCatalog::catalog).distinct().toList();
    }
}
