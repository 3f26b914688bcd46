package io.knobwright.connectors.postgres;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.knobwright.model.workload.BlockedSession;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.CounterRates;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.PolledPoints;
import io.knobwright.model.workload.StatementCounters;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Embedded PostgreSQL 17 (pg_stat_checkpointer, pg_stat_io) with pg_stat_statements preloaded and installed, and
 * PostgreSQL 16 (pg_stat_bgwriter) without it; polled by a login that has pg_monitor and nothing else.
 */
class PostgresWorkloadCollectorEmbeddedTest {

    private static EmbeddedPostgres withStatements;
    private static EmbeddedPostgres without;
    /** The test moves the collector's clock, so rates divide by a known interval. */
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-12-06T10:00:00Z"));
    private final PostgresWorkloadCollector collector = new PostgresWorkloadCollector(new Clock() {
        @Override
        public java.time.ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return NOW.get();
        }
    });

    @BeforeAll
    static void start() throws Exception {
        EmbeddedPostgresMajors majors = new EmbeddedPostgresMajors();
        withStatements = majors.builder(17).setServerConfig("shared_preload_libraries", "pg_stat_statements").start();
        without = majors.start(16);
        for (EmbeddedPostgres pg : new EmbeddedPostgres[] {withStatements, without}) {
            try (Connection c = superuser(pg); Statement st = c.createStatement()) {
                st.execute("CREATE ROLE monitor LOGIN");
                st.execute("GRANT pg_monitor TO monitor");
                st.execute("CREATE TABLE orders (id int PRIMARY KEY, total numeric)");
                st.execute("INSERT INTO orders SELECT g, g FROM generate_series(1, 1000) g");
            }
        }
        try (Connection c = superuser(withStatements); Statement st = c.createStatement()) {
            st.execute("CREATE EXTENSION pg_stat_statements");
        }
    }

    @AfterAll
    static void stop() throws Exception {
        withStatements.close();
        without.close();
    }

    private static Connection superuser(EmbeddedPostgres pg) throws SQLException {
        return DriverManager.getConnection(url(pg), "postgres", null);
    }

    private static String url(EmbeddedPostgres pg) {
        return "jdbc:postgresql://127.0.0.1:" + pg.getPort() + "/postgres";
    }

    private CollectedWorkload poll(EmbeddedPostgres pg) {
        return collector.collect(new ConnectionTarget(url(pg), "monitor", null));
    }

    private static void work(EmbeddedPostgres pg, int transactions) throws SQLException {
        try (Connection c = superuser(pg); Statement st = c.createStatement()) {
            for (int i = 0; i < transactions; i++) {
                st.execute("UPDATE orders SET total = total + 1 WHERE id = " + (i % 1000 + 1));
                st.executeQuery("SELECT sum(total) FROM orders WHERE id < " + (i % 500 + 2)).close();
            }
        }
    }

    @Test
    void twoPollsOfAMonitoringLoginGiveRatesOfTheWorkBetweenThem() throws Exception {
        CollectedWorkload first = poll(withStatements);
        work(withStatements, 200);
        NOW.set(NOW.get().plusSeconds(10));
        CollectedWorkload second = poll(withStatements);

        PolledPoints points = CounterRates.between(first.poll(), second.poll());
        assertThat(second.notes()).as("pg_monitor may read everything polled").isEmpty();
        assertThat(points.baseline()).isEqualTo(PolledPoints.Baseline.CONTINUED);
        // 200 updates and 200 selects in autocommit: at least 400 commits in 10 s
        assertThat(points.points().get(Metric.COMMITS)).isGreaterThanOrEqualTo(40.0);
        assertThat(points.points().get(Metric.WRITE_STATEMENTS)).isGreaterThanOrEqualTo(20.0);
        assertThat(points.points().get(Metric.READ_STATEMENTS)).isGreaterThanOrEqualTo(20.0);
        assertThat(points.points().get(Metric.ROWS_WRITTEN)).isGreaterThanOrEqualTo(20.0);
        assertThat(points.points().get(Metric.WAL_BYTES)).isPositive();
        assertThat(points.points()).containsKeys(Metric.CHECKPOINTS_TIMED, Metric.BUFFERS_WRITTEN_BY_BACKENDS, Metric.BLOCKS_HIT);
        assertThat(points.points().get(Metric.MAX_CONNECTIONS)).isPositive();
        assertThat(points.points().get(Metric.DATABASE_BYTES)).isGreaterThan(1e6);
        assertThat(points.points().get(Metric.CONNECTIONS)).isGreaterThanOrEqualTo(1.0);
        assertThat(points.statementDeltas()).as("the update ran 200 times between the polls")
                .anySatisfy(s -> {
                    assertThat(s.query()).startsWith("UPDATE orders SET total = total +");
                    assertThat(s.calls()).isEqualTo(200);
                    assertThat(s.rows()).isEqualTo(200);
                });
        assertThat(second.poll().statements()).extracting(StatementCounters::query)
                .noneMatch(q -> q.contains("knobwright-monitor"));
    }

    @Test
    void withoutPgStatStatementsTheRestIsCollectedAndTheNoteSaysSo() throws Exception {
        CollectedWorkload first = poll(without);
        work(without, 50);
        NOW.set(NOW.get().plusSeconds(5));
        CollectedWorkload second = poll(without);

        assertThat(second.notes()).singleElement().asString()
                .startsWith("pg_stat_statements is not installed in database postgres: statement digests");
        assertThat(second.poll().statements()).isEmpty();
        PolledPoints points = CounterRates.between(first.poll(), second.poll());
        assertThat(points.points().get(Metric.COMMITS)).isGreaterThanOrEqualTo(10.0);
        assertThat(points.points()).containsKeys(Metric.CHECKPOINTS_REQUESTED, Metric.BUFFERS_WRITTEN_BY_CHECKPOINTS)
                .doesNotContainKey(Metric.READ_STATEMENTS);
    }

    @Test
    void statisticsResetStartsANewBaselineInsteadOfANegativeRate() throws Exception {
        work(without, 100);
        CollectedWorkload before = poll(without);
        // Resets closer than ServerEpoch.SLACK (2 s) to the last one read as one: the server's views were last reset
        // when it started, which a fast run can be within 2 s of.
        Instant lastReset = before.poll().epoch().statsReset();
        if (lastReset != null) {
            long wait = java.time.Duration.between(Instant.now(), lastReset.plusMillis(2_500)).toMillis();
            if (wait > 0) {
                Thread.sleep(wait);
            }
        }

        try (Connection c = superuser(without); Statement st = c.createStatement()) {
            st.execute("SELECT pg_stat_reset()");
        }
        NOW.set(NOW.get().plusSeconds(5));
        CollectedWorkload after = poll(without);

        assertThat(after.poll().values().get(Metric.COMMITS)).isLessThan(before.poll().values().get(Metric.COMMITS));
        PolledPoints points = CounterRates.between(before.poll(), after.poll());
        assertThat(points.baseline()).isEqualTo(PolledPoints.Baseline.STATISTICS_RESET);
        assertThat(points.points()).doesNotContainKey(Metric.COMMITS);

        work(without, 20);
        NOW.set(NOW.get().plusSeconds(5));
        PolledPoints next = CounterRates.between(after.poll(), poll(without).poll());
        assertThat(next.baseline()).isEqualTo(PolledPoints.Baseline.CONTINUED);
        assertThat(next.points().get(Metric.COMMITS)).isBetween(4.0, 10.0);
    }

    @Test
    void aSessionWaitingForAnotherOnesLockShowsAsABlockingChain() throws Exception {
        try (Connection holder = superuser(withStatements); Connection waiter = superuser(withStatements)) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("UPDATE orders SET total = 0 WHERE id = 7");
            }
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                try (Statement st = waiter.createStatement()) {
                    st.execute("UPDATE orders SET total = 1 WHERE id = 7");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            CollectedWorkload seen = null;
            for (int i = 0; i < 50 && (seen == null || seen.blocking().waiting() == 0); i++) {
                Thread.sleep(100);
                seen = poll(withStatements);
            }
            holder.rollback();
            blocked.get();

            assertThat(seen.poll().values().get(Metric.BLOCKED_SESSIONS)).isEqualTo(1.0);
            assertThat(seen.blocking().heads()).singleElement().extracting(BlockedSession::state).isEqualTo("idle in transaction");
            assertThat(seen.blocking().lines()).hasSize(2);
            assertThat(seen.blocking().lines().get(1)).contains("<- session").contains("waiting")
                    .contains("UPDATE orders SET total = 1 WHERE id = 7");
            assertThat(seen.poll().values().get(Metric.IDLE_IN_TRANSACTION)).isGreaterThanOrEqualTo(1.0);
        }
    }

    @Test
    void anUnreachableServerFailsWithinTheConnectTimeout() {
        long started = System.nanoTime();
        var failure = org.assertj.core.api.Assertions.catchThrowable(() ->
                collector.collect(new ConnectionTarget("jdbc:postgresql://127.0.0.1:1/postgres", "monitor", null)));
        assertThat(failure).isInstanceOf(io.knobwright.connectors.ConnectorException.class).hasMessageContaining("127.0.0.1:1");
        assertThat(Duration.ofNanos(System.nanoTime() - started)).isLessThan(Duration.ofSeconds(10));
    }
}
