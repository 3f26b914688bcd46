package io.knobwright.model.store;

import io.knobwright.model.workload.CounterPoll;
import io.knobwright.model.workload.CounterRates;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricPoint;
import io.knobwright.model.workload.PolledPoints;
import io.knobwright.model.workload.SeriesMaintenance;
import io.knobwright.model.workload.SeriesRetention;
import io.knobwright.model.workload.ServerEpoch;
import io.knobwright.model.workload.StatementCounters;
import io.knobwright.model.workload.WorkloadSeriesRepository;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class JooqWorkloadSeriesTest {

    private static final Instant T0 = Instant.parse("2026-12-01T00:00:00Z");
    private static final ServerEpoch EPOCH = new ServerEpoch(Instant.parse("2026-11-01T00:00:00Z"), null);

    private final KnobwrightStore store = KnobwrightStore.inMemory("series-" + System.nanoTime(), false);
    private final WorkloadSeriesRepository series = store.workloadSeries();

    @AfterEach
    void close() {
        store.close();
    }

    /** Polls every minute for {@code minutes}: 10 commits a second, connections = minute of the hour. */
    private void pollEveryMinute(long instance, Instant from, int minutes) {
        for (int i = 0; i < minutes; i++) {
            Instant at = from.plusSeconds(60L * i);
            long seconds = Duration.between(T0, at).toSeconds();
            CounterPoll raw = new CounterPoll(at, EPOCH, Map.of(Metric.COMMITS, 10.0 * seconds,
                    Metric.CONNECTIONS, (double) (i % 60)), List.of(new StatementCounters("q1", "SELECT $1", seconds, seconds * 0.5, seconds)));
            series.record(instance, raw, CounterRates.between(series.baseline(instance).orElse(null), raw));
        }
    }

    @Test
    void theNextPollComputesRatesAgainstTheStoredBaseline() {
        pollEveryMinute(1, T0, 3);

        List<MetricPoint> commits = series.points(1, Metric.COMMITS, T0, T0.plusSeconds(3600));
        assertThat(commits).extracting(MetricPoint::at).containsExactly(T0.plusSeconds(60), T0.plusSeconds(120));
        assertThat(commits).allSatisfy(p -> assertThat(p.value()).isCloseTo(10.0, within(1e-9)));
        assertThat(series.points(1, Metric.CONNECTIONS, T0, T0.plusSeconds(3600))).hasSize(3);
        assertThat(series.points(2, Metric.COMMITS, T0, T0.plusSeconds(3600))).isEmpty();
        CounterPoll baseline = series.baseline(1).orElseThrow();
        assertThat(baseline.values()).containsEntry(Metric.COMMITS, 1200.0);
        assertThat(baseline.epoch()).isEqualTo(EPOCH);
        assertThat(baseline.statements()).extracting(StatementCounters::calls).containsExactly(120L);
    }

    @Test
    void statementsAreSummedPerDigestWithTheirText() {
        pollEveryMinute(1, T0, 11);

        assertThat(series.statements(1, T0, T0.plusSeconds(3600)))
                .containsExactly(new StatementCounters("q1", "SELECT $1", 600, 300.0, 600));
    }

    @Test
    void oldPointsAreAveragedIntoFiveMinutesThenHoursThenDropped() {
        pollEveryMinute(1, T0, 120);
        SeriesRetention retention = new SeriesRetention(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3));

        SeriesMaintenance first = series.maintain(retention, T0.plus(Duration.ofHours(2)));
        List<MetricPoint> connections = series.points(1, Metric.CONNECTIONS, T0, T0.plus(Duration.ofHours(2)));
        // the first hour is now 12 five-minute averages (of minutes 0-4, 5-9, ...), the second hour still per minute
        assertThat(first.rawAveraged()).isEqualTo(60);
        assertThat(first.fiveMinuteWritten()).isEqualTo(12);
        assertThat(connections).hasSize(12 + 60);
        assertThat(connections.getFirst()).isEqualTo(new MetricPoint(T0, 2.0));
        assertThat(connections.get(1)).isEqualTo(new MetricPoint(T0.plusSeconds(300), 7.0));
        assertThat(series.statements(1, T0, T0.plus(Duration.ofHours(2))).getFirst().calls())
                .as("statements summed per hour keep their totals").isEqualTo(7140);

        series.maintain(retention, T0.plus(Duration.ofHours(3)));
        List<MetricPoint> hourly = series.points(1, Metric.CONNECTIONS, T0, T0.plus(Duration.ofHours(1)));
        assertThat(hourly).containsExactly(new MetricPoint(T0, 29.5));

        SeriesMaintenance last = series.maintain(retention, T0.plus(Duration.ofHours(5)));
        // by then the second hour was averaged into an hourly point as well, and both are past the three hours kept
        assertThat(last.hourlyDropped()).isEqualTo(2);
        assertThat(series.points(1, Metric.CONNECTIONS, T0, T0.plus(Duration.ofHours(5)))).isEmpty();
    }

    @Test
    void forgettingAnInstanceLeavesOthers() {
        pollEveryMinute(1, T0, 2);
        pollEveryMinute(2, T0, 2);

        series.forget(1);

        assertThat(series.baseline(1)).isEmpty();
        assertThat(series.points(1, Metric.CONNECTIONS, T0, T0.plusSeconds(600))).isEmpty();
        assertThat(series.points(2, Metric.CONNECTIONS, T0, T0.plusSeconds(600))).hasSize(2);
    }

    @Test
    void aMetricAddedLaterGetsItsOwnCodeAndOldOnesReadBack() {
        series.record(1, new CounterPoll(T0, EPOCH, Map.of(Metric.CONNECTIONS, 5.0)),
                new PolledPoints(T0, Map.of(Metric.CONNECTIONS, 5.0), List.of(), PolledPoints.Baseline.FIRST, java.util.Set.of()));
        series.record(1, new CounterPoll(T0.plusSeconds(60), EPOCH, Map.of(Metric.DATABASE_BYTES, 1e9)),
                new PolledPoints(T0.plusSeconds(60), Map.of(Metric.DATABASE_BYTES, 1e9, Metric.CONNECTIONS, 6.0), List.of(),
                        PolledPoints.Baseline.CONTINUED, java.util.Set.of()));

        assertThat(series.points(1, Metric.CONNECTIONS, T0, T0.plusSeconds(120))).extracting(MetricPoint::value).containsExactly(5.0, 6.0);
        assertThat(series.points(1, Metric.DATABASE_BYTES, T0, T0.plusSeconds(120))).extracting(MetricPoint::value).containsExactly(1e9);
    }

    @Test
    void oneReadOfSeveralMetricsGivesWhatAReadPerMetricGivesAcrossResolutions() {
        pollEveryMinute(1, T0, 120);
        pollEveryMinute(2, T0, 5);
        series.maintain(new SeriesRetention(Duration.ofHours(1), Duration.ofHours(2), Duration.ofHours(3)),
                T0.plus(Duration.ofHours(2)));
        Instant to = T0.plus(Duration.ofHours(2));

        Map<Metric, List<MetricPoint>> read = series.points(1, java.util.EnumSet.of(Metric.COMMITS, Metric.CONNECTIONS,
                Metric.DEADLOCKS), T0.plusSeconds(600), to);

        assertThat(read.get(Metric.COMMITS)).isNotEmpty()
                .isEqualTo(series.points(1, Metric.COMMITS, T0.plusSeconds(600), to));
        assertThat(read.get(Metric.CONNECTIONS)).hasSizeGreaterThan(60)
                .isEqualTo(series.points(1, Metric.CONNECTIONS, T0.plusSeconds(600), to));
        assertThat(read.get(Metric.DEADLOCKS)).isEmpty();
        assertThat(read).doesNotContainKey(Metric.WAL_BYTES);
    }

    @Test
    void appendedPollsAreReadLikeRecordedOnesAndLeaveTheBaselineAlone() {
        List<PolledPoints> polls = java.util.stream.IntStream.range(0, 3).mapToObj(i -> new PolledPoints(
                T0.plusSeconds(60L * i), Map.of(Metric.COMMITS, 10.0 + i, Metric.CONNECTIONS, 5.0), List.of(),
                PolledPoints.Baseline.CONTINUED, java.util.Set.of())).toList();

        int stored = series.appendPolls(7, polls);

        assertThat(stored).isEqualTo(3);
        assertThat(series.points(7, Metric.COMMITS, T0, T0.plusSeconds(3600))).extracting(MetricPoint::value)
                .containsExactly(10.0, 11.0, 12.0);
        assertThat(series.points(7, Metric.CONNECTIONS, T0, T0.plusSeconds(3600))).hasSize(3);
        assertThat(series.baseline(7)).isEmpty();
    }
}
