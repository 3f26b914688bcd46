package io.knobwright.model.catalog;

import io.knobwright.model.engine.EngineVersion;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Every parameter one engine version knows. Lookups are case-insensitive, as every engine treats
 * parameter names; the catalog keeps the engine's own spelling for display. Immutable.
 */
public final class ParameterCatalog {

    private final EngineVersion engineVersion;
    private final String origin;
    private final List<ParameterSpec> parameters;
    private final Map<String, ParameterSpec> byLowerName;

    /**
     * @param origin how the catalog was made ("pg_settings of PostgreSQL 16.9", "curated from vendor documentation")
     */
    public ParameterCatalog(EngineVersion engineVersion, String origin, List<ParameterSpec> parameters) {
        this.engineVersion = Objects.requireNonNull(engineVersion, "engineVersion");
        this.origin = origin == null ? "" : origin;
        this.parameters = List.copyOf(parameters);
        Map<String, ParameterSpec> index = new LinkedHashMap<>();
        for (ParameterSpec p : this.parameters) {
            if (index.put(canonicalName(p.name()), p) != null) {
                throw new IllegalArgumentException(engineVersion + " catalog lists '" + p.name() + "' twice");
            }
        }
        this.byLowerName = Collections.unmodifiableMap(index);
    }

    /**
     * The form under which two spellings name the same parameter: case-insensitive, and MySQL/MariaDB accept
     * dashes where the catalog has underscores (my.cnf spelling). Anything that keys parameters by name
     * (templates, plans) must use this, or "sync-binlog" and "sync_binlog" become two parameters.
     */
    public static String canonicalName(String name) {
        return name.trim().toLowerCase(Locale.ROOT).replace('-', '_');
    }

    public EngineVersion engineVersion() {
        return engineVersion;
    }

    public String origin() {
        return origin;
    }

    public List<ParameterSpec> parameters() {
        return parameters;
    }

    public Optional<ParameterSpec> find(String name) {
        return Optional.ofNullable(byLowerName.get(canonicalName(name)));
    }

    public boolean contains(String name) {
        return byLowerName.containsKey(canonicalName(name));
    }

    public int size() {
        return parameters.size();
    }
}
