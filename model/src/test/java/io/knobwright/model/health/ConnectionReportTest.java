package io.knobwright.model.health;

import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

import static org.assertj.core.api.Assertions.assertThat;

class ConnectionReportTest {

    private static final Instant NOW = Instant.parse("2026-12-06T12:00:00Z");

    private static ConnectionSnapshot snapshot(int total, int max, int superuser, int reserved, List<ScopedLimit> scoped,
                                               List<IdleTransaction> idle) {
        List<ConnectionGroup> groups = List.of(new ConnectionGroup("billing", "app", "10.0.0.5", "shop", "idle", total - 2),
                new ConnectionGroup("reports", "bi", "10.0.0.9", "shop", "active", 2));
        return new ConnectionSnapshot(NOW, new ConnectionLimits(max, superuser, reserved, scoped), total, 2, groups, idle,
                Map.of("Lock", 1), List.of());
    }

    private static List<ConnectionUse> rising(double from, double perHour, int hours) {
        List<ConnectionUse> out = new ArrayList<>();
        for (int m = 0; m <= hours * 60; m += 5) {
            Instant at = NOW.minus(Duration.ofHours(hours)).plus(Duration.ofMinutes(m));
            out.add(new ConnectionUse(at, 100, 97, 2, Map.of(new ConnectionKey("billing", "app", "10.0.0.5"), from + perHour * m / 60.0)));
        }
        return out;
    }

