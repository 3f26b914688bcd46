package io.knobwright.connectors.load;

import io.knobwright.connectors.testsupport.EmbeddedPostgresMajors;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Duration;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The counters and the profiler on the newest major (18: checkpoints in pg_stat_checkpointer since 17, backend writes
 * gone from pg_stat_bgwriter); the local PostgreSQL 15 covers the older views. One embedded server only: starting
 * one takes seconds on CI's two cores.
 */
class ServerCountersEmbeddedTest {

    @ParameterizedTest
    @ValueSource(ints = {18})
    void countersAndProfilesReadTheViewsEachVersionHas(int major) throws Exception {
        try (EmbeddedPostgres pg = new EmbeddedPostgresMajors().start(major)) {
            String url = pg.getJdbcUrl("postgres", "postgres").replaceFirst("\\?.*$", "");
            LoadDriver.Connections connections = () -> DriverManager.getConnection(url, "postgres", null);
            try (Connection c = connections.open(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE written (x int)");
                ServerCounters.Snapshot before = ServerCounters.read(c);
                LoadRun run = new LoadDriver(connections).run(LoadScript.parse("w",
                                "INSERT INTO written SELECT g FROM generate_series(1, 100) g;"),
                        LoadDriver.Options.of(1, Duration.ZERO, Duration.ofMillis(300)), p -> { }, () -> false);
                s.execute("CHECKPOINT");
                // the checkpointer publishes its counts a moment after the checkpoint it was asked for has ended
                ServerCounters.Delta delta = ServerCounters.delta(before, ServerCounters.read(c));
                for (int i = 0; i < 40 && delta.get("checkpoints.requested") < 1; i++) {
                    Thread.sleep(50);
                    delta = ServerCounters.delta(before, ServerCounters.read(c));
                }
                Map<String, Double> features = delta.features(run.transactions());

                assertThat(delta.major()).isEqualTo(major);
                assertThat(features.get("tuplesInsertedPerTx")).isGreaterThanOrEqualTo(99);
                assertThat(features.get("checkpointsRequested")).isGreaterThanOrEqualTo(1);
                assertThat(features.get("buffersCheckpoint")).isPositive();
                assertThat(features.containsKey("walBytesPerTx")).isEqualTo(major >= 14);
                assertThat(features.containsKey("buffersBackend")).isEqualTo(major < 17);
            }
            List<StatementProfile> profiles = new StatementProfiler(connections).profile(
                    LoadScript.parse("w", "INSERT INTO written VALUES (1);"), 1, Map.of(), 1);
            assertThat(profiles.getFirst().walBytes()).isPositive();
        }
    }
}
