package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.workload.CapturedPlan;
import io.knobwright.model.workload.PlanChange;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Plans captured from real servers (PostgreSQL 14 and 16: a prepared statement's generic plan),
 * a plan change when an index goes away, and texts that would do anything but plan.
 */
class PostgresPlanCaptureTest {

    private static final Map<Integer, EmbeddedPostgres> SERVERS = new HashMap<>();
    private final PostgresPlanCapture capture = new PostgresPlanCapture();

    @BeforeAll
    static void startServers() throws Exception {
        EmbeddedPostgresMajors majors = new EmbeddedPostgresMajors();
        for (int major : List.of(14, 16)) {
            EmbeddedPostgres pg = majors.start(major);
            SERVERS.put(major, pg);
            try (Connection c = pg.getPostgresDatabase().getConnection(); Statement st = c.createStatement()) {
                st.execute("CREATE TABLE orders (id bigint PRIMARY KEY, customer int NOT NULL, total numeric)");
                st.execute("INSERT INTO orders SELECT g, g % 500, g * 1.5 FROM generate_series(1, 20000) g");
                st.execute("CREATE INDEX orders_customer ON orders (customer)");
                st.execute("ANALYZE orders");
            }
        }
    }

    @AfterAll
    static void stopServers() throws Exception {
        for (EmbeddedPostgres pg : SERVERS.values()) {
            pg.close();
        }
    }

    private static Connection connect(int major) throws Exception {
        return SERVERS.get(major).getPostgresDatabase().getConnection();
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 16})
    void theGenericPlanOfAParameterisedQueryIsCapturedAndAChangedPlanIsFlagged(int major) throws Exception {
        try (Connection c = connect(major)) {
            String query = "select * from orders where customer = $1";
            Instant t0 = Instant.parse("2026-12-06T10:00:00Z");
            CapturedPlan withIndex = capture.capture(c, 1, "f00d", query, t0);
            assertThat(withIndex.generic()).isTrue();
            assertThat(withIndex.shape().outline()).contains("orders_customer");

            try (Statement st = c.createStatement()) {
                st.execute("DROP INDEX orders_customer");
            }
            try {
                CapturedPlan without = capture.capture(c, 1, "f00d", query, t0.plusSeconds(3600));
                assertThat(without.shape().outline()).startsWith("Seq Scan on orders");
                assertThat(PlanChange.in(List.of(without, withIndex))).singleElement()
                        .satisfies(change -> assertThat(change.after()).isEqualTo(without));
            } finally {
                try (Statement st = c.createStatement()) {
                    st.execute("CREATE INDEX orders_customer ON orders (customer)");
                }
            }
            assertThat(c.getAutoCommit()).as("the connection is left as it was found").isTrue();
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 16})
    void aWriteIsPlannedNeverRun(int major) throws Exception {
        try (Connection c = connect(major)) {
            CapturedPlan plan = capture.capture(c, 1, "dead", "delete from orders where id = $1 or $2 = $2", Instant.now());
            assertThat(plan.shape().outline()).startsWith("ModifyTable (Delete) on orders");
            capture.capture(c, 1, "beef", "delete from orders", Instant.now());
            assertThat(count(c)).isEqualTo(20000);
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 16})
    void aFailedCaptureLeavesTheConnectionUsableForTheNext(int major) throws Exception {
        try (Connection c = connect(major)) {
            assertThatThrownBy(() -> capture.capture(c, 1, "0001", "select * from no_such_table where id = $1", Instant.now()))
                    .isInstanceOf(ConnectorException.class).hasMessageContaining("no_such_table");
            assertThat(capture.capture(c, 1, "0002", "select * from orders where id = $1", Instant.now()).shape().outline())
                    .contains("orders_pkey");
        }
    }

    @org.junit.jupiter.api.Test
    void aRoundOverItsOwnConnectionCapturesWhatItCanAndSaysWhyForTheRest() {
        EmbeddedPostgres pg = SERVERS.get(16);
        var target = new io.knobwright.connectors.ConnectionTarget("jdbc:postgresql://127.0.0.1:" + pg.getPort()
                + "/postgres", "postgres", null);
        List<PostgresPlanCapture.Captured> round = capture.captureAll(target,
                io.knobwright.connectors.jdbc.ConnectorTimeouts.DEFAULT, 1, List.of(
                        new PostgresPlanCapture.Wanted("a", "select * from orders where id = $1"),
                        new PostgresPlanCapture.Wanted("b", "vacuum orders"),
                        new PostgresPlanCapture.Wanted("c", "select * from no_such_table")), Instant.now());

        assertThat(round).hasSize(3);
        assertThat(round.get(0).plan().shape().outline()).contains("orders_pkey");
        assertThat(round.get(1).failure()).startsWith("Not explained: only SELECT");
        assertThat(round.get(2).failure()).contains("no_such_table");

        var nobody = new io.knobwright.connectors.ConnectionTarget("jdbc:postgresql://127.0.0.1:1/postgres", "postgres", null);
        assertThatThrownBy(() -> capture.captureAll(nobody, io.knobwright.connectors.jdbc.ConnectorTimeouts.DEFAULT, 1,
                List.of(), Instant.now())).isInstanceOf(ConnectorException.class);
    }

    @ParameterizedTest
    @ValueSource(ints = {14, 16})
    void hostileTextsChangeNothing(int major) throws Exception {
        try (Connection c = connect(major)) {
            for (String hostile : List.of("select 1; drop table orders", "select 'x\\'; drop table orders; --'",
                    "drop table orders", "select $$;$$; delete from orders", "/* */ truncate orders",
                    "select 1 /* ; */; delete from orders")) {
                assertThatThrownBy(() -> capture.capture(c, 1, "bad0", hostile, Instant.now()))
                        .as(hostile).isInstanceOf(ConnectorException.class).hasMessageStartingWith("Not explained:");
            }
            // a function that writes is planned in a read-only transaction: even if planning ran it, it could not write
            assertThat(capture.capture(c, 1, "bad1", "select * from orders where id = (select count(*) from orders)",
                    Instant.now()).shape().outline()).contains("orders");
            assertThat(count(c)).isEqualTo(20000);
        }
    }

    private static long count(Connection c) throws Exception {
        try (Statement st = c.createStatement(); ResultSet rs = st.executeQuery("select count(*) from orders")) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
