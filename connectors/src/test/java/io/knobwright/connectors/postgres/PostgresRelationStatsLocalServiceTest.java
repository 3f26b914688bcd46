package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.jdbc.ConnectorTimeouts;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.IndexRef;
import io.knobwright.model.workload.IndexStats;
import io.knobwright.model.workload.PolledPoints;
import io.knobwright.model.workload.RelationActivity;
import io.knobwright.model.workload.RelationPolling;
import io.knobwright.model.workload.RelationRates;
import io.knobwright.model.workload.RelationSnapshot;
import io.knobwright.model.workload.TableRef;
import io.knobwright.model.workload.TableStats;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Per-table and per-index statistics from the machine's PostgreSQL 15 service, in a database of this test's own, read
 * by a throwaway login that has pg_monitor only (decision 0128).
 */
class PostgresRelationStatsLocalServiceTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String SUFFIX = UUID.randomUUID().toString().substring(0, 8);
    private static final String DATABASE = "kw_tables_" + SUFFIX;
    private static final String MONITOR = "kw_tables_monitor_" + SUFFIX;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", null); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + DATABASE);
            st.execute("CREATE ROLE " + MONITOR + " LOGIN IN ROLE pg_monitor");
        }
        try (Connection c = database(); Statement st = c.createStatement()) {
            st.execute("CREATE TABLE grow (id bigserial PRIMARY KEY, payload text NOT NULL)");
            st.execute("INSERT INTO grow (payload) SELECT repeat('x', 100) FROM generate_series(1, 1000)");
            st.execute("CREATE TABLE scanned (id int PRIMARY KEY, v int NOT NULL, w int NOT NULL)");
            st.execute("INSERT INTO scanned SELECT g, g % 100, g % 7 FROM generate_series(1, 2000) g");
            st.execute("CREATE INDEX scanned_v ON scanned (v)");
            st.execute("CREATE INDEX scanned_w_unused ON scanned (w)");
            st.execute("ANALYZE");
        }
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", null); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
            st.execute("DROP ROLE IF EXISTS " + MONITOR);
        }
    }

    private static Connection database() throws SQLException {
        return DriverManager.getConnection(SERVER + DATABASE, "postgres", null);
    }

    /** Runs statements and makes their statistics visible before returning: PostgreSQL 15 flushes them at idle, forced. */
    private static void run(String... statements) throws SQLException {
        try (Connection c = database(); Statement st = c.createStatement()) {
            for (String s : statements) {
                st.execute(s);
            }
            st.execute("SELECT pg_stat_force_next_flush()");
            st.execute("SELECT 1");
        }
    }

    private static CollectedWorkload poll(PostgresWorkloadCollector collector) {
        return collector.collect(new ConnectionTarget(SERVER + DATABASE, MONITOR, null));
    }

    private static PostgresWorkloadCollector collector(int limit) {
        return new PostgresWorkloadCollector(new ConnectorTimeouts(Duration.ofSeconds(5), Duration.ofSeconds(30)), Clock.systemUTC(),
                new RelationPolling(limit, Duration.ZERO));
    }

    private static TableStats table(RelationSnapshot s, String name) {
        return s.tables().stream().filter(t -> t.ref().table().equals(name)).findFirst().orElseThrow();
    }

    private static IndexStats index(RelationSnapshot s, String name) {
        return s.indexes().stream().filter(i -> i.ref().index().equals(name)).findFirst().orElseThrow();
    }

    @Test
    void twoPollsShowScansAsRatesAGrowingTableAndAnUnusedIndex() throws SQLException {
        PostgresWorkloadCollector collector = collector(500);
        RelationSnapshot first = poll(collector).relations().orElseThrow();
        run("SET enable_indexscan = off", "SET enable_bitmapscan = off",
                "SELECT count(*) FROM scanned WHERE v = 1", "SELECT count(*) FROM scanned WHERE v = 2",
                "SELECT count(*) FROM scanned WHERE v = 3",
                "SET enable_indexscan = on", "SET enable_seqscan = off",
                "SELECT * FROM scanned WHERE v = 4", "SELECT * FROM scanned WHERE v = 5", "SELECT * FROM scanned WHERE v = 6",
                "SELECT * FROM scanned WHERE v = 7", "SELECT * FROM scanned WHERE v = 8",
                "INSERT INTO grow (payload) SELECT repeat('y', 100) FROM generate_series(1, 20000)",
                "DELETE FROM grow WHERE id <= 100");
        CollectedWorkload second = poll(collector);
        RelationSnapshot latest = second.relations().orElseThrow();

        assertThat(latest.statsDatabase()).isEqualTo(DATABASE);
        assertThat(latest.databases()).anyMatch(d -> d.database().equals(DATABASE) && d.bytes() > 0);
        assertThat(table(latest, "grow").ref()).isEqualTo(new TableRef(DATABASE, "public", "grow"));
        assertThat(table(latest, "grow").totalBytes()).as("the table grew by 20,000 rows")
                .isGreaterThan(table(first, "grow").totalBytes() + 1_000_000);
        assertThat(table(latest, "grow").tableBytes()).isGreaterThan(table(first, "grow").tableBytes());
        assertThat(table(latest, "grow").inserts() - table(first, "grow").inserts()).isEqualTo(20_000);
        assertThat(table(latest, "grow").deletes() - table(first, "grow").deletes()).isEqualTo(100);
        assertThat(table(latest, "scanned").seqScans() - table(first, "scanned").seqScans()).isEqualTo(3);
        assertThat(table(latest, "scanned").indexBytes()).isEqualTo(index(latest, "scanned_pkey").bytes()
                + index(latest, "scanned_v").bytes() + index(latest, "scanned_w_unused").bytes());
        assertThat(index(latest, "scanned_v").scans() - index(first, "scanned_v").scans()).isEqualTo(5);
        assertThat(index(latest, "scanned_w_unused").scans()).isZero();
        assertThat(index(latest, "scanned_w_unused").unused()).isTrue();
        assertThat(index(latest, "scanned_pkey").unique()).isTrue();
        assertThat(latest.others().tables()).isZero();

        RelationActivity activity = RelationRates.between(first, latest);
        assertThat(activity.baseline()).isEqualTo(PolledPoints.Baseline.CONTINUED);
        TableRef scanned = new TableRef(DATABASE, "public", "scanned");
        assertThat(activity.tableRates().get(scanned).seqScans()).isPositive();
        assertThat(activity.tableRates().get(new TableRef(DATABASE, "public", "grow")).inserts()).isPositive();
        assertThat(activity.indexRates().get(new IndexRef(scanned, "scanned_v")).scans()).isPositive();
        assertThat(activity.indexRates().get(new IndexRef(scanned, "scanned_w_unused")).scans()).isZero();
        assertThat(second.notes()).anyMatch(n -> n.startsWith("Table and index statistics are of database " + DATABASE + " only"));
    }

    @Test
    void aSnapshotIsTakenOnlyWhenDueNotAtEveryPoll() {
        PostgresWorkloadCollector collector = new PostgresWorkloadCollector(new ConnectorTimeouts(Duration.ofSeconds(5),
                Duration.ofSeconds(30)), Clock.systemUTC(), new RelationPolling(500, Duration.ofHours(1)));

        assertThat(poll(collector).relations()).isPresent();
        assertThat(poll(collector).relations()).as("the next is due in an hour").isEmpty();
    }

    @Test
    void twoThousandTablesAreBoundedToTheLargestAndTheRestIsSummed() throws SQLException {
        String many = "kw_tables_many_" + SUFFIX;
        try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", null); Statement st = c.createStatement()) {
            st.execute("CREATE DATABASE " + many);
        }
        try {
            try (Connection c = DriverManager.getConnection(SERVER + many, "postgres", null); Statement st = c.createStatement()) {
                c.setAutoCommit(false);
                StringBuilder ddl = new StringBuilder();
                for (int i = 0; i < 2000; i++) {
                    ddl.append("CREATE TABLE t").append(i).append(" (id int PRIMARY KEY);");
                }
                st.execute(ddl.toString());
                c.commit();
                c.setAutoCommit(true);
                st.execute("CREATE TABLE big (id int PRIMARY KEY, pad text)");
                st.execute("INSERT INTO big SELECT g, repeat('z', 200) FROM generate_series(1, 5000) g");
                st.execute("ANALYZE big");
            }
            PostgresWorkloadCollector collector = collector(100);
            long t0 = System.nanoTime();
            CollectedWorkload polled = collector.collect(new ConnectionTarget(SERVER + many, MONITOR, null));
            long ms = (System.nanoTime() - t0) / 1_000_000;
            RelationSnapshot s = polled.relations().orElseThrow();
            System.out.printf("relation snapshot of %d tables, 100 kept: poll %d ms%n", s.tables().size() + s.others().tables(), ms);

            assertThat(s.tables()).hasSize(100);
            assertThat(s.indexes()).hasSize(100);
            assertThat(s.others().tables()).isEqualTo(2001 - 100);
            assertThat(s.others().indexes()).isEqualTo(2001 - 100);
            assertThat(s.tables().getFirst().ref().qualified()).as("the largest table is kept, first").isEqualTo("public.big");
            assertThat(s.tables().getFirst().totalBytes()).isGreaterThan(1_000_000);
            assertThat(s.indexes().getFirst().ref().index()).isEqualTo("big_pkey");
        } finally {
            try (Connection c = DriverManager.getConnection(SERVER + "postgres", "postgres", null); Statement st = c.createStatement()) {
                st.execute("DROP DATABASE IF EXISTS " + many + " WITH (FORCE)");
            }
        }
    }
}
