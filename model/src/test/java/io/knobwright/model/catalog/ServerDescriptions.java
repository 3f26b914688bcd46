package io.knobwright.model.catalog;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.util.ArrayList;
import java.util.List;

/** Servers' descriptions of themselves as tests need them, derived from the shipped catalogs. */
public final class ServerDescriptions {

    private static final EngineVersion PG15 = new EngineVersion(Engine.POSTGRESQL, "15");

    private ServerDescriptions() {
    }

    /** PostgreSQL 15 as Debian's 15.20 describes itself: wider enums, a parameter more, one less, another socket dir. */
    public static ParameterCatalog debian15(CatalogRepository shipped) {
        List<ParameterSpec> specs = new ArrayList<>();
        for (ParameterSpec p : shipped.require(Engine.POSTGRESQL, "15").parameters()) {
            switch (p.name()) {
                case "wal_compression" -> specs.add(with(p, List.of("pglz", "lz4", "zstd", "on", "off"), p.defaultValue()));
                case "unix_socket_directories" -> specs.add(with(p, p.enumValues(), "/var/run/postgresql"));
                case "trace_recovery_messages" -> { } // as if a newer minor release had dropped it
                default -> specs.add(p);
            }
        }
        specs.add(new ParameterSpec(Engine.POSTGRESQL, "15", "composite_type_mismatch", ParameterType.ENUM, null, null,
                null, List.of("error", "warn", "disabled"), "error", ApplyMode.ONLINE, "Developer Options", "", ""));
        return new ParameterCatalog(PG15, "pg_settings of PostgreSQL 15.20", specs);
    }

    private static ParameterSpec with(ParameterSpec p, List<String> enumValues, String defaultValue) {
        return new ParameterSpec(p.engine(), p.version(), p.name(), p.type(), p.unit(), p.min(), p.max(), enumValues,
                defaultValue, p.applyMode(), p.category(), p.description(), "pg_settings of PostgreSQL 15.20");
    }
}
