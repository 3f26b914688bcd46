package io.knobwright.app.ui.instance;

import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.EngineVersion;

import java.util.Optional;

/**
 * Where the detail view finds catalog defaults. The app passes {@link CatalogRepository#find};
 * tests and the bench pass hand-built catalogs, since the shipped ones come from other modules.
 * May read resources: call it off the FX thread.
 */
@FunctionalInterface
public interface CatalogLookup {

    Optional<ParameterCatalog> find(EngineVersion version);

    static CatalogLookup of(CatalogRepository repository) {
        return repository::find;
    }
}
