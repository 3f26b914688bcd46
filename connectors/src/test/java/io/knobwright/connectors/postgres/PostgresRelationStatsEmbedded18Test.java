package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.RelationPolling;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.TableStats;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/** The newest major (18, whose statistics views grew new columns) gives a full relation snapshot (decision 0128). */
class PostgresRelationStatsEmbedded18Test {

    private static EmbeddedPostgres pg;

    @BeforeAll
    static void startServer() throws Exception {
        pg = new EmbeddedPostgresMajors().start(18);
        try (Connection c = DriverManager.getConnection(url(), "postgres", null); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE items (id int PRIMARY KEY, name text)");
            st.execute("CREATE INDEX items_name ON items (name)");
            st.execute("INSERT INTO items SELECT g, 'item ' || g FROM generate_series(1, 5000) g");
            st.execute("SELECT count(*) FROM items");
            st.execute("SELECT pg_stat_force_next_flush()");
            st.execute("SELECT 1");
        }
    }

    @AfterAll
    static void stopServer() throws Exception {
        pg.close();
    }

    private static String url() {
        return pg.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*$", "");
    }

    @Test
    void everyPartOfTheSnapshotIsReadOnEighteen() {
        CollectedWorkload polled = new PostgresWorkloadCollector(new io.knobwright.connectors.jdbc.ConnectorTimeouts(
                Duration.ofSeconds(5), Duration.ofSeconds(30)), Clock.systemUTC(), new RelationPolling(500, Duration.ZERO))
                .collect(new ConnectionTarget(url(), "postgres", null));

        RelationSnapshot s = polled.relations().orElseThrow();
        assertThat(polled.notes()).noneMatch(n -> n.contains("statistics (pg_stat_user") || n.contains("Database sizes"));
        TableStats items = s.tables().stream().filter(t -> t.ref().table().equals("items")).findFirst().orElseThrow();
        assertThat(items.inserts()).isEqualTo(5000);
        assertThat(items.seqScans()).isPositive();
        assertThat(items.tableBytes()).isPositive();
        assertThat(items.indexBytes()).isPositive();
        assertThat(s.indexes()).extracting(i -> i.ref().index()).contains("items_pkey", "items_name");
        assertThat(s.databases()).anyMatch(d -> d.database().equals("postgres") && d.bytes() > 0);
    }
}
