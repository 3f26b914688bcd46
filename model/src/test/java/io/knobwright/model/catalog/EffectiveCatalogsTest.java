package io.knobwright.model.catalog;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

class EffectiveCatalogsTest {

    private static final EngineVersion PG15 = new EngineVersion(Engine.POSTGRESQL, "15");
    private static final Instant READ = Instant.parse("2026-12-01T10:00:00Z");

    private final CatalogRepository shipped = new CatalogRepository();
    private final Map<Long, ServerCatalog> read = new HashMap<>();
    private final EffectiveCatalogs catalogs = new EffectiveCatalogs(shipped, new ServerCatalogRepository() {
        @Override
        public void record(long instanceId, ParameterCatalog catalog, Instant readAt) {
            read.put(instanceId, new ServerCatalog(catalog, readAt));
        }

        @Override
        public Optional<ServerCatalog> latest(long instanceId) {
            return Optional.ofNullable(read.get(instanceId));
        }

        @Override
        public Map<Long, ServerCatalog> latestOf(Collection<Long> instanceIds) {
            Map<Long, ServerCatalog> found = new HashMap<>();
            instanceIds.forEach(id -> latest(id).ifPresent(c -> found.put(id, c)));
            return found;
        }

        @Override
        public List<ParameterCatalog> inUse() {
            return read.values().stream().map(ServerCatalog::catalog).toList();
        }
    });

    @Test
    void anInstanceNeverReadUsesTheShippedCatalogOfItsVersion() {
        EffectiveCatalog described = catalogs.describe(1, PG15);

        assertThat(described.source()).isEqualTo(CatalogSource.SHIPPED);
        assertThat(described.readAt()).isNull();
        assertThat(catalogs.forInstance(1, PG15)).isSameAs(shipped.require(Engine.POSTGRESQL, "15"));
        assertThat(described.differing()).isEmpty();
    }

    @Test
    void aReadServerIsTheAuthorityAndItsDifferencesAreNamed() {
        read.put(1L, new ServerCatalog(ServerDescriptions.debian15(shipped), READ));

        EffectiveCatalog described = catalogs.describe(1, PG15);

        assertThat(catalogs.forInstance(1, PG15).find("wal_compression").orElseThrow().enumValues()).contains("lz4");
        assertThat(described.source()).isEqualTo(CatalogSource.SERVER);
        assertThat(described.readAt()).isEqualTo(READ);
        assertThat(entry(described, "composite_type_mismatch").differences())
                .containsExactly("not in the shipped PostgreSQL 15 catalog");
        assertThat(entry(described, "wal_compression").differences())
                .containsExactly("accepts lz4, zstd, which the shipped PostgreSQL 15 catalog does not list");
        assertThat(entry(described, "work_mem").differences()).isEmpty();
        EffectiveParameter dropped = entry(described, "trace_recovery_messages");
        assertThat(dropped.known()).isFalse();
        assertThat(dropped.source()).isEqualTo(CatalogSource.SHIPPED);
        assertThat(catalogs.forInstance(1, PG15).contains("trace_recovery_messages")).isFalse();
    }

    @Test
    void aDescriptionReadBeforeAnUpgradeIsNotUsedForTheNewVersion() {
        read.put(1L, new ServerCatalog(ServerDescriptions.debian15(shipped), READ));
        EngineVersion pg16 = new EngineVersion(Engine.POSTGRESQL, "16");

        assertThat(catalogs.forInstance(1, pg16)).isSameAs(shipped.require(Engine.POSTGRESQL, "16"));
        assertThat(catalogs.describe(1, pg16).source()).isEqualTo(CatalogSource.SHIPPED);
        assertThat(catalogs.forInstances(Map.of(1L, pg16, 2L, PG15)))
                .containsEntry(1L, shipped.require(Engine.POSTGRESQL, "16"))
                .containsEntry(2L, shipped.require(Engine.POSTGRESQL, "15"));
    }

    @Test
    void forInstancesMixesServersAndShippedCatalogs() {
        read.put(1L, new ServerCatalog(ServerDescriptions.debian15(shipped), READ));

        Map<Long, ParameterCatalog> found = catalogs.forInstances(Map.of(1L, PG15, 2L, PG15));

        assertThat(found.get(1L).contains("composite_type_mismatch")).isTrue();
        assertThat(found.get(2L).contains("composite_type_mismatch")).isFalse();
    }

    private static EffectiveParameter entry(EffectiveCatalog catalog, String name) {
        return catalog.parameters().stream().filter(p -> p.spec().name().equals(name)).findFirst().orElseThrow();
    }
}
