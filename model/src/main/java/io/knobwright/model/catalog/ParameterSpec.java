package io.knobwright.model.catalog;

import io.knobwright.model.engine.Engine;

import java.math.BigDecimal;
import java.util.List;
import java.util.Objects;

/**
 * What one engine version says about one parameter: the ground truth values are validated against.
 *
 * @param unit        the engine's own base unit as the server reports it ("8kB", "kB", "MB", "ms", "s", "min"),
 *                    or null for unitless values; min, max and defaultValue are expressed in this unit
 * @param min         lowest accepted value in {@code unit}, null when the engine states none
 * @param max         highest accepted value in {@code unit}, null when the engine states none
 * @param enumValues  accepted values for {@link ParameterType#ENUM}, empty otherwise
 * @param defaultValue the built-in default in the engine's own spelling (may be null when it depends on the build)
 * @param source      where the entry comes from: "pg_settings of PostgreSQL 16.9" or a documentation URL
 * @param defaultDependsOn null when {@code defaultValue} is the same on every server of this version; otherwise what
 *                    it depends on ("the host name", "the CPU count", "the distribution's build"), so the default is
 *                    shown as an example, never as a fact a server drifts from
 */
public record ParameterSpec(
        Engine engine,
        String version,
        String name,
        ParameterType type,
        String unit,
        BigDecimal min,
        BigDecimal max,
        List<String> enumValues,
        String defaultValue,
        ApplyMode applyMode,
        String category,
        String description,
        String source,
        String defaultDependsOn) {

    public ParameterSpec {
        Objects.requireNonNull(engine, "engine");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(applyMode, "applyMode");
        if (version == null || version.isBlank()) {
            throw new IllegalArgumentException("Parameter spec needs an engine version");
        }
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("Parameter spec needs a name");
        }
        if (min != null && max != null && min.compareTo(max) > 0) {
            throw new IllegalArgumentException(name + ": min " + min + " is above max " + max);
        }
        enumValues = enumValues == null ? List.of() : List.copyOf(enumValues);
        category = category == null ? "" : category;
        description = description == null ? "" : description;
        source = source == null ? "" : source;
        defaultDependsOn = defaultDependsOn == null || defaultDependsOn.isBlank() ? null : defaultDependsOn;
    }

    /** A spec whose default is the same on every server of the version. */
    public ParameterSpec(Engine engine, String version, String name, ParameterType type, String unit, BigDecimal min,
                         BigDecimal max, List<String> enumValues, String defaultValue, ApplyMode applyMode,
                         String category, String description, String source) {
        this(engine, version, name, type, unit, min, max, enumValues, defaultValue, applyMode, category, description,
                source, null);
    }

    /** True when the default is a fact of the host or the build, not of the engine version. */
    public boolean defaultIsHostDependent() {
        return defaultDependsOn != null;
    }

    public boolean requiresRestart() {
        return applyMode == ApplyMode.RESTART;
    }
}
