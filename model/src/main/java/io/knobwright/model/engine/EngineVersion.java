package io.knobwright.model.engine;

import java.util.Objects;

/**
 * An engine and its major version as Knobwright catalogs it: "16" for PostgreSQL 16.4,
 * "10.11" for MariaDB 10.11.9, "8.0" for MySQL 8.0.36, "2022" for SQL Server, "19c" for Oracle.
 */
public record EngineVersion(Engine engine, String major) {

    public EngineVersion {
        Objects.requireNonNull(engine, "engine");
        if (major == null || major.isBlank()) {
            throw new IllegalArgumentException("A major version is required for " + engine.displayName());
        }
    }

    /** True when a catalog for this engine and major version ships with Knobwright. */
    public boolean hasCatalog() {
        return engine.supports(major);
    }

    /**
     * Reduces a full server version string to the catalogued major:
     * "16.4" -> "16", "10.11.9-MariaDB-0+deb12u1" -> "10.11", "8.0.36" -> "8.0".
     */
    public static EngineVersion fromServerVersion(Engine engine, String fullVersion) {
        String v = fullVersion.trim();
        // Text without a digit before the first separator ("." or "-x") leaves no major: the constructor refuses it.
        String major = switch (engine) {
            case POSTGRESQL -> {
                String[] parts = v.split("[.\\s]");
                yield parts.length == 0 ? "" : parts[0];
            }
            case MYSQL, MARIADB -> {
                String[] parts = v.split("[.\\-]");
                yield parts.length >= 2 ? parts[0] + "." + parts[1] : parts.length == 1 ? parts[0] : "";
            }
            case SQLSERVER, ORACLE -> v;
        };
        return new EngineVersion(engine, major);
    }

    @Override
    public String toString() {
        return engine.displayName() + " " + major;
    }
}
