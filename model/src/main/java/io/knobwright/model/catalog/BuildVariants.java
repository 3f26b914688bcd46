package io.knobwright.model.catalog;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Enum values that some builds of a version accept and others refuse. The shipped PostgreSQL catalogs come
 * from upstream binaries built without optional libraries, while distributions build with lz4 and zstd, so
 * {@code wal_compression = lz4} is accepted by Debian's PostgreSQL 15 and refused by the shipped catalog. For
 * a version, such a value is worth a warning, not an error; for one server, its own description decides.
 *
 * <p>Two sources: compile-time options documented by the engine (the curated table below), and the
 * descriptions that servers in the fleet gave of themselves.
 */
public final class BuildVariants {

    /** One optional value and who accepts it. */
    public record Variant(String value, String acceptedBy) {
    }

    private record Key(EngineVersion version, String parameter) {
    }

    private final Map<Key, List<Variant>> variants;

    private BuildVariants(Map<Key, List<Variant>> variants) {
        this.variants = variants;
    }

    /** None: every value is judged by the shipped catalog alone. */
    public static BuildVariants none() {
        return new BuildVariants(Map.of());
    }

    /**
     * PostgreSQL's configure options that add enum values (see "Building and Installation" of the manual):
     * --with-lz4 (14+: default_toast_compression, 15+: wal_compression), --with-zstd (15+: wal_compression),
     * --with-liburing (18+: io_method).
     */
    public static BuildVariants curated() {
        Map<Key, List<Variant>> table = new LinkedHashMap<>();
        for (String major : Engine.POSTGRESQL.supportedVersions()) {
            int number = Integer.parseInt(major);
            EngineVersion version = new EngineVersion(Engine.POSTGRESQL, major);
            if (number >= 14) {
                add(table, version, "default_toast_compression", "lz4", "builds configured --with-lz4 (Debian, PGDG, most distributions)");
            }
            if (number >= 15) {
                add(table, version, "wal_compression", "lz4", "builds configured --with-lz4 (Debian, PGDG, most distributions)");
                add(table, version, "wal_compression", "zstd", "builds configured --with-zstd (Debian, PGDG, most distributions)");
            }
            if (number >= 18) {
                add(table, version, "io_method", "io_uring", "Linux builds configured --with-liburing");
            }
        }
        return new BuildVariants(table);
    }

    /** These variants plus every value a server in the fleet accepted beyond the shipped catalog of its version. */
    public BuildVariants withServers(List<ParameterCatalog> serverCatalogs, CatalogRepository shipped) {
        Map<Key, List<Variant>> table = new LinkedHashMap<>();
        variants.forEach((k, v) -> table.put(k, new ArrayList<>(v)));
        for (ParameterCatalog server : serverCatalogs) {
            Optional<ParameterCatalog> reference = shipped.find(server.engineVersion());
            if (reference.isEmpty()) {
                continue;
            }
            for (ParameterSpec spec : server.parameters()) {
                Optional<ParameterSpec> known = reference.get().find(spec.name());
                if (known.isEmpty() || known.get().type() != ParameterType.ENUM) {
                    continue;
                }
                for (String value : spec.enumValues()) {
                    if (!containsIgnoreCase(known.get().enumValues(), value)) {
                        add(table, server.engineVersion(), known.get().name(), value, "a server of your fleet (" + server.origin() + ")");
                    }
                }
            }
        }
        return new BuildVariants(table);
    }

    /** Who accepts {@code value} for the parameter on some builds of the version, if anyone. */
    public Optional<String> acceptedBy(EngineVersion version, String parameter, String value) {
        return variants.getOrDefault(new Key(version, ParameterCatalog.canonicalName(parameter)), List.of()).stream()
                .filter(v -> v.value().equalsIgnoreCase(value))
                .map(Variant::acceptedBy)
                .findFirst();
    }

    /**
     * True when some build of the version accepts more values than the shipped catalog for one of
     * {@code parameters}: only then is a template worth checking against both.
     */
    public boolean affects(EngineVersion version, Collection<String> parameters) {
        for (String parameter : parameters) {
            if (variants.containsKey(new Key(version, ParameterCatalog.canonicalName(parameter)))) {
                return true;
            }
        }
        return false;
    }

    /** The catalog with every variant value added: what "accepted by some build" validates against. */
    public ParameterCatalog widen(ParameterCatalog catalog) {
        if (variants.keySet().stream().noneMatch(k -> k.version().equals(catalog.engineVersion()))) {
            return catalog;
        }
        List<ParameterSpec> widened = new ArrayList<>();
        for (ParameterSpec spec : catalog.parameters()) {
            List<Variant> extra = variants.getOrDefault(new Key(catalog.engineVersion(),
                    ParameterCatalog.canonicalName(spec.name())), List.of());
            if (extra.isEmpty() || spec.type() != ParameterType.ENUM) {
                widened.add(spec);
                continue;
            }
            List<String> values = new ArrayList<>(spec.enumValues());
            extra.stream().map(Variant::value).filter(v -> !containsIgnoreCase(values, v)).forEach(values::add);
            widened.add(new ParameterSpec(spec.engine(), spec.version(), spec.name(), spec.type(), spec.unit(), spec.min(),
                    spec.max(), values, spec.defaultValue(), spec.applyMode(), spec.category(), spec.description(),
                    spec.source(), spec.defaultDependsOn()));
        }
        return new ParameterCatalog(catalog.engineVersion(), catalog.origin(), widened);
    }

    private static void add(Map<Key, List<Variant>> table, EngineVersion version, String parameter, String value,
                            String acceptedBy) {
        List<Variant> list = table.computeIfAbsent(new Key(version, ParameterCatalog.canonicalName(parameter)),
                k -> new ArrayList<>());
        if (list.stream().noneMatch(v -> v.value().equalsIgnoreCase(value))) {
            list.add(new Variant(value, acceptedBy));
        }
    }

    private static boolean containsIgnoreCase(List<String> values, String value) {
        return values.stream().anyMatch(v -> v.equalsIgnoreCase(value));
    }
}
