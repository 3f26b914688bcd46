package io.knobwright.connectors.postgres.index;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.model.index.AdviceQuery;
import io.knobwright.model.index.AdvisedIndex;
import io.knobwright.model.index.HygieneFinding;
import io.knobwright.model.index.IndexAdvice;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Index advice on the machine's PostgreSQL 15 service (no HypoPG there): a database of its own with 200,000 orders,
 * a frequent lookup by an unindexed column, and indexes that are unused, duplicated and a redundant prefix.
 */
class PostgresIndexAdvisorLocalServiceTest {

    private static final String DB = "kw_index_advice_" + ProcessHandle.current().pid();
    private static final String URL = "jdbc:postgresql://127.0.0.1:5432/";

    @BeforeAll
    static void shop() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL + "postgres", "postgres", null);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB);
            st.execute("CREATE DATABASE " + DB);
        }
        try (Connection c = DriverManager.getConnection(URL + DB, "postgres", null); Statement st = c.createStatement()) {
            st.execute("""
                    CREATE TABLE orders (id bigint PRIMARY KEY, customer_id int NOT NULL, region text NOT NULL,
                                         status text NOT NULL, created_at timestamptz NOT NULL, note text)""");
            st.execute("""
                    INSERT INTO orders SELECT g, (g * 7919) % 20000, 'r' || (g % 50), CASE WHEN g % 10 = 0 THEN 'open'
                           ELSE 'done' END, timestamptz '2026-01-01' + g * interval '1 minute', 'n' || g
                    FROM generate_series(1, 200000) g""");
            st.execute("CREATE INDEX orders_note_idx ON orders (note)");
            st.execute("CREATE INDEX orders_region_idx ON orders (region)");
            st.execute("CREATE INDEX orders_region_copy_idx ON orders (region)");
            st.execute("CREATE INDEX orders_region_created_idx ON orders (region, created_at)");
            st.execute("ANALYZE orders");
        }
    }

    @AfterAll
    static void dropShop() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL + "postgres", "postgres", null);
             Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DB + " WITH (FORCE)");
        }
    }

    private static int indexCount() throws SQLException {
        try (Connection c = DriverManager.getConnection(URL + DB, "postgres", null); Statement st = c.createStatement();
             ResultSet rs = st.executeQuery("SELECT count(*) FROM pg_indexes WHERE tablename = 'orders'")) {
            rs.next();
            return rs.getInt(1);
        }
    }

    @Test
    void aFrequentLookupOnAnUnindexedColumnGetsItsIndexWithABenefitAndHygieneIsListedWithSizes() throws SQLException {
        int indexesBefore = indexCount();
        List<AdviceQuery> workload = List.of(
                new AdviceQuery("00000000000000a1", "SELECT id, status FROM orders WHERE customer_id = $1", 50_000, 50_000),
                new AdviceQuery("00000000000000a2", "SELECT * FROM orders WHERE region = 'r7' ORDER BY created_at LIMIT 5",
                        900, 900),
                new AdviceQuery("00000000000000a3", "SELECT * FROM orders WHERE status = 'open' AND customer_id = 42",
                        10, 10),
                new AdviceQuery("00000000000000a4", "DROP TABLE orders", 1, 1));

        IndexAdvice advice = new PostgresIndexAdvisor(Clock.systemUTC()).advise(
                new ConnectionTarget(URL + DB, "postgres", null), ConnectorTimeouts.DEFAULT, workload);

        assertThat(advice.database()).isEqualTo(DB);
        AdvisedIndex best = advice.candidates().getFirst();
        assertThat(best.index().definition()).isEqualTo(
                "CREATE INDEX CONCURRENTLY orders_customer_id_idx ON public.orders (customer_id)");
        assertThat(best.evaluatedWith()).isEqualTo(AdvisedIndex.Evaluation.SANDBOX);
        assertThat(best.costAfter()).as("an index lookup instead of reading 200,000 rows")
                .isLessThan(best.costBefore() / 10);
        assertThat(best.benefit()).isPositive();
        assertThat(best.index().queryKeys()).contains("00000000000000a1");
        assertThat(best.estimatedSizeBytes()).as("a 4-byte key on 200,000 rows").isBetween(2_000_000L, 12_000_000L);
        assertThat(best.writeCost()).as("the 200,000 inserts, per day of counting").isPositive();
        assertThat(best.index().reason()).contains("filtering on customer_id");
        assertThat(advice.candidates()).as("region has indexes with created_at after it: the LIMIT query is covered")
                .noneMatch(c -> c.index().columns().getFirst().equals("region"));

        assertThat(advice.unused()).extracting(f -> f.index().name()).contains("orders_note_idx", "orders_region_copy_idx")
                .doesNotContain("orders_pkey");
        assertThat(advice.duplicate()).extracting(f -> f.index().name(), HygieneFinding::coveredBy)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("orders_region_idx", "orders_region_copy_idx"));
        assertThat(advice.redundant()).extracting(f -> f.index().name()).contains("orders_region_idx");
        assertThat(advice.unused()).allMatch(f -> f.sizeBytes() > 1_000_000);
        assertThat(advice.notes()).anyMatch(n -> n.contains("00000000000000a4") && n.contains("DROP"));
        assertThat(indexCount()).as("nothing built on the monitored server").isEqualTo(indexesBefore);
    }
}
