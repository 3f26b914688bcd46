package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class BurstDetectorTest {

    private static final Instant T0 = Instant.parse("2026-03-02T08:30:00Z");
    private final List<BurstDetector.Burst> found = new ArrayList<>();
    private final BurstDetector detector = new BurstDetector(found::add);

    private void run(String session, long atMs, String sql) {
        LoggedStatement s = new LoggedStatement(T0.plusMillis(atMs), session, "app", "shop", "", 1.0, 1, sql);
        detector.accept(s, Fingerprinter.POSTGRESQL.id(sql));
    }

    @Test
    void anOrmLoopIsOneBurstWithTheQueryThatDrivesIt() {
        String driver = "SELECT id FROM orders WHERE customer_id = 7";
        run("s1", 0, driver);
        for (int i = 0; i < 30; i++) {
            run("s1", 5 + i * 10L, "SELECT * FROM order_items WHERE order_id = " + (1000 + i));
        }
        run("s1", 400, "COMMIT");
        detector.finish();

        assertThat(found).hasSize(1);
        BurstDetector.Burst burst = found.getFirst();
        assertThat(burst.session()).isEqualTo("s1");
        assertThat(burst.calls()).isEqualTo(30);
        assertThat(burst.changedLiterals()).isEqualTo(29);
        assertThat(burst.fingerprint()).isEqualTo(Fingerprinter.POSTGRESQL.id("select * from order_items where order_id = $1"));
        assertThat(burst.start()).isEqualTo(T0.plusMillis(5));
        assertThat(burst.end()).isEqualTo(T0.plusMillis(295));
        assertThat(burst.driverText()).isEqualTo(driver);
        assertThat(burst.driverFingerprint()).isEqualTo(Fingerprinter.POSTGRESQL.id(driver));
    }

    @Test
    void aPreparedStatementLoopCountsThoughItsValuesAreNotInTheText() {
        run("s7", 0, "SELECT id, customer FROM orders WHERE placed = $1 ORDER BY id LIMIT 40");
        for (int i = 0; i < 40; i++) {
            run("s7", 2 + i * 3L, "SELECT name, region FROM customers WHERE id = $1");
        }
        detector.finish();

        assertThat(found).singleElement().satisfies(burst -> {
            assertThat(burst.calls()).isEqualTo(40);
            assertThat(burst.changedLiterals()).isZero();
            assertThat(burst.driverText()).startsWith("SELECT id, customer FROM orders");
        });
    }

    @Test
    void aPollRepeatingOneStatementAFewCallsOrAPauseIsNoBurst() {
        for (int i = 0; i < 50; i++) {
            run("poller", i * 100L, "select count(*) from jobs where state = 'ready'");
        }
        for (int i = 0; i < 19; i++) {
            run("short", i * 10L, "select * from t where id = " + i);
        }
        for (int i = 0; i < 30; i++) {
            run("paused", i * 10L + (i >= 15 ? 5_000 : 0), "select * from t where id = " + i);
        }
        detector.finish();

        assertThat(found).isEmpty();
    }

    @Test
    void interleavedSessionsAreFollowedApartAndASessionlessLogFallsBackToTheApplication() {
        for (int i = 0; i < 25; i++) {
            run("a", i * 20L, "select * from users where id = " + i);
            run("b", i * 20L + 1, "select * from posts where author_id = " + i);
            detector.accept(new LoggedStatement(T0.plusMillis(i * 20L + 2), "", "u", "db", "worker", 1, -1,
                    "select * from tags where id = " + i), 77L);
        }
        detector.finish();

        assertThat(found).extracting(BurstDetector.Burst::session).containsExactlyInAnyOrder("a", "b", "worker");
        assertThat(found).allMatch(b -> b.calls() == 25 && !b.hasDriver());
    }

    @Test
    void stateIsKeptForTheMostRecentSessionsOnlyAndAPushedOutBurstIsStillReported() {
        BurstDetector small = new BurstDetector(20, Duration.ofSeconds(1), 100, found::add);
        for (int i = 0; i < 20; i++) {
            small.accept("looping", 42L, T0.plusMillis(i), "select " + i);
        }
        for (int s = 0; s < 10_000; s++) {
            small.accept("session-" + s, s, T0.plusMillis(100 + s), "select 1");
            assertThat(small.sessionsFollowed()).isLessThanOrEqualTo(100);
        }
        assertThat(found).extracting(BurstDetector.Burst::session).containsExactly("looping");
    }
}
