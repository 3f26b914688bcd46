package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CounterRatesTest {

    private static final Instant T0 = Instant.parse("2026-12-06T10:00:00Z");
    private static final Instant STARTED = Instant.parse("2026-12-01T08:00:00Z");
    private static final ServerEpoch EPOCH = new ServerEpoch(STARTED, null);

    private static CounterPoll poll(int secondsAfter, ServerEpoch epoch, double commits, double connections) {
        return new CounterPoll(T0.plusSeconds(secondsAfter), epoch, Map.of(Metric.COMMITS, commits, Metric.CONNECTIONS, connections));
    }

    @Test
    void counterBecomesItsIncreasePerSecondAndGaugePassesThrough() {
        PolledPoints points = CounterRates.between(poll(0, EPOCH, 1_000, 10), poll(60, EPOCH, 7_000, 12));

        assertThat(points.baseline()).isEqualTo(PolledPoints.Baseline.CONTINUED);
        assertThat(points.points().get(Metric.COMMITS)).isCloseTo(100.0, within(1e-9));
        assertThat(points.points().get(Metric.CONNECTIONS)).isEqualTo(12.0);
    }

    @Test
    void firstPollStoresTheBaselineAndYieldsOnlyGauges() {
        PolledPoints points = CounterRates.between(null, poll(0, EPOCH, 1_000, 10));

        assertThat(points.baseline()).isEqualTo(PolledPoints.Baseline.FIRST);
        assertThat(points.points()).containsOnlyKeys(Metric.CONNECTIONS);
    }

    @Test
    void restartStartsANewBaselineInsteadOfANegativeRate() {
        ServerEpoch restarted = new ServerEpoch(T0.plusSeconds(30), null);
        PolledPoints points = CounterRates.between(poll(0, EPOCH, 1_000_000, 10), poll(60, restarted, 50, 3));

        assertThat(points.baseline()).isEqualTo(PolledPoints.Baseline.SERVER_RESTARTED);
        assertThat(points.points()).doesNotContainKey(Metric.COMMITS).containsEntry(Metric.CONNECTIONS, 3.0);
    }

    @Test
    void restartIsCaughtEvenWhenTheCountersGrewPastTheirOldValue() {
        // A busy server restarted early in the interval counts more than before: only the epoch tells
        ServerEpoch restarted = new ServerEpoch(T0.plusSeconds(5), null);
        PolledPoints points = CounterRates.between(poll(0, EPOCH, 100, 10), poll(60, restarted, 5_000, 10));

        assertThat(points.baseline()).isEqualTo(PolledPoints.Baseline.SERVER_RESTARTED);
        assertThat(points.points()).doesNotContainKey(Metric.COMMITS);
    }

    @Test
    void statisticsResetStartsANewBaseline() {
        ServerEpoch reset = new ServerEpoch(STARTED, T0.plusSeconds(20));
        PolledPoints points = CounterRates.between(poll(0, EPOCH, 900, 10), poll(60, reset, 1_000, 10));

        assertThat(points.baseline()).isEqualTo(PolledPoints.Baseline.STATISTICS_RESET);
        assertThat(points.points()).doesNotContainKey(Metric.COMMITS);
    }

    @Test
    void startTimeDerivedFromUptimeMayWobbleByASecondWithoutReadingAsARestart() {
        ServerEpoch wobbled = new ServerEpoch(STARTED.plusSeconds(1), null);
        PolledPoints points = CounterRates.between(poll(0, EPOCH, 0, 1), poll(10, wobbled, 50, 1));

        assertThat(points.baseline()).isEqualTo(PolledPoints.Baseline.CONTINUED);
        assertThat(points.points().get(Metric.COMMITS)).isCloseTo(5.0, within(1e-9));
    }

    @Test
    void aCounterThatWentDownAloneRestartsAloneAndTheOthersKeepTheirRates() {
        CounterPoll before = new CounterPoll(T0, EPOCH, Map.of(Metric.COMMITS, 100.0, Metric.DEADLOCKS, 40.0));
        CounterPoll after = new CounterPoll(T0.plusSeconds(10), EPOCH, Map.of(Metric.COMMITS, 200.0, Metric.DEADLOCKS, 2.0));

        PolledPoints points = CounterRates.between(before, after);

        assertThat(points.restartedCounters()).containsExactly(Metric.DEADLOCKS);
        assertThat(points.points()).containsOnlyKeys(Metric.COMMITS);
        assertThat(points.points().get(Metric.COMMITS)).isCloseTo(10.0, within(1e-9));
    }

    @Test
    void noTimeBetweenPollsGivesNoRate() {
        PolledPoints points = CounterRates.between(poll(0, EPOCH, 1, 1), poll(0, EPOCH, 2, 1));

        assertThat(points.baseline()).isEqualTo(PolledPoints.Baseline.NO_INTERVAL);
        assertThat(points.points()).doesNotContainKey(Metric.COMMITS);
    }

    @Test
    void statementDeltasCountOnlyWhatRanAndNewDigestsFromZero() {
        List<StatementCounters> before = List.of(new StatementCounters("a", "SELECT 1", 10, 5.0, 10),
                new StatementCounters("b", "SELECT 2", 3, 1.0, 3), new StatementCounters("c", "SELECT 3", 50, 20.0, 50));
        List<StatementCounters> after = List.of(new StatementCounters("a", "SELECT 1", 15, 7.5, 15),
                new StatementCounters("b", "SELECT 2", 3, 1.0, 3), new StatementCounters("c", "SELECT 3", 4, 2.0, 4),
                new StatementCounters("d", "SELECT 4", 2, 0.5, 1));

        PolledPoints points = CounterRates.between(new CounterPoll(T0, EPOCH, Map.of(), before),
                new CounterPoll(T0.plusSeconds(60), EPOCH, Map.of(), after));

        assertThat(points.statementDeltas()).containsExactly(new StatementCounters("a", "SELECT 1", 5, 2.5, 5),
                new StatementCounters("c", "SELECT 3", 4, 2.0, 4), new StatementCounters("d", "SELECT 4", 2, 0.5, 1));
    }

    @Test
    void blockingChainsStartAtTheSessionThatWaitsForNobody() {
        BlockingChains chains = new BlockingChains(List.of(
                new BlockedSession("200", List.of("100"), "app", "shop", "active", "UPDATE t SET x = 2", 12),
                new BlockedSession("300", List.of("200"), "app", "shop", "active", "UPDATE t SET x = 3", 4),
                new BlockedSession("100", List.of(), "batch", "shop", "idle in transaction", "UPDATE t SET x = 1", 45)));

        assertThat(chains.waiting()).isEqualTo(2);
        assertThat(chains.heads()).extracting(BlockedSession::session).containsExactly("100");
        assertThat(chains.lines()).containsExactly(
                "session 100 (batch@shop) idle in transaction 45 s: UPDATE t SET x = 1",
                "  <- session 200 (app@shop) waiting 12 s: UPDATE t SET x = 2",
                "    <- session 300 (app@shop) waiting 4 s: UPDATE t SET x = 3");
    }
}
