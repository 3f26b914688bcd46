package io.knobwright.app.ui.instance;

import io.knobwright.app.catalog.CatalogService;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.EngineVersion;

import java.util.Optional;

/**
 * Where the detail view finds the catalog in force for an instance: the app passes its server's own
 * description once read, else the shipped catalog ({@link CatalogService#forInstance}); tests and the bench
 * pass hand-built catalogs. May read the store and resources: call it off the FX thread.
 */
@FunctionalInterface
public interface CatalogLookup {

    Optional<ParameterCatalog> find(long instanceId, EngineVersion version);

    static CatalogLookup of(CatalogService service) {
        return service::forInstance;
    }
}
