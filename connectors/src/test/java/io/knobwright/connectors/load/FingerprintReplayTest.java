package io.knobwright.connectors.load;

import io.knobwright.model.UserError;
import io.knobwright.model.workload.FingerprintSummary;
import io.knobwright.model.workload.WeekHourCounts;
import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.Statement;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FingerprintReplayTest {

    private static FingerprintSummary fingerprint(long id, String example, long calls) {
        return new FingerprintSummary(id, example.replaceAll("\\d+", "\\$1"), example, calls, calls * 2.0, 1, 2, 3,
                -1, Instant.EPOCH, Instant.EPOCH, new WeekHourCounts());
    }

    @Test
    void loggedExamplesWithValuesBecomeAMixWeightedByCalls() {
        FingerprintReplay.Replay replay = FingerprintReplay.of("top", List.of(
                fingerprint(0x11, "SELECT :x, 7 FROM t WHERE a = 7", 300),
                fingerprint(0x22, "UPDATE t SET a = 1 WHERE a = 2;", 100),
                fingerprint(0x33, "SELECT * FROM t WHERE a = $1", 50),
                fingerprint(0, "SELECT 1", 25),
                fingerprint(0x44, "VACUUM t", 20),
                fingerprint(0x55, "WITH d AS (DELETE FROM t RETURNING *) SELECT count(*) FROM d", 5),
                fingerprint(0x66, "SELECT '" + "x".repeat(2000) + "'", 5),
                fingerprint(0x77, "SELECT 2", 0)), false);

        assertThat(replay.included()).containsExactly(java.util.Map.entry("0000000000000011", 300L));
        assertThat(replay.coveredCalls()).isEqualTo(300.0 / 505);
        assertThat(replay.left()).extracting(FingerprintReplay.Left::reason).containsExactly(
                "it writes, and writes are replayed only on a sandbox",
                "it was logged with $n placeholders (sent with the extended protocol, or known only from"
                        + " pg_stat_statements): its values are not kept",
                "the fingerprints folded into 'other' have no one statement to run",
                "its example is not one plain query: only SELECT, WITH, VALUES, TABLE, INSERT, UPDATE, DELETE and"
                        + " MERGE are explained, not VACUUM",
                "it writes, and writes are replayed only on a sandbox",
                "its logged example was cut at 2000 characters",
                "no calls were measured");
        // the example is run as logged: a ':x' in it is not a script variable
        assertThat(replay.script().statements().getFirst().render(java.util.Map.of()))
                .isEqualTo("SELECT :x, 7 FROM t WHERE a = 7");
    }

    @Test
    void writesJoinOnASandboxInProportionToTheirCalls() {
        FingerprintReplay.Replay replay = FingerprintReplay.of("top", List.of(
                fingerprint(0x11, "SELECT 7", 300), fingerprint(0x22, "UPDATE t SET a = 1 WHERE a = 2", 100)), true);
        assertThat(replay.script().transactions()).extracting(LoadScript.Transaction::weight)
                .containsExactly(300.0, 100.0);
        assertThat(replay.coveredCalls()).isEqualTo(1.0);
        assertThat(replay.left()).isEmpty();
    }

    @Test
    void whenNothingCanBeReplayedTheMessageSaysWhatToImport() {
        assertThatThrownBy(() -> FingerprintReplay.of("top", List.of(
                fingerprint(0x33, "SELECT * FROM t WHERE a = $1", 50),
                fingerprint(0x34, "SELECT * FROM u WHERE a = $1", 50),
                fingerprint(0x44, "VACUUM t", 20)), false))
                .isInstanceOf(UserError.class)
                .hasMessageContaining("None of the 3 top fingerprints can be replayed: 2 because it was logged with"
                        + " $n placeholders")
                .hasMessageContaining("1 because its example is not one plain query")
                .hasMessageContaining("log_min_duration_statement");
        assertThatThrownBy(() -> FingerprintReplay.of("top", List.of(), false))
                .hasMessageContaining("there are none");
    }

    @Test
    void aReplayRunsOnTheServer() throws Exception {
        try (LoadTestDatabase database = new LoadTestDatabase()) {
            try (Connection c = database.connect(); Statement s = c.createStatement()) {
                s.execute("CREATE TABLE t (a int)");
                s.execute("INSERT INTO t SELECT g FROM generate_series(1, 100) g");
            }
            FingerprintReplay.Replay replay = FingerprintReplay.of("top", List.of(
                    fingerprint(0x11, "SELECT count(*) FROM t WHERE a < 50", 3),
                    fingerprint(0x22, "UPDATE t SET a = a WHERE a = 2", 1)), true);
            LoadRun run = database.driver().run(replay.script(), LoadDriver.Options.of(2, Duration.ZERO,
                    Duration.ofMillis(300)), p -> { }, () -> false);
            assertThat(run.transactions()).isPositive();
            assertThat(run.failed()).isZero();
            assertThat(run.script()).isEqualTo("top");
        }
    }
}