    @Test
    void utilisationCountsAgainstMaxConnectionsLessWhatIsReserved() {
        ConnectionSnapshot s = snapshot(80, 100, 3, 2, List.of(), List.of());
        ConnectionReport r = ConnectionReport.of(s, List.of(), List.of(), OptionalInt.empty(), Duration.ofMinutes(5), NOW);

        assertThat(s.limits().usable()).isEqualTo(95);
        assertThat(r.utilisation()).isEqualTo(80 / 95.0);
        assertThat(r.alerts()).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(ConnectionReport.Severity.WARNING);
            assertThat(a.evidence()).contains("80 of 95 usable");
        });
        assertThat(r.byApplication()).containsEntry("billing", 78).containsEntry("reports", 2);
    }

    @Test
    void aRoleNearItsOwnLimitAlertsEvenWhenTheServerHasRoom() {
        ScopedLimit role = new ScopedLimit(ScopedLimit.Scope.ROLE, "app", 20, 19);
        ConnectionReport r = ConnectionReport.of(snapshot(21, 200, 3, 0, List.of(role), List.of()), List.of(), List.of(),
                OptionalInt.empty(), Duration.ofMinutes(5), NOW);

        assertThat(r.alerts()).singleElement().satisfies(a -> {
            assertThat(a.severity()).isEqualTo(ConnectionReport.Severity.CRITICAL);
            assertThat(a.what()).isEqualTo("role app near its connection limit");
        });
    }

    @Test
    void onlyTransactionsIdleLongerThanTheThresholdAreLeaks() {
        IdleTransaction old = new IdleTransaction("4711", "billing", "app", "10.0.0.5", "shop", 900, 880, "UPDATE accounts SET x = 1");
        IdleTransaction fresh = new IdleTransaction("4712", "billing", "app", "10.0.0.5", "shop", 3, 1, "SELECT 1");
        ConnectionReport r = ConnectionReport.of(snapshot(10, 100, 3, 0, List.of(), List.of(fresh, old)), List.of(), List.of(),
                OptionalInt.empty(), Duration.ofMinutes(5), NOW);

        assertThat(r.leaks()).containsExactly(old);
        assertThat(r.alerts()).singleElement().satisfies(a -> assertThat(a.evidence()).contains("4711", "billing", "900 s"));
    }

    @Test
    void risingUseGivesTheTimeUntilTheUsableLimit() {
        // 40 sessions 6 hours ago, +5 an hour: 70 now, 27 to go to 97 usable, 5.4 h left
        TimeLeft left = TimeLeft.fit(rising(40, 5, 6), 97, NOW);

        assertThat(left.rising()).isTrue();
        assertThat(left.perHour()).isCloseTo(5, org.assertj.core.data.Offset.offset(1e-9));
        assertThat(left.left().orElseThrow().toMinutes()).isBetween(323L, 325L);
        assertThat(left.basis()).contains("5.4 h left");
    }

    @Test
    void flatOrFallingUseIsNotRising() {
        assertThat(TimeLeft.fit(rising(40, 0, 6), 97, NOW).basis()).startsWith("not rising");
        assertThat(TimeLeft.fit(rising(60, -3, 6), 97, NOW).rising()).isFalse();
        assertThat(TimeLeft.fit(rising(40, 5, 6).subList(0, 2), 97, NOW).basis()).startsWith("not enough history");
    }

    @Test
    void aTrendThatReachesTheLimitWithinADayAlerts() {
        ConnectionReport r = ConnectionReport.of(snapshot(70, 100, 3, 0, List.of(), List.of()), rising(40, 5, 6), List.of(),
                OptionalInt.empty(), Duration.ofMinutes(5), NOW);

        assertThat(r.alerts()).extracting(ConnectionReport.Alert::what).contains("connections reach the limit at the current trend");
    }

    @Test
    void poolAdviceFollowsMeasuredConcurrencyWithinTheCoreBound() {
        List<Double> active = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            active.add(i < 95 ? 4.0 : 8.0);
        }
        ConnectionReport r = ConnectionReport.of(snapshot(60, 100, 3, 0, List.of(), List.of()), List.of(), active,
                OptionalInt.of(8), Duration.ofMinutes(5), NOW);

        PoolAdvice advice = r.advice();
        assertThat(advice.serverPool()).isEqualTo(10); // ceil(p99 8 x 1.25), under (8 x 2) + 1 = 17
        assertThat(advice.defaultPoolSize()).isEqualTo(5); // two user-database pairs
        assertThat(advice.maxClientConn()).isEqualTo(100);
        assertThat(advice.reasoning()).anyMatch(l -> l.contains("p95 4.0, p99 8.0"))
                .anyMatch(l -> l.contains("within the sanity bound (8 cores x 2) + 1 = 17"))
                .anyMatch(l -> l.contains("sit idle in application pools"));
    }

    @Test
    void concurrencyAboveTheCoreBoundIsCappedThereAndSaysWhy() {
        PoolAdvice advice = PoolAdvice.from(30, 40, 300, OptionalInt.of(4), 3, 497);

        assertThat(advice.serverPool()).isEqualTo(9);
        assertThat(advice.defaultPoolSize()).isEqualTo(3);
        assertThat(advice.maxClientConn()).isEqualTo(450);
        assertThat(advice.reasoning()).anyMatch(l -> l.contains("above the sanity bound (4 cores x 2) + 1 = 9"));
    }

    @Test
    void aFewPollsOfActiveSessionsAreNotYetAMeasure() {
        ConnectionReport r = ConnectionReport.of(snapshot(10, 100, 3, 0, List.of(), List.of()), List.of(), List.of(0.0, 1.0),
                OptionalInt.of(2), Duration.ofMinutes(5), NOW);

        assertThat(r.advice().reasoning().getFirst()).startsWith("active sessions not measured yet");
    }

    @Test
    void withoutMeasuredConcurrencyTheAdviceSaysSoAndStartsFromTheCores() {
        PoolAdvice advice = PoolAdvice.from(Double.NaN, Double.NaN, 12, OptionalInt.of(2), 1, 97);

        assertThat(advice.serverPool()).isEqualTo(5);
        assertThat(advice.reasoning().getFirst()).startsWith("active sessions not measured yet");
    }

    @Test
    void aPollKeepsTheLargestGroupsAndFoldsTheRestIntoOther() {
        List<ConnectionGroup> many = new ArrayList<>();
        for (int i = 0; i < 60; i++) {
            many.add(new ConnectionGroup("app" + i, "u", "c", "d", "idle", i + 1));
        }
        List<ConnectionGroup> kept = ConnectionSnapshot.bounded(many, 50);

        assertThat(kept).hasSize(51);
        assertThat(kept.getFirst().application()).isEqualTo("app59");
        assertThat(kept.getLast().application()).isEqualTo(ConnectionGroup.OTHER);
        assertThat(kept.stream().mapToInt(ConnectionGroup::count).sum()).isEqualTo(60 * 61 / 2);
    }
}
