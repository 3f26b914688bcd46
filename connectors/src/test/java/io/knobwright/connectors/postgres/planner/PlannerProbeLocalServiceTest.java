package io.knobwright.connectors.postgres.planner;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The planner probe on the local PostgreSQL 15 (127.0.0.1:5432, trust), in a throw-away database of its own: an
 * indexed table whose point look-up flips between an index scan and a sequential scan with enable_seqscan /
 * enable_indexscan / random_page_cost, a setting that does not touch the plan, refusals, and hostile input that must
 * not run.
 */
class PlannerProbeLocalServiceTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE = "kw_planner_" + UUID.randomUUID().toString().substring(0, 8);
    private static Connection connection;
    private final PlannerProbe probe = new PlannerProbe();

    @BeforeAll
    static void database() throws Exception {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement st = admin.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
        }
        connection = DriverManager.getConnection(SERVER + DATABASE, "postgres", null);
        try (Statement st = connection.createStatement()) {
            st.execute("CREATE TABLE orders (id int PRIMARY KEY, customer int NOT NULL, note text)");
            st.execute("INSERT INTO orders SELECT g, g % 500, repeat('x', 40) FROM generate_series(1, 50000) g");
            st.execute("CREATE INDEX orders_customer ON orders (customer)");
            st.execute("ANALYZE orders");
        }
    }

    @AfterAll
    static void drop() throws Exception {
        connection.close();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", null);
             Statement st = admin.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void disablingIndexScansTurnsAPointLookUpIntoASequentialScan() {
        PlannerProbe.PlanComparison c = probe.compare(connection, new PlannerProbe.Request(
                "SELECT * FROM orders WHERE id = $1", List.of("4242"), Map.of(),
                Map.of("enable_indexscan", "off", "enable_bitmapscan", "off"), false));

        assertThat(c.changed()).isTrue();
        assertThat(c.shapeA().outline()).contains("Index Scan on orders using orders_pkey");
        assertThat(c.shapeB().outline()).contains("Seq Scan on orders");
        assertThat(c.costB()).isGreaterThan(c.costA() * 10);
        assertThat(c.summary()).startsWith("plan changes: Index Scan on orders using orders_pkey → ")
                .contains("Seq Scan on orders").contains("; cost ");
    }

    @Test
    void aCheapRandomPageCostMakesAWideRangeUseTheIndex() {
        String query = "SELECT count(note) FROM orders WHERE customer BETWEEN 1 AND 120";
        PlannerProbe.PlanComparison c = probe.compare(connection, PlannerProbe.Request.plan(query,
                Map.of("random_page_cost", "100"), Map.of("random_page_cost", "0.01", "enable_seqscan", "off")));

        assertThat(c.changed()).isTrue();
        assertThat(c.shapeA().outline()).contains("Seq Scan on orders");
        assertThat(c.shapeB().outline()).contains("orders_customer");
    }

    @Test
    void aSettingThatDoesNotReachThePlannerLeavesThePlanAsItWas() {
        PlannerProbe.PlanComparison c = probe.compare(connection, new PlannerProbe.Request(
                "SELECT * FROM orders WHERE id = $1", List.of("7"), Map.of("application_name", "a"),
                Map.of("application_name", "b"), false));

        assertThat(c.changed()).isFalse();
        assertThat(c.shapeA().hash()).isEqualTo(c.shapeB().hash());
        assertThat(c.summary()).startsWith("same plan; cost");
    }

    @Test
    void restartAndReloadSettingsAreRefusedWithTheirReason() {
        assertThatThrownBy(() -> probe.compare(connection, PlannerProbe.Request.plan("SELECT 1", Map.of(),
                Map.of("shared_buffers", "1GB"))))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("'shared_buffers' cannot be set per session").hasMessageContaining("after a restart");
        assertThatThrownBy(() -> probe.compare(connection, PlannerProbe.Request.plan("SELECT 1", Map.of(),
                Map.of("checkpoint_timeout", "10min"))))
                .hasMessageContaining("reloads its configuration");
        assertThatThrownBy(() -> probe.compare(connection, PlannerProbe.Request.plan("SELECT 1", Map.of(),
                Map.of("no_such_knob", "1"))))
                .hasMessageContaining("not a setting this server knows");
    }

    @Test
    void aSecondStatementIsRefusedAndNothingRuns() throws Exception {
        assertThatThrownBy(() -> probe.compare(connection, new PlannerProbe.Request(
                "SELECT 1; DROP TABLE orders", List.of(), Map.of(), Map.of(), true)))
                .hasMessageContaining("more than one statement");
        assertThatThrownBy(() -> probe.compare(connection, PlannerProbe.Request.plan(
                "DROP TABLE orders", Map.of(), Map.of())))
                .hasMessageContaining("not DROP");
        assertThat(rows()).isEqualTo(50_000);
    }

    @Test
    void aValueCannotEndTheStatementItIsBoundInto() throws Exception {
        PlannerProbe.PlanComparison c = probe.compare(connection, new PlannerProbe.Request(
                "SELECT * FROM orders WHERE note = $1", List.of("x'); DELETE FROM orders; --"), Map.of(), Map.of(), true));

        assertThat(c.changed()).isFalse();
        assertThat(rows()).isEqualTo(50_000);
        assertThatThrownBy(() -> probe.compare(connection, PlannerProbe.Request.plan("SELECT 1", Map.of(),
                Map.of("work_mem", "4MB'; DROP TABLE orders; --"))))
                .hasMessageContaining("refused a value");
        assertThat(rows()).isEqualTo(50_000);
    }

    @Test
    void analyzeOfAWriteIsRolledBack() throws Exception {
        PlannerProbe.PlanComparison c = probe.compare(connection, new PlannerProbe.Request(
                "DELETE FROM orders WHERE customer = $1", List.of("3"), Map.of(),
                Map.of("enable_indexscan", "off", "enable_bitmapscan", "off"), true));

        assertThat(c.changed()).isTrue();
        assertThat(c.actualMsA()).isPositive();
        assertThat(c.summary()).contains("; actual ");
        assertThat(rows()).isEqualTo(50_000);
        assertThat(connection.getAutoCommit()).as("the connection is left as it was found").isTrue();
    }

    @Test
    void theProbeConnectsThroughTheGateWhenGivenATarget() {
        PlannerProbe.PlanComparison c = probe.compare(new ConnectionTarget(SERVER + DATABASE, "postgres", null),
                ConnectorTimeouts.DEFAULT, new PlannerProbe.Request("SELECT * FROM orders WHERE customer = $1",
                        List.of("9"), Map.of(), Map.of("enable_bitmapscan", "off", "enable_indexscan", "off"), false));

        assertThat(c.changed()).isTrue();
        assertThat(c.shapeB().outline()).contains("Seq Scan on orders");
    }

    private static long rows() throws Exception {
        try (Statement st = connection.createStatement(); ResultSet rs = st.executeQuery("SELECT count(*) FROM orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
