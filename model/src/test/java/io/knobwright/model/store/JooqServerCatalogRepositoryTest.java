package io.knobwright.model.store;

import io.knobwright.model.catalog.ApplyMode;
import io.knobwright.model.catalog.CatalogRepository;
import io.knobwright.model.catalog.ParameterCatalog;
import io.knobwright.model.catalog.ParameterSpec;
import io.knobwright.model.catalog.ParameterType;
import io.knobwright.model.catalog.ServerCatalog;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.engine.EngineVersion;
import io.knobwright.model.fleet.Instance;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JooqServerCatalogRepositoryTest {

    private static final Instant READ = Instant.parse("2026-12-01T10:00:00Z");

    private final String name = "server-catalogs-" + UUID.randomUUID();
    private KnobwrightStore store;
    private Instance one;
    private Instance two;

    @BeforeEach
    void openStore() {
        store = KnobwrightStore.inMemory(name, false);
        one = store.instances().save(TestInstances.inventoryOnly("pg-one"));
        two = store.instances().save(TestInstances.inventoryOnly("pg-two"));
    }

    @AfterEach
    void closeStore() {
        store.close();
    }

    /** The shipped 15 catalog as a Debian 15.20 server would describe itself: lz4 added, one more parameter. */
    private static ParameterCatalog debian15() {
        ParameterCatalog shipped = new CatalogRepository().require(Engine.POSTGRESQL, "15");
        List<ParameterSpec> specs = new ArrayList<>();
        for (ParameterSpec p : shipped.parameters()) {
            specs.add(p.name().equals("wal_compression")
                    ? new ParameterSpec(p.engine(), p.version(), p.name(), p.type(), p.unit(), p.min(), p.max(),
                    List.of("pglz", "lz4", "zstd", "on", "off"), p.defaultValue(), p.applyMode(), p.category(),
                    p.description(), "pg_settings of PostgreSQL 15.20")
                    : p);
        }
        specs.add(new ParameterSpec(Engine.POSTGRESQL, "15", "composite_type_mismatch", ParameterType.ENUM, null, null, null,
                List.of("error", "warn", "disabled"), "error", ApplyMode.ONLINE, "Developer Options", "", ""));
        return new ParameterCatalog(shipped.engineVersion(), "pg_settings of PostgreSQL 15.20", specs);
    }

    @Test
    void aStoredDescriptionComesBackFieldForField() {
        ParameterCatalog described = debian15();
        store.serverCatalogs().record(one.id(), described, READ);

        ServerCatalog back = store.serverCatalogs().latest(one.id()).orElseThrow();

        assertThat(back.readAt()).isEqualTo(READ);
        assertThat(back.catalog().origin()).isEqualTo("pg_settings of PostgreSQL 15.20");
        assertThat(back.catalog().engineVersion()).isEqualTo(described.engineVersion());
        assertThat(back.catalog().parameters()).hasSameSizeAs(described.parameters());
        for (int i = 0; i < described.parameters().size(); i++) {
            ParameterSpec want = described.parameters().get(i);
            ParameterSpec got = back.catalog().parameters().get(i);
            assertThat(got.name()).isEqualTo(want.name());
            assertThat(got.type()).isEqualTo(want.type());
            assertThat(got.unit()).isEqualTo(want.unit());
            assertThat(got.enumValues()).isEqualTo(want.enumValues());
            assertThat(got.defaultValue()).isEqualTo(want.defaultValue());
            assertThat(got.applyMode()).isEqualTo(want.applyMode());
            assertThat(got.defaultDependsOn()).as(want.name()).isEqualTo(want.defaultDependsOn());
            assertThat(got.min() == null ? null : got.min().compareTo(want.min())).isIn(null, 0);
            assertThat(got.max() == null ? null : got.max().compareTo(want.max())).isIn(null, 0);
        }
    }

    @Test
    void hugeRealBoundsSurviveExactly() {
        ParameterSpec real = new ParameterSpec(Engine.POSTGRESQL, "15", "seq_page_cost", ParameterType.REAL, null,
                BigDecimal.ZERO, new BigDecimal("1.79769e+308"), List.of(), "1", ApplyMode.ONLINE, "", "", "");
        store.serverCatalogs().record(one.id(),
                new ParameterCatalog(new EngineVersion(Engine.POSTGRESQL, "15"), "x", List.of(real)), READ);

        BigDecimal max = store.serverCatalogs().latest(one.id()).orElseThrow().catalog().parameters().getFirst().max();

        assertThat(max).isEqualByComparingTo("1.79769e+308");
    }

    @Test
    void serversOfOneBuildShareOneStoredDescription() throws Exception {
        store.serverCatalogs().record(one.id(), debian15(), READ);
        store.serverCatalogs().record(two.id(), debian15(), READ.plusSeconds(60));
        store.serverCatalogs().record(one.id(), debian15(), READ.plusSeconds(120));

        assertThat(count("SELECT COUNT(*) FROM server_catalog")).isEqualTo(1);
        assertThat(store.serverCatalogs().latest(one.id()).orElseThrow().readAt()).isEqualTo(READ.plusSeconds(120));
        assertThat(store.serverCatalogs().inUse()).hasSize(1);
    }

    @Test
    void latestOfReadsManyInstancesAndLeavesOutThoseNeverRead() {
        store.serverCatalogs().record(one.id(), debian15(), READ);

        Map<Long, ServerCatalog> found = store.serverCatalogs().latestOf(List.of(one.id(), two.id(), 999_999L));

        assertThat(found).containsOnlyKeys(one.id());
    }

    @Test
    void removingAnInstanceRemovesItsLink() {
        store.serverCatalogs().record(one.id(), debian15(), READ);

        store.instances().delete(one.id());

        assertThat(store.serverCatalogs().latest(one.id())).isEmpty();
    }

    @Test
    void aDescriptionForAnInstanceThatIsGoneIsRefusedWithAMessage() {
        store.instances().delete(two.id());

        assertThatThrownBy(() -> store.serverCatalogs().record(two.id(), debian15(), READ))
                .isInstanceOf(StoreException.class)
                .hasMessageContaining("No instance with id " + two.id());
    }

    @Test
    void equalDescriptionsHashEquallyAndADifferentValueChangesTheHash() {
        ParameterCatalog a = debian15();
        ParameterCatalog b = debian15();
        ParameterCatalog shipped = new CatalogRepository().require(Engine.POSTGRESQL, "15");

        assertThat(JooqServerCatalogRepository.contentHash(a)).isEqualTo(JooqServerCatalogRepository.contentHash(b));
        assertThat(JooqServerCatalogRepository.contentHash(a)).isNotEqualTo(JooqServerCatalogRepository.contentHash(shipped));
    }

    private long count(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:h2:mem:" + name, StoreOpening.USER, StoreOpening.PASSWORD);
             ResultSet rs = c.createStatement().executeQuery(sql)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
