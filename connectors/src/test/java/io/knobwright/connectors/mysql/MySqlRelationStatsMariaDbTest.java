package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.LocalServices;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.IndexStats;
import io.knobwright.model.workload.RelationPolling;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.TableRef;
import io.knobwright.model.workload.TableStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-table and per-index sizes from the machine's MariaDB 10.11 service (performance_schema off there), in a schema of
 * this test's own (decision 0128).
 */
class MySqlRelationStatsMariaDbTest {

    private static final String SCHEMA = "kw_tables_" + UUID.randomUUID().toString().substring(0, 8);

    @BeforeAll
    static void createSchema() throws SQLException {
        try (Connection c = ThrowawayMariaDbUsers.root(); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + SCHEMA);
            st.execute("CREATE TABLE " + SCHEMA + ".grow (id INT PRIMARY KEY, payload VARCHAR(300) NOT NULL, k INT NOT NULL,"
                    + " KEY grow_k (k)) ENGINE=InnoDB");
            st.execute("INSERT INTO " + SCHEMA + ".grow SELECT seq, REPEAT('x', 200), seq % 10 FROM seq_1_to_1000");
            st.execute("CREATE TABLE " + SCHEMA + ".small (id INT PRIMARY KEY, code VARCHAR(20) NOT NULL, UNIQUE KEY small_code (code))"
                    + " ENGINE=InnoDB");
            st.execute("ANALYZE TABLE " + SCHEMA + ".grow, " + SCHEMA + ".small");
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = ThrowawayMariaDbUsers.root(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }

    private static TableStats table(RelationSnapshot s, String name) {
        return s.tables().stream().filter(t -> t.ref().equals(new TableRef(SCHEMA, SCHEMA, name))).findFirst().orElseThrow();
    }

    private static IndexStats index(RelationSnapshot s, String table, String name) {
        return s.indexes().stream().filter(i -> i.ref().table().table().equals(table) && i.ref().index().equals(name)
                && i.ref().table().schema().equals(SCHEMA)).findFirst().orElseThrow();
    }

    @Test
    void twoPollsShowAGrowingTableItsIndexesAndSchemaTotals() throws SQLException {
        MySqlWorkloadCollector collector = new MySqlWorkloadCollector(new ConnectorTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)),
                Clock.systemUTC(), new RelationPolling(500, Duration.ZERO));
        ConnectionTarget target = new ConnectionTarget(LocalServices.MARIADB_URL, "root", null);
        RelationSnapshot first = collector.collect(target).relations().orElseThrow();
        try (Connection c = ThrowawayMariaDbUsers.root(); Statement st = c.createStatement()) {
            st.execute("INSERT INTO " + SCHEMA + ".grow SELECT seq, REPEAT('y', 200), seq % 10 FROM seq_1001_to_30000");
            // InnoDB's sizes in information_schema are its persistent statistics: made current here, as the server would
            // itself some time after a tenth of the table changed
            st.execute("ANALYZE TABLE " + SCHEMA + ".grow");
        }
        CollectedWorkload second = collector.collect(target);
        RelationSnapshot latest = second.relations().orElseThrow();

        assertThat(latest.statsDatabase()).isNull();
        assertThat(table(latest, "grow").totalBytes()).as("29,000 rows of 200 bytes more")
                .isGreaterThan(table(first, "grow").totalBytes() + 3_000_000);
        assertThat(table(latest, "grow").liveTuples()).isGreaterThan(20_000);
        assertThat(table(latest, "grow").totalBytes()).isEqualTo(table(latest, "grow").tableBytes() + table(latest, "grow").indexBytes());
        assertThat(latest.databases()).anyMatch(d -> d.database().equals(SCHEMA) && d.bytes() >= table(latest, "grow").totalBytes());
        assertThat(index(latest, "grow", "PRIMARY").unique()).isTrue();
        assertThat(index(latest, "grow", "grow_k").unique()).isFalse();
        assertThat(index(latest, "grow", "grow_k").bytes()).as("from mysql.innodb_index_stats").isPositive();
        assertThat(index(latest, "small", "small_code").unique()).isTrue();
        assertThat(index(latest, "grow", "grow_k").bytes()).isGreaterThan(index(first, "grow", "grow_k").bytes());
        boolean performanceSchema;
        try (Connection c = ThrowawayMariaDbUsers.root(); Statement st = c.createStatement();
             var rs = st.executeQuery("SELECT @@performance_schema")) {
            rs.next();
            performanceSchema = rs.getInt(1) == 1;
        }
        if (performanceSchema) {
            assertThat(index(latest, "grow", "grow_k").rowsRead()).isNotEqualTo(TableStats.UNKNOWN);
        } else {
            assertThat(second.notes()).anyMatch(n -> n.startsWith("Index use not collected: performance_schema is off"));
            assertThat(index(latest, "grow", "grow_k").rowsRead()).isEqualTo(TableStats.UNKNOWN);
            assertThat(index(latest, "grow", "grow_k").unused()).as("cannot be told").isFalse();
        }
    }
}
