package io.knobwright.model.catalog.curated;

import io.knobwright.model.catalog.HostDependentDefaults;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;

import java.util.List;
import java.util.stream.Stream;

/**
 * The engine versions whose catalogs are curated from vendor documentation rather than generated from a server
 * (no MySQL, SQL Server or Oracle server can run on this project's machines). The tables are the source; the JSON
 * files in resources are written from them by {@link RegenerateCuratedCatalogsTest}.
 */
final class CuratedCatalogs {

    private CuratedCatalogs() {
    }

    static List<EngineVersion> versions() {
        return Stream.of(Engine.MYSQL, Engine.SQLSERVER, Engine.ORACLE)
                .flatMap(e -> e.supportedVersions().stream().map(v -> new EngineVersion(e, v)))
                .toList();
    }

    /** The table of that version, its host-dependent defaults marked. */
    static ParameterCatalog build(EngineVersion version) {
        return HostDependentDefaults.mark(table(version));
    }

    private static ParameterCatalog table(EngineVersion version) {
        return switch (version.engine()) {
            case MYSQL -> MySqlCuratedCatalog.build(version.major());
            case SQLSERVER -> SqlServerCuratedCatalog.build(version.major());
            case ORACLE -> OracleCuratedCatalog.build(version.major());
            default -> throw new IllegalArgumentException(version + " is generated from a server, not curated");
        };
    }
}
