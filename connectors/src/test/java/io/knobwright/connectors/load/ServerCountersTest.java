package io.knobwright.connectors.load;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Counters around runs on the local PostgreSQL 15. */
class ServerCountersTest {

    private static LoadTestDatabase database;

    @BeforeAll
    static void createDatabase() throws Exception {
        database = new LoadTestDatabase();
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            s.execute("CREATE TABLE written (x int)");
        }
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        database.close();
    }

    @Test
    void aRunThatSortsPastWorkMemShowsTempBytesAndItsWritesShowWal() throws Exception {
        LoadScript script = LoadScript.parse("spill", """
                SELECT g FROM generate_series(1, 20000) g ORDER BY g DESC OFFSET 19990;
                INSERT INTO written SELECT g FROM generate_series(1, 100) g;
                """);
        try (Connection monitor = database.connect()) {
            ServerCounters.Snapshot before = ServerCounters.read(monitor);
            LoadRun run = database.driver().run(script, LoadDriver.Options.of(1, Duration.ZERO, Duration.ofMillis(500))
                    .withSettings(Map.of("work_mem", "64kB")), p -> { }, () -> false);
            ServerCounters.Snapshot after = ServerCounters.read(monitor);
            ServerCounters.Delta delta = ServerCounters.delta(before, after);

            assertThat(delta.major()).isEqualTo(15);
            assertThat(delta.elapsed()).isPositive();
            assertThat(delta.get("db.temp_files")).isGreaterThanOrEqualTo(run.transactions());
            assertThat(delta.get("db.xact_commit")).isGreaterThanOrEqualTo(run.transactions());
            Map<String, Double> features = delta.features(run.transactions());
            // an external sort of 20000 ints writes a few hundred kB per run
            assertThat(features.get("tempBytesPerTx")).isGreaterThan(100_000);
            assertThat(features.get("walBytesPerTx")).isGreaterThan(100 * 20);
            assertThat(features.get("walRecordsPerTx")).isGreaterThanOrEqualTo(100);
            assertThat(features.get("tuplesInsertedPerTx")).isGreaterThanOrEqualTo(100);
            assertThat(features).containsKeys("pagesHitPerTx", "pagesReadPerTx", "fpiPerTx", "checkpointsRequested",
                    "buffersCheckpoint", "buffersClean", "buffersAlloc", "buffersBackend", "walBuffersFull");
            assertThat(features.get("hitRatio")).isBetween(0.0, 1.0);
            assertThat(features.get("hitRatio:public.written")).isBetween(0.5, 1.0);
        }
    }

    @Test
    void aCheckpointBetweenSnapshotsIsCountedAsRequested() throws Exception {
        try (Connection c = database.connect(); Statement s = c.createStatement()) {
            ServerCounters.Snapshot before = ServerCounters.read(c);
            s.execute("CHECKPOINT");
            // the checkpointer publishes its counts a moment after the checkpoint it was asked for has ended
            ServerCounters.Delta delta = ServerCounters.delta(before, ServerCounters.read(c));
            for (int i = 0; i < 40 && delta.get("checkpoints.requested") < 1; i++) {
                Thread.sleep(50);
                delta = ServerCounters.delta(before, ServerCounters.read(c));
            }
            assertThat(delta.features(0).get("checkpointsRequested")).isEqualTo(1.0);
            assertThat(delta.get("no.such.counter")).isZero();
        }
    }

    @Test
    void aClosedConnectionCannotBeRead() throws Exception {
        Connection c = database.connect();
        c.close();
        assertThatThrownBy(() -> ServerCounters.read(c)).isInstanceOf(io.knobwright.connectors.ConnectorException.class)
                .hasMessageContaining("Could not read the server's statistics");
    }
}
