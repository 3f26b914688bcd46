package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class FingerprintDigestTest {

    private static final Instant MONDAY_0930_BERLIN = Instant.parse("2026-03-02T08:30:00Z"); // CET, UTC+1

    private static LoggedStatement statement(Instant at, double ms, long rows, String text) {
        return new LoggedStatement(at, "s1", "app", "shop", "web", ms, rows, text);
    }

    @Test
    void countsCallsTimesRowsAndHoursPerFingerprint() {
        FingerprintDigest digest = new FingerprintDigest(Fingerprinter.POSTGRESQL, ZoneId.of("Europe/Berlin"));
        digest.add(statement(MONDAY_0930_BERLIN, 2.0, 1, "SELECT * FROM orders WHERE id = 42"));
        digest.add(statement(MONDAY_0930_BERLIN.plusSeconds(3600), 4.0, -1, "select * from orders where id = $1"));
        digest.add(statement(MONDAY_0930_BERLIN.plusSeconds(60), 6.0, 3, "select * from orders where id=7;"));
        digest.add(statement(MONDAY_0930_BERLIN, 1.0, -1, "select now()"));

        assertThat(digest.size()).isEqualTo(2);
        FingerprintSummary orders = digest.summaries().getFirst();
        assertThat(orders.normalized()).isEqualTo("select * from orders where id = ?");
        assertThat(orders.example()).isEqualTo("SELECT * FROM orders WHERE id = 42");
        assertThat(orders.calls()).isEqualTo(3);
        assertThat(orders.totalMs()).isEqualTo(12.0);
        assertThat(orders.meanMs()).isEqualTo(4.0);
        assertThat(orders.p50Ms()).isCloseTo(4.0, within(0.08));
        assertThat(orders.p99Ms()).isCloseTo(6.0, within(0.12));
        assertThat(orders.rows()).isEqualTo(4);
        assertThat(orders.firstSeen()).isEqualTo(MONDAY_0930_BERLIN);
        assertThat(orders.lastSeen()).isEqualTo(MONDAY_0930_BERLIN.plusSeconds(3600));
        assertThat(orders.hours().count(DayOfWeek.MONDAY, 9)).isEqualTo(2);
        assertThat(orders.hours().count(DayOfWeek.MONDAY, 10)).isEqualTo(1);
        assertThat(orders.hours().byHourOfDay()[9]).isEqualTo(2);
        assertThat(digest.summary(Fingerprinter.POSTGRESQL.id("select now()")).orElseThrow().rows()).isEqualTo(-1);
        assertThat(digest.hours().count(DayOfWeek.MONDAY, 9)).isEqualTo(3);
    }

    @Test
    void theExampleIsCutToTwoThousandCharacters() {
        FingerprintDigest digest = new FingerprintDigest(Fingerprinter.POSTGRESQL, ZoneOffset.UTC);
        digest.add(statement(MONDAY_0930_BERLIN, 1, -1, "select 1 /*" + "x".repeat(10_000) + "*/"));
        assertThat(digest.summaries().getFirst().example()).hasSize(FingerprintDigest.EXAMPLE_LIMIT);
    }

    @Test
    void pastItsCapacityTheLeastCalledFoldIntoOtherAndNoCallIsLost() {
        FingerprintDigest digest = new FingerprintDigest(Fingerprinter.POSTGRESQL, ZoneOffset.UTC, 100);
        for (int hot = 0; hot < 10; hot++) {
            for (int call = 0; call < 50; call++) {
                digest.add(statement(MONDAY_0930_BERLIN, 1, -1, "select * from hot_" + hot + " where id = " + call));
            }
        }
        for (int cold = 0; cold < 5_000; cold++) {
            digest.add(statement(MONDAY_0930_BERLIN, 2, -1, "select * from cold_" + cold));
        }

        assertThat(digest.size()).isLessThanOrEqualTo(100);
        for (int hot = 0; hot < 10; hot++) {
            assertThat(digest.summary(Fingerprinter.POSTGRESQL.id("select * from hot_" + hot + " where id = 1"))).isPresent();
        }
        long held = digest.summaries().stream().mapToLong(FingerprintSummary::calls).sum();
        assertThat(held + digest.other().calls()).isEqualTo(500 + 5_000);
        assertThat(digest.foldedFingerprints()).isEqualTo(10 + 5_000 - digest.size());
        assertThat(digest.other().normalized()).startsWith("(other");
    }

    @Test
    void twoDigestsMergedAnswerAsOneThatSawEveryStatement() {
        Random random = new Random(11);
        FingerprintDigest one = new FingerprintDigest(Fingerprinter.MYSQL, ZoneOffset.UTC);
        FingerprintDigest left = new FingerprintDigest(Fingerprinter.MYSQL, ZoneOffset.UTC);
        FingerprintDigest right = new FingerprintDigest(Fingerprinter.MYSQL, ZoneOffset.UTC);
        for (int i = 0; i < 20_000; i++) {
            LoggedStatement s = statement(MONDAY_0930_BERLIN.plusSeconds(random.nextInt(7 * 86_400)),
                    random.nextDouble() * 100, random.nextInt(5) - 1,
                    "SELECT `c" + random.nextInt(30) + "` FROM t WHERE id IN (" + "?,".repeat(random.nextInt(9)) + "?)");
            one.add(s);
            (i < 10_000 ? left : right).add(s);
        }
        left.merge(right);

        assertThat(left.size()).isEqualTo(one.size()).isEqualTo(30);
        for (FingerprintSummary expected : one.summaries()) {
            FingerprintSummary merged = left.summary(expected.id()).orElseThrow();
            assertThat(merged.calls()).isEqualTo(expected.calls());
            assertThat(merged.totalMs()).isCloseTo(expected.totalMs(), within(1e-6));
            assertThat(merged.p95Ms()).isEqualTo(expected.p95Ms());
            assertThat(merged.rows()).isEqualTo(expected.rows());
            assertThat(merged.firstSeen()).isEqualTo(expected.firstSeen());
            assertThat(merged.lastSeen()).isEqualTo(expected.lastSeen());
            for (int slot = 0; slot < WeekHourCounts.SLOTS; slot++) {
                assertThat(merged.hours().count(slot)).isEqualTo(expected.hours().count(slot));
            }
        }
    }
}
