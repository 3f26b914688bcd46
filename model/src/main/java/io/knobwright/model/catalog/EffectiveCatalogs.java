package io.knobwright.model.catalog;

import io.knobwright.model.engine.EngineVersion;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds the catalog in force for an instance: the server is the authority, the shipped catalog the fallback
 * for instances never read and for offline work. A server description of another major version than the
 * instance's (read before an upgrade that has not been read since) is not used.
 */
public final class EffectiveCatalogs implements InstanceCatalogs {

    private final CatalogRepository shipped;
    private final ServerCatalogRepository servers;

    public EffectiveCatalogs(CatalogRepository shipped, ServerCatalogRepository servers) {
        this.shipped = shipped;
        this.servers = servers;
    }

    /** The shipped catalogs, for work that concerns a version rather than an instance. */
    public CatalogRepository shipped() {
        return shipped;
    }

    /**
     * The catalog validation, resolution, plans and exports use for the instance.
     *
     * @throws NoCatalogException when the instance was never read and no catalog ships for its version
     */
    @Override
    public ParameterCatalog forInstance(long instanceId, EngineVersion version) {
        return serverCatalog(instanceId, version).map(ServerCatalog::catalog)
                .orElseGet(() -> shipped.require(version.engine(), version.major()));
    }

    /** Like {@link #forInstance} for many instances, reading the servers' descriptions in a few queries. */
    public Map<Long, ParameterCatalog> forInstances(Map<Long, EngineVersion> versions) {
        Map<Long, ServerCatalog> read = servers.latestOf(versions.keySet());
        Map<Long, ParameterCatalog> result = new HashMap<>();
        versions.forEach((id, version) -> {
            ServerCatalog server = read.get(id);
            if (server != null && server.catalog().engineVersion().equals(version)) {
                result.put(id, server.catalog());
            } else {
                shipped.find(version).ifPresent(c -> result.put(id, c));
            }
        });
        return result;
    }

    /** The instance's catalog with the source of each entry and its differences from the shipped catalog. */
    public EffectiveCatalog describe(long instanceId, EngineVersion version) {
        Optional<ServerCatalog> server = serverCatalog(instanceId, version);
        Optional<ParameterCatalog> shippedCatalog = shipped.find(version);
        if (server.isEmpty()) {
            ParameterCatalog catalog = shippedCatalog.orElseGet(() -> shipped.require(version.engine(), version.major()));
            List<EffectiveParameter> entries = catalog.parameters().stream()
                    .map(p -> new EffectiveParameter(p, CatalogSource.SHIPPED, true, List.of()))
                    .toList();
            return new EffectiveCatalog(catalog, CatalogSource.SHIPPED, null, entries);
        }
        ParameterCatalog own = server.get().catalog();
        String label = "the shipped " + version.engine().displayName() + " " + version.major() + " catalog";
        List<EffectiveParameter> entries = new ArrayList<>();
        for (ParameterSpec spec : own.parameters()) {
            ParameterSpec reference = shippedCatalog.flatMap(c -> c.find(spec.name())).orElse(null);
            List<String> differences = shippedCatalog.isEmpty() ? List.of()
                    : CatalogDifferences.between(spec, reference, label);
            entries.add(new EffectiveParameter(spec, CatalogSource.SERVER, true, differences));
        }
        shippedCatalog.ifPresent(catalog -> {
            for (ParameterSpec spec : catalog.parameters()) {
                if (!own.contains(spec.name())) {
                    entries.add(new EffectiveParameter(spec, CatalogSource.SHIPPED, false,
                            List.of("not reported by this server: it refuses the parameter")));
                }
            }
        });
        return new EffectiveCatalog(own, CatalogSource.SERVER, server.get().readAt(), entries);
    }

    private Optional<ServerCatalog> serverCatalog(long instanceId, EngineVersion version) {
        return servers.latest(instanceId).filter(s -> s.catalog().engineVersion().equals(version));
    }
}
