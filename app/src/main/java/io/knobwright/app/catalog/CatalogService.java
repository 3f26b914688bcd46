package io.knobwright.app.catalog;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.model.catalog.EffectiveCatalog;
import io.knobwright.model.catalog.EffectiveCatalogs;
import io.knobwright.model.catalog.NoCatalogException;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;

import java.util.Optional;

/**
 * What the workbench and the CLI show of catalogs per instance: the catalog in force for it, each entry's
 * source (its server's own description, or the shipped catalog) and how the two differ. Blocks on the store.
 */
public final class CatalogService {

    private final EffectiveCatalogs catalogs;
    private final FleetService fleet;

    public CatalogService(EffectiveCatalogs catalogs, FleetService fleet) {
        this.catalogs = catalogs;
        this.fleet = fleet;
    }

    /** The effective catalog of the instance named (or numbered) {@code instance}. */
    public InstanceCatalog effective(String instance) {
        Instance target = fleet.require(instance);
        EffectiveCatalog catalog = catalogs.describe(target.id(), new EngineVersion(target.engine(), target.version()));
        return new InstanceCatalog(target, catalog);
    }

    /** The catalog in force for the instance; empty when it was never read and its version has no catalog. */
    public Optional<ParameterCatalog> forInstance(long instanceId, EngineVersion version) {
        try {
            return Optional.of(catalogs.forInstance(instanceId, version));
        } catch (NoCatalogException noCatalog) {
            return Optional.empty();
        }
    }

    /** An instance and the catalog in force for it. */
    public record InstanceCatalog(Instance instance, EffectiveCatalog catalog) {
    }
}
