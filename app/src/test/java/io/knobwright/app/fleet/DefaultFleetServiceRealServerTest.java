package io.knobwright.app.fleet;

import io.knobwright.app.testing.FakeVault;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.Connectors;
import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.fleet.Tier;
import io.knobwright.model.fleet.inventory.InventoryImport;
import io.knobwright.model.store.KnobwrightStore;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.net.ServerSocket;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Registration and refresh against the machine's real servers (PostgreSQL 15 on 5432 with trust auth,
 * MariaDB 10.11 on 3306 as root without password; .ci/run starts them). Only the store is in memory.
 */
class DefaultFleetServiceRealServerTest {

    private final KnobwrightStore store = KnobwrightStore.inMemory("real-servers-" + UUID.randomUUID(), false);
    private final DefaultFleetService fleet = new DefaultFleetService(store, new FakeVault(Map.of()),
            Connectors.defaultRegistry(), new InventoryImport(store.instances()), name -> null, Clock.systemUTC());

    @AfterEach
    void closeStore() {
        store.close();
    }

    private static Registration registration(String name, String url, String user) {
        return new Registration(name, url, user, null, null, Tier.TEST, null, null, Map.of("ci", "yes"));
    }

    @Test
    void registersTheLocalPostgresqlWithItsVersionAndEverySetting() {
        Instance pg = fleet.register(registration("local-pg", "jdbc:postgresql://127.0.0.1:5432/postgres", "postgres"));

        assertThat(pg.engine()).isEqualTo(Engine.POSTGRESQL);
        assertThat(pg.version()).isEqualTo("15");
        assertThat(pg.fullVersion()).startsWith("15.");
        SettingsSnapshot first = fleet.latestSnapshot(pg.id()).orElseThrow();
        assertThat(first.settings()).hasSizeGreaterThan(300);
        assertThat(first.find("shared_buffers")).hasValueSatisfying(s -> assertThat(s.unit()).isEqualTo("8kB"));
    }

    @Test
    void registersTheLocalMariaDbAsMariaDbAndRefreshesIt() {
        Instance maria = fleet.register(registration("local-maria", "jdbc:mariadb://127.0.0.1:3306/test", "root"));

        assertThat(maria.engine()).isEqualTo(Engine.MARIADB);
        assertThat(maria.version()).isEqualTo("10.11");
        SettingsSnapshot refreshed = fleet.refresh(maria.id());
        assertThat(refreshed.find("innodb_buffer_pool_size")).isPresent();
        assertThat(fleet.latestSnapshot(maria.id()).orElseThrow().settings()).isEqualTo(refreshed.settings());
    }

    @Test
    void aPortNobodyListensOnFailsAsUnreachableAndStoresNothing() throws Exception {
        int freePort;
        try (ServerSocket s = new ServerSocket(0)) {
            freePort = s.getLocalPort();
        }
        String url = "jdbc:postgresql://127.0.0.1:" + freePort + "/postgres";

        assertThatThrownBy(() -> fleet.register(registration("nowhere", url, "postgres")))
                .isInstanceOf(ConnectorException.class);
        assertThat(fleet.list()).isEmpty();
    }

    @Test
    void aWrongDatabaseNameIsReportedAndNothingIsStored() {
        assertThatThrownBy(() -> fleet.register(registration("typo", "jdbc:postgresql://127.0.0.1:5432/no_such_db", "postgres")))
                .isInstanceOf(ConnectorException.class)
                .hasMessageContaining("no_such_db");
        assertThat(fleet.list()).isEmpty();
    }
}
