package io.knobwright.model.catalog;

import io.knobwright.model.engine.EngineVersion;

/** Finds the catalog in force for one instance (see {@link EffectiveCatalogs}). */
@FunctionalInterface
public interface InstanceCatalogs {

    /** @throws IllegalArgumentException when there is no catalog for the instance's version */
    ParameterCatalog forInstance(long instanceId, EngineVersion version);

    /** The shipped catalog of the version whatever the instance: for offline tools and tests. */
    static InstanceCatalogs shippedOnly(CatalogRepository shipped) {
        return (instanceId, version) -> shipped.require(version.engine(), version.major());
    }
}
