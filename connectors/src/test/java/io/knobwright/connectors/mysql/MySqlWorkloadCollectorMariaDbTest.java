package io.knobwright.connectors.mysql;

import io.knobwright.connectors.ConnectionTarget;
import io.knobwright.model.workload.CollectedWorkload;
import io.knobwright.model.workload.CounterRates;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.PolledPoints;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicReference;

import static org.assertj.core.api.Assertions.assertThat;

/** The machine's MariaDB 10.11 service (performance_schema off), polled by a throwaway login with PROCESS only. */
class MySqlWorkloadCollectorMariaDbTest {

    private static final String SCHEMA = "kw_collect_test";
    private static final AtomicReference<Instant> NOW = new AtomicReference<>(Instant.parse("2026-12-06T10:00:00Z"));
    private static MySqlWorkloadCollector collectorAtNow() {
        return new MySqlWorkloadCollector(new Clock() {
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
    }

    @BeforeAll
    static void createSchema() throws SQLException {
        try (Connection c = ThrowawayMariaDbUsers.root(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + SCHEMA);
            st.execute("CREATE DATABASE " + SCHEMA);
            st.execute("CREATE TABLE " + SCHEMA + ".orders (id INT PRIMARY KEY, total INT) ENGINE=InnoDB");
            st.execute("INSERT INTO " + SCHEMA + ".orders SELECT seq, seq FROM seq_1_to_1000");
        }
    }

    @AfterAll
    static void dropSchema() throws SQLException {
        try (Connection c = ThrowawayMariaDbUsers.root(); Statement st = c.createStatement()) {
            st.execute("DROP DATABASE IF EXISTS " + SCHEMA);
        }
    }

    private static void work(int n) throws SQLException {
        try (Connection c = ThrowawayMariaDbUsers.root(); Statement st = c.createStatement()) {
            for (int i = 0; i < n; i++) {
                st.execute("UPDATE " + SCHEMA + ".orders SET total = total + 1 WHERE id = " + (i % 1000 + 1));
                st.executeQuery("SELECT SUM(total) FROM " + SCHEMA + ".orders WHERE id < 100").close();
            }
        }
    }

    @Test
    void twoPollsGiveRatesAndSayDigestsNeedPerformanceSchema() throws Exception {
        ThrowawayMariaDbUsers.withUser(user -> {
            try (Connection c = ThrowawayMariaDbUsers.root(); Statement st = c.createStatement()) {
                st.execute("GRANT PROCESS, SLAVE MONITOR ON *.* TO '" + user + "'@'127.0.0.1'");
            }
            MySqlWorkloadCollector at = collectorAtNow();
            ConnectionTarget target = new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/", user, ThrowawayMariaDbUsers.PASSWORD);
            CollectedWorkload first = at.collect(target);
            work(100);
            NOW.set(NOW.get().plusSeconds(10));
            CollectedWorkload second = at.collect(target);

            assertThat(second.notes()).singleElement().asString().startsWith("performance_schema is off: statement digests not collected");
            PolledPoints points = CounterRates.between(first.poll(), second.poll());
            assertThat(points.baseline()).isEqualTo(PolledPoints.Baseline.CONTINUED);
            assertThat(points.points().get(Metric.WRITE_STATEMENTS)).isGreaterThanOrEqualTo(10.0);
            assertThat(points.points().get(Metric.READ_STATEMENTS)).isGreaterThanOrEqualTo(10.0);
            assertThat(points.points().get(Metric.ROWS_WRITTEN)).isGreaterThanOrEqualTo(10.0);
            assertThat(points.points().get(Metric.WAL_BYTES)).isPositive();
            assertThat(points.points()).containsKeys(Metric.BLOCKS_HIT, Metric.BLOCKS_READ, Metric.TEMP_FILES, Metric.SORTS_ON_DISK,
                    Metric.CONNECTIONS, Metric.MAX_CONNECTIONS, Metric.ACTIVE_SESSIONS, Metric.DATABASE_BYTES, Metric.DEADLOCKS);
            assertThat(second.poll().epoch().started()).isBefore(Instant.now());
        });
    }

    @Test
    void aTransactionWaitingForAnothersRowLockShowsAsABlockingChain() throws Exception {
        try (Connection holder = ThrowawayMariaDbUsers.root(); Connection waiter = ThrowawayMariaDbUsers.root()) {
            holder.setAutoCommit(false);
            try (Statement st = holder.createStatement()) {
                st.execute("UPDATE " + SCHEMA + ".orders SET total = 0 WHERE id = 7");
            }
            CompletableFuture<Void> blocked = CompletableFuture.runAsync(() -> {
                try (Statement st = waiter.createStatement()) {
                    st.execute("UPDATE " + SCHEMA + ".orders SET total = 1 WHERE id = 7");
                } catch (SQLException e) {
                    throw new IllegalStateException(e);
                }
            });
            CollectedWorkload seen = null;
            for (int i = 0; i < 50 && (seen == null || seen.blocking().waiting() == 0); i++) {
                Thread.sleep(100);
                seen = collectorAtNow().collect(new ConnectionTarget("jdbc:mariadb://127.0.0.1:3306/", "root", null));
            }
            holder.rollback();
            blocked.get();

            assertThat(seen.poll().values().get(Metric.BLOCKED_SESSIONS)).isEqualTo(1.0);
            assertThat(seen.poll().values().get(Metric.IDLE_IN_TRANSACTION)).isGreaterThanOrEqualTo(1.0);
            assertThat(seen.blocking().heads()).hasSize(1);
            assertThat(seen.blocking().lines()).hasSize(2);
            assertThat(seen.blocking().lines().get(1)).contains("waiting").contains("UPDATE " + SCHEMA + ".orders SET total = 1");
        }
    }
}
