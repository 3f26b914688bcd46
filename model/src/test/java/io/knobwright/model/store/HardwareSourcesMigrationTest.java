package io.knobwright.model.store;

import io.knobwright.model.fleet.FactSource;
import io.knobwright.model.fleet.HardwareFact;
import io.knobwright.model.fleet.HardwareFacts;
import io.knobwright.model.fleet.Instance;
import org.flywaydb.core.Flyway;
import org.h2.jdbcx.JdbcConnectionPool;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** A store written before hardware facts had sources (schema 2) gets sources that protect what users entered. */
class HardwareSourcesMigrationTest {

    @Test
    void factsOnlyAProbeCouldHaveFoundBecomeProbedAndEverythingElseKnownBecomesEntered() throws Exception {
        String name = "legacy-" + UUID.randomUUID();
        JdbcConnectionPool legacy = JdbcConnectionPool.create("jdbc:h2:mem:" + name + ";DB_CLOSE_DELAY=-1",
                StoreOpening.USER, StoreOpening.PASSWORD);
        Flyway.configure().dataSource(legacy).locations(StoreMigrations.LOCATION).table(StoreMigrations.HISTORY_TABLE)
                .target("2").load().migrate();
        try (Connection c = legacy.getConnection(); Statement s = c.createStatement()) {
            s.execute(insert("pg-registered", "postgresql", "'jdbc:postgresql://db1/postgres'", 8, 32L << 30, "UNKNOWN", 0));
            s.execute(insert("maria-registered", "mariadb", "'jdbc:mariadb://db2/mysql'", 4, 16L << 30, "SSD", 0));
            s.execute(insert("pg-inventory", "postgresql", "NULL", 16, 64L << 30, "NVME", 2L << 40));
        }

        try (KnobwrightStore store = KnobwrightStore.inMemory(name, false)) {
            HardwareFacts pg = store.instances().findByName("pg-registered").map(Instance::hardware).orElseThrow();
            assertThat(pg.source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);
            assertThat(pg.source(HardwareFact.RAM)).isEqualTo(FactSource.PROBED);
            assertThat(pg.source(HardwareFact.DISK_TYPE)).isEqualTo(FactSource.UNKNOWN);

            // MariaDB never reports its RAM: a RAM on record was given by someone, and a refresh must keep it
            HardwareFacts maria = store.instances().findByName("maria-registered").map(Instance::hardware).orElseThrow();
            assertThat(maria.source(HardwareFact.CPUS)).isEqualTo(FactSource.PROBED);
            assertThat(maria.source(HardwareFact.RAM)).isEqualTo(FactSource.ENTERED);
            assertThat(maria.source(HardwareFact.DISK_TYPE)).isEqualTo(FactSource.ENTERED);

            HardwareFacts inventory = store.instances().findByName("pg-inventory").map(Instance::hardware).orElseThrow();
            assertThat(inventory.probed()).isEmpty();
            assertThat(inventory.source(HardwareFact.DISK_SIZE)).isEqualTo(FactSource.ENTERED);
        } finally {
            legacy.dispose();
        }
    }

    private static String insert(String name, String engine, String url, int cpus, long memory, String diskType, long disk) {
        return "INSERT INTO instance (name, engine, version, full_version, jdbc_url, db_user, credential_kind, tier,"
                + " criticality, workload, cpus, memory_bytes, disk_type, disk_bytes, demo, created_at, updated_at)"
                + " VALUES ('" + name + "', '" + engine + "', '16', '16.4', " + url + ", NULL, 'NONE', 'TEST', 'LOW',"
                + " 'OLTP', " + cpus + ", " + memory + ", '" + diskType + "', " + disk + ", FALSE,"
                + " CURRENT_TIMESTAMP, CURRENT_TIMESTAMP)";
    }
}
