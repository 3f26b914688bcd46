package io.knobwright.connectors.load;

import io.knobwright.connectors.ConnectorException;
import io.knobwright.model.UserError;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

/** The driver on the local PostgreSQL 15, on pgbench tables at scale 1 in a database of the class's own. */
class LoadDriverTest {

    private static LoadTestDatabase database;

    @BeforeAll
    static void createTables() throws Exception {
        database = new LoadTestDatabase();
        try (Connection c = database.connect()) {
            List<String> steps = new ArrayList<>();
            PgbenchSchema.create(c, 1, steps::add);
            assertThat(steps).contains("Copying 100000 accounts");
            assertThat(PgbenchSchema.scaleOf(c)).isEqualTo(1);
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void tpcbLikeWithTwoClientsMeasuresAConsistentRate() throws Exception {
        long historyBefore = count("pgbench_history");
        List<LoadDriver.Progress> reports = new ArrayList<>();
        LoadRun run = database.driver().run(LoadScript.tpcbLike(),
                LoadDriver.Options.of(2, Duration.ofMillis(500), Duration.ofSeconds(2)), reports::add, () -> false);

        assertThat(run.script()).isEqualTo("tpcb-like");
        assertThat(run.clients()).isEqualTo(2);
        assertThat(run.failed()).isZero();
        assertThat(run.transactions()).isPositive();
        assertThat(run.tps()).isCloseTo(run.transactions() / 2.0, within(1e-9));
        assertThat(run.tpsPerSecond()).hasSize(2);
        assertThat(run.tpsPerSecond().stream().mapToDouble(Double::doubleValue).sum())
                .isCloseTo(run.transactions(), within(1e-6));
        assertThat(run.tpsPerSecond()).allSatisfy(tps -> assertThat(tps).isPositive());
        assertThat(run.p50Ms()).isPositive().isLessThanOrEqualTo(run.p95Ms());
        assertThat(run.p95Ms()).isLessThanOrEqualTo(run.p99Ms());
        assertThat(run.meanMs()).isPositive();
        // 2 clients for 2 s: the latencies and the rate tell the same story (Little's law, within scheduling)
        assertThat(run.meanMs() * run.tps() / 1000).isBetween(0.5, 2.05);
        assertThat(run.failuresBySqlState()).isEmpty();
        assertThat(run.firstFailure()).isEmpty();
        assertThat(run.failureRatio()).isZero();
        // the warm-up's transactions ran too, but only the window's are counted
        assertThat(count("pgbench_history") - historyBefore).isGreaterThan(run.transactions());
        assertThat(reports).isNotEmpty().allSatisfy(p -> assertThat(p.fraction()).isBetween(0.0, 1.0));
        assertThat(reports).extracting(LoadDriver.Progress::phase).contains(LoadDriver.Phase.MEASURING);
    }

    @Test
    void cancellingStopsALongStatementWithinASecond() {
        LoadScript slow = LoadScript.parse("slow", "SELECT pg_sleep(30);");
        long start = System.nanoTime();
        assertThatThrownBy(() -> database.driver().run(slow,
                LoadDriver.Options.of(2, Duration.ZERO, Duration.ofSeconds(60)), p -> { },
                () -> System.nanoTime() - start > 300_000_000L))
                .isInstanceOf(CancellationException.class);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.3);
    }

    @Test
    void cancellingStopsASleepingScript() {
        LoadScript sleepy = LoadScript.parse("sleepy", "SELECT 1;\n\\sleep 20 s\n");
        long start = System.nanoTime();
        assertThatThrownBy(() -> database.driver().run(sleepy,
                LoadDriver.Options.of(1, Duration.ZERO, Duration.ofSeconds(60)), p -> { },
                () -> System.nanoTime() - start > 200_000_000L))
                .isInstanceOf(CancellationException.class);
        assertThat((System.nanoTime() - start) / 1e9).isLessThan(1.2);
    }

    @Test
    void aTransactionStillRunningAfterTheWindowIsStoppedAfterAShortGrace() throws Exception {
        LoadScript slow = LoadScript.parse("slow", "BEGIN;\nSELECT pg_sleep(30);\nEND;");
        long start = System.nanoTime();
        LoadRun run = database.driver().run(slow, LoadDriver.Options.of(1, Duration.ZERO, Duration.ofMillis(300)),
                p -> { }, () -> false);
        assertThat((System.nanoTime() - start) / 1e9).isBetween(2.0, 3.5);
        assertThat(run.transactions()).isZero();
        assertThat(run.tps()).isZero();
        assertThat(run.tpsPerSecond()).containsExactly(0.0);
    }

    @Test
    void failedTransactionsAreCountedByStateAndTheClientGoesOn() {
        LoadScript halfFail = LoadScript.parse("half", """
                \\set x random(0, 1)
                BEGIN;
                SELECT 1 / :x;
                SELECT 1;
                END;
                """);
        LoadRun run = database.driver().run(halfFail, LoadDriver.Options.of(1, Duration.ZERO, Duration.ofMillis(400)),
                p -> { }, () -> false);
        assertThat(run.failed()).isPositive();
        assertThat(run.transactions()).isPositive();
        assertThat(run.failuresBySqlState()).containsOnlyKeys("22012").containsEntry("22012", run.failed());
        assertThat(run.firstFailure()).contains("division by zero");
        assertThat(run.failureRatio()).isBetween(0.2, 0.8);
    }

    @Test
    void sessionSettingsApplyOnEveryConnection() {
        LoadScript check = LoadScript.parse("check",
                "SELECT 1 / (current_setting('work_mem') = '64kB')::int;");
        LoadRun run = database.driver().run(check, LoadDriver.Options.of(2, Duration.ZERO, Duration.ofMillis(300))
                .withSettings(Map.of("work_mem", "64kB")), p -> { }, () -> false);
        assertThat(run.failed()).isZero();
        assertThat(run.transactions()).isPositive();
    }

    @Test
    void aSettingTheServerRefusesStopsTheRunWithItsReason() {
        LoadScript script = LoadScript.parse("s", "SELECT 1;");
        assertThatThrownBy(() -> database.driver().run(script, LoadDriver.Options.of(1, Duration.ZERO,
                Duration.ofMillis(200)).withSettings(Map.of("work_mem", "lots")), p -> { }, () -> false))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("The server refused work_mem = 'lots'")
                .hasMessageContaining("invalid value for parameter \"work_mem\"");
        assertThatThrownBy(() -> database.driver().run(script, LoadDriver.Options.of(1, Duration.ZERO,
                Duration.ofMillis(200)).withSettings(Map.of("shared_buffers", "1GB")), p -> { }, () -> false))
                .hasMessageContaining("cannot be changed without restarting the server");
        assertThatThrownBy(() -> database.driver().run(script, LoadDriver.Options.of(1, Duration.ZERO,
                Duration.ofMillis(200)).withSettings(Map.of("work_mem; DROP", "1")), p -> { }, () -> false))
                .hasMessageContaining("is not a setting name");
    }

    @Test
    void aScriptValueThatCannotBeComputedStopsTheRun() {
        LoadScript broken = LoadScript.parse("broken", "\\set z 0\n\\set x 5 % :z\nSELECT :x;");
        assertThatThrownBy(() -> database.driver().run(broken, LoadDriver.Options.of(2, Duration.ZERO,
                Duration.ofSeconds(5)), p -> { }, () -> false))
                .isInstanceOf(UserError.class).hasMessageContaining("line 2: division by zero");
    }

    @Test
    void aServerThatCannotBeReachedIsAConnectorError() {
        LoadDriver nowhere = new LoadDriver(() -> DriverManager.getConnection(
                "jdbc:postgresql://127.0.0.1:" + io.knobwright.connectors.LocalServices.freePort() + "/x", "postgres",
                null));
        assertThatThrownBy(() -> nowhere.run(LoadScript.selectOnly(), LoadDriver.Options.of(1, Duration.ZERO,
                Duration.ofSeconds(1)), p -> { }, () -> false))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("Client 1 of the load run could not"
                        + " connect");
    }

    @Test
    void aConnectionLostMidRunEndsTheRunWithAClearMessage() {
        LoadScript suicide = LoadScript.parse("suicide", "SELECT pg_terminate_backend(pg_backend_pid());");
        assertThatThrownBy(() -> database.driver().run(suicide, LoadDriver.Options.of(1, Duration.ZERO,
                Duration.ofSeconds(5)), p -> { }, () -> false))
                .isInstanceOf(ConnectorException.class).hasMessageContaining("lost its connection");
    }

    @Test
    void optionsRefuseImpossibleRuns() {
        assertThatThrownBy(() -> LoadDriver.Options.of(0, Duration.ZERO, Duration.ofSeconds(1)))
                .hasMessageContaining("1 to 10000 clients");
        assertThatThrownBy(() -> LoadDriver.Options.of(1, Duration.ofSeconds(-1), Duration.ofSeconds(1)))
                .hasMessageContaining("at least 100 ms");
        assertThatThrownBy(() -> LoadDriver.Options.of(1, Duration.ZERO, Duration.ofSeconds(1)).withScale(0))
                .hasMessageContaining("scale is at least 1");
        assertThatThrownBy(() -> PgbenchSchema.create(null, 0)).isInstanceOf(UserError.class);
    }

    @Test
    void aDatabaseWithoutPgbenchTablesHasNoScale() throws Exception {
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:5432/postgres", "postgres",
                null)) {
            assertThatThrownBy(() -> PgbenchSchema.scaleOf(c)).isInstanceOf(UserError.class)
                    .hasMessageContaining("no pgbench tables");
        }
    }

    private static long count(String table) throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM " + table)) {
            rs.next();
            return rs.getLong(1);
        }
    }
}
