package io.knobwright.model.catalog;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/** The catalogs shipped in the resources module, loaded on first use and kept. Thread-safe. */
public final class CatalogRepository {

    private final Map<EngineVersion, Optional<ParameterCatalog>> loaded = new ConcurrentHashMap<>();

    public Optional<ParameterCatalog> find(EngineVersion version) {
        return loaded.computeIfAbsent(version, CatalogRepository::load);
    }

    /** The catalog, or a message naming the versions that do ship. */
    public ParameterCatalog require(Engine engine, String major) {
        return find(new EngineVersion(engine, major)).orElseThrow(() -> new NoCatalogException(
                "No parameter catalog for " + engine.displayName() + " " + major + ". Available versions: "
                        + String.join(", ", engine.supportedVersions()) + "."));
    }

    private static Optional<ParameterCatalog> load(EngineVersion version) {
        try (InputStream in = CatalogRepository.class.getResourceAsStream(CatalogFile.resourcePath(version))) {
            return in == null ? Optional.empty() : Optional.of(CatalogFile.read(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
