package io.knobwright.model.workload;

import org.junit.jupiter.api.Test;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.function.ToDoubleFunction;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class WorkloadProfilerTest {

    /** A Monday, so that day 0 of a series is a weekday. */
    static final Instant START = Instant.parse("2026-11-02T00:00:00Z");
    static final long ID = 7;
    static final WorkloadProfiler.Facts FACTS = new WorkloadProfiler.Facts(16L << 30, 8192, ZoneOffset.UTC);

    /** One point every {@code step} over {@code days} days, valued by {@code value}. */
    static List<MetricPoint> series(int days, Duration step, ToDoubleFunction<Instant> value) {
        List<MetricPoint> points = new ArrayList<>();
        for (Instant t = START; t.isBefore(START.plus(Duration.ofDays(days))); t = t.plus(step)) {
            points.add(new MetricPoint(t, value.applyAsDouble(t)));
        }
        return points;
    }

    static List<MetricPoint> flat(double value) {
        return series(2, Duration.ofMinutes(10), t -> value);
    }

    private static WorkloadProfile profile(InMemoryMetricHistory history, List<QuerySummary> queries) {
        return new WorkloadProfiler(history).profile(ID, START, START.plus(Duration.ofDays(14)), FACTS, queries);
    }

    private static Map<String, Vote> votes(WorkloadProfile p) {
        return p.features().stream().collect(Collectors.toMap(Feature::name, Feature::vote));
    }

    @Test
    void shortBusyWritingTransactionsAreOltpAndEveryFeatureSaysWhy() {
        InMemoryMetricHistory h = new InMemoryMetricHistory()
                .add(ID, Metric.COMMITS, flat(400)).add(ID, Metric.ROLLBACKS, flat(4))
                .add(ID, Metric.READ_STATEMENTS, flat(2400)).add(ID, Metric.WRITE_STATEMENTS, flat(800))
                .add(ID, Metric.ROWS_READ, flat(9000)).add(ID, Metric.ROWS_WRITTEN, flat(900))
                .add(ID, Metric.ACTIVE_SESSIONS, flat(6.4)).add(ID, Metric.TEMP_BYTES, flat(0));

        WorkloadProfile p = profile(h, List.of());

        assertThat(p.workloadClass()).isEqualTo(WorkloadClass.OLTP);
        assertThat(votes(p)).containsEntry("mean statement time", Vote.OLTP).containsEntry("rows per statement", Vote.OLTP)
                .containsEntry("write share", Vote.OLTP).containsEntry("transaction rate", Vote.OLTP)
                .containsEntry("temp spill per transaction", Vote.OLTP);
        // Little's law: 6.4 sessions / 3200 statements per second = 2 ms each
        Feature mean = p.features().getFirst();
        assertThat(mean.value()).isCloseTo(2.0, within(1e-9));
        assertThat(mean.basis()).contains("Little");
        assertThat(mean.threshold()).isEqualTo("OLTP <= 10 ms, OLAP >= 500 ms");
        assertThat(p.features().get(2).threshold()).isEqualTo("OLTP >= 15 %, OLAP <= 2 %");
        assertThat(p.features().get(4).threshold()).isEqualTo("OLTP <= 1 KiB, OLAP >= 1 MiB");
        assertThat(p.transactionsPerSecond()).isCloseTo(404, within(1e-9));
        assertThat(p.readWriteMix().writeShare()).isCloseTo(0.25, within(1e-9));
    }

    @Test
    void longScanningSpillingQueriesAreOlap() {
        InMemoryMetricHistory h = new InMemoryMetricHistory()
                .add(ID, Metric.COMMITS, flat(0.5)).add(ID, Metric.TEMP_BYTES, flat(40e6))
                .add(ID, Metric.ACTIVE_SESSIONS, flat(8));
        List<QuerySummary> queries = List.of(
                new QuerySummary("a1", "SELECT region, sum(amount) FROM sales GROUP BY region", 1800, 1.8e7, 10_000, 24_000,
                        90_000_000, 5L << 30, List.of()),
                new QuerySummary("b2", "INSERT INTO sales SELECT * FROM staging", 10, 60_000, 6_000, 9_000, 2_000_000, 0,
                        List.of()));

        WorkloadProfile p = profile(h, queries);

        assertThat(p.workloadClass()).isEqualTo(WorkloadClass.OLAP);
        assertThat(votes(p)).containsEntry("mean statement time", Vote.OLAP).containsEntry("rows per statement", Vote.OLAP)
                .containsEntry("transaction rate", Vote.OLAP).containsEntry("temp spill per transaction", Vote.OLAP)
                .containsEntry("write share", Vote.UNKNOWN);
        assertThat(p.features().getFirst().basis()).contains("query digest");
        assertThat(p.tempSpill().sortHashHeavyShare()).isCloseTo(1.8e7 / (1.8e7 + 60_000), within(1e-9));
        assertThat(p.tempSpill().spillingQueries()).isEqualTo(1);
    }

    @Test
    void busyTransactionsBesideLongReportsAreMixed() {
        InMemoryMetricHistory h = new InMemoryMetricHistory()
                .add(ID, Metric.COMMITS, flat(120))
                .add(ID, Metric.READ_STATEMENTS, flat(300)).add(ID, Metric.WRITE_STATEMENTS, flat(100))
                .add(ID, Metric.ROWS_READ, flat(6_000_000)).add(ID, Metric.ROWS_WRITTEN, flat(400))
                .add(ID, Metric.ACTIVE_SESSIONS, flat(240)).add(ID, Metric.TEMP_BYTES, flat(300e6));

        WorkloadProfile p = profile(h, List.of());

        // 2 OLTP votes (transaction rate, write share) against 3 OLAP ones: no side has 75 %
        assertThat(votes(p)).containsEntry("transaction rate", Vote.OLTP).containsEntry("write share", Vote.OLTP)
                .containsEntry("mean statement time", Vote.OLAP).containsEntry("rows per statement", Vote.OLAP)
                .containsEntry("temp spill per transaction", Vote.OLAP);
        assertThat(p.workloadClass()).isEqualTo(WorkloadClass.MIXED);
    }

    @Test
    void valuesBetweenTheThresholdsVoteNeitherWay() {
        InMemoryMetricHistory h = new InMemoryMetricHistory()
                .add(ID, Metric.COMMITS, flat(10))
                .add(ID, Metric.READ_STATEMENTS, flat(95)).add(ID, Metric.WRITE_STATEMENTS, flat(5))
                .add(ID, Metric.ACTIVE_SESSIONS, flat(5));

        WorkloadProfile p = profile(h, List.of());

        assertThat(votes(p)).containsEntry("transaction rate", Vote.NEITHER).containsEntry("write share", Vote.NEITHER)
                .containsEntry("mean statement time", Vote.NEITHER);
        assertThat(p.workloadClass()).isEqualTo(WorkloadClass.MIXED);
    }

    @Test
    void nothingCollectedLeavesTheClassUnknown() {
        WorkloadProfile p = profile(new InMemoryMetricHistory(), List.of());

        assertThat(p.hasData()).isFalse();
        assertThat(p.workloadClass()).isEqualTo(WorkloadClass.UNKNOWN);
        assertThat(p.classSummary()).contains("0 of 5 features measured");
        assertThat(p.features()).allMatch(f -> f.vote() == Vote.UNKNOWN);
        assertThat(p.heatMap().isEmpty()).isTrue();
        assertThat(p.shifts()).isEmpty();
    }

    @Test
    void heatMapShowsBusyWeekdayOfficeHoursAndNamesThePeak() {
        // 2,000 commits/s 9:00-17:59 on weekdays, 100/s otherwise
        ToDoubleFunction<Instant> office = t -> {
            ZonedDateTime z = t.atZone(ZoneOffset.UTC);
            boolean weekday = z.getDayOfWeek().getValue() <= 5;
            return weekday && z.getHour() >= 9 && z.getHour() <= 17 ? 2000 : 100;
        };
        InMemoryMetricHistory h = new InMemoryMetricHistory().add(ID, Metric.COMMITS, series(14, Duration.ofMinutes(5), office));

        WorkloadProfile p = profile(h, List.of());

        assertThat(p.heatMap().metric()).isEqualTo(Metric.COMMITS);
        assertThat(p.heatMap().mean(DayOfWeek.WEDNESDAY, 10)).isEqualTo(2000);
        assertThat(p.heatMap().mean(DayOfWeek.WEDNESDAY, 3)).isEqualTo(100);
        assertThat(p.heatMap().mean(DayOfWeek.SUNDAY, 10)).isEqualTo(100);
        // hour-of-day mean at 10:00 = (5 x 2000 + 2 x 100) / 7 = 1457; the cut is 80 % of that
        assertThat(p.peakHours()).containsExactly(9, 10, 11, 12, 13, 14, 15, 16, 17);
        assertThat(p.shifts()).as("a weekly rhythm is a pattern, not a shift").isEmpty();
    }

    @Test
    void heatMapFollowsTheTimeZoneAskedFor() {
        List<MetricPoint> oneHour = List.of(new MetricPoint(Instant.parse("2026-11-04T23:30:00Z"), 50));
        WeekHourGrid tokyo = WeekHourGrid.of(Metric.ACTIVE_SESSIONS, oneHour, java.time.ZoneId.of("Asia/Tokyo"));

        assertThat(tokyo.mean(DayOfWeek.THURSDAY, 8)).isEqualTo(50);
        assertThat(tokyo.mean(DayOfWeek.WEDNESDAY, 23)).isNaN();
    }

    @Test
    void workingSetFromHitRatioAndMemoryWithVerdict() {
        InMemoryMetricHistory h = new InMemoryMetricHistory()
                .add(ID, Metric.BLOCKS_HIT, flat(95_000)).add(ID, Metric.BLOCKS_READ, flat(5_000))
                .add(ID, Metric.DATABASE_BYTES, flat(200e9));

        WorkloadProfile.WorkingSet ws = profile(h, List.of()).workingSet();

        assertThat(ws.hitRatio()).isCloseTo(0.95, within(1e-12));
        assertThat(ws.fit()).isEqualTo(WorkloadProfile.Fit.TIGHT);
        assertThat(ws.estimatedBytes()).isCloseTo((16L << 30) / 0.95, within(1.0));
        assertThat(ws.physicalReadBytesPerSec()).isCloseTo(5_000 * 8192, within(1e-6));
    }

    @Test
    void workingSetIsCappedByTheDatabaseAndUnknownMemoryStillGivesAVerdict() {
        InMemoryMetricHistory h = new InMemoryMetricHistory()
                .add(ID, Metric.BLOCKS_HIT, flat(50_000)).add(ID, Metric.BLOCKS_READ, flat(50_000))
                .add(ID, Metric.DATABASE_BYTES, flat(20e9));

        WorkloadProfile capped = profile(h, List.of());
        WorkloadProfile noMemory = new WorkloadProfiler(h).profile(ID, START, START.plus(Duration.ofDays(2)),
                new WorkloadProfiler.Facts(0, 8192, ZoneOffset.UTC));

        assertThat(capped.workingSet().estimatedBytes()).isEqualTo(20e9);
        assertThat(capped.workingSet().fit()).isEqualTo(WorkloadProfile.Fit.EXCEEDS);
        assertThat(noMemory.workingSet().estimatedBytes()).isNaN();
        assertThat(noMemory.workingSet().fit()).isEqualTo(WorkloadProfile.Fit.EXCEEDS);
        assertThat(noMemory.workingSet().method()).contains("--ram");
    }

    @Test
    void checkpointPressureWalAndConnectionUse() {
        InMemoryMetricHistory h = new InMemoryMetricHistory()
                .add(ID, Metric.CHECKPOINTS_TIMED, flat(1 / 300.0)).add(ID, Metric.CHECKPOINTS_REQUESTED, flat(3 / 300.0))
                .add(ID, Metric.BUFFERS_WRITTEN_BY_BACKENDS, flat(100)).add(ID, Metric.BUFFERS_WRITTEN_BY_CHECKPOINTS, flat(300))
                .add(ID, Metric.WAL_BYTES, flat(8e6))
                .add(ID, Metric.CONNECTIONS, series(2, Duration.ofMinutes(10), t -> t.getEpochSecond() % 1200 == 0 ? 90 : 50))
                .add(ID, Metric.MAX_CONNECTIONS, flat(100));

        WorkloadProfile p = profile(h, List.of());

        assertThat(p.checkpoints().timedPerHour()).isCloseTo(12, within(1e-9));
        assertThat(p.checkpoints().requestedShare()).isCloseTo(0.75, within(1e-9));
        assertThat(p.checkpoints().backendWriteShare()).isCloseTo(0.25, within(1e-9));
        assertThat(p.wal().meanBytesPerSecond()).isEqualTo(8e6);
        assertThat(p.connections().meanUse()).isCloseTo(0.70, within(1e-9));
        assertThat(p.connections().peakUse()).isCloseTo(0.90, within(1e-9));
    }

    @Test
    void concurrencyHasMeanP95AndMax() {
        List<MetricPoint> sessions = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            sessions.add(new MetricPoint(START.plusSeconds(60L * i), i + 1));
        }
        WorkloadProfile p = profile(new InMemoryMetricHistory().add(ID, Metric.ACTIVE_SESSIONS, sessions), List.of());

        assertThat(p.concurrency().mean()).isEqualTo(50.5);
        assertThat(p.concurrency().p95()).isEqualTo(95);
        assertThat(p.concurrency().max()).isEqualTo(100);
    }

    @Test
    void aDoublingOfCommitsIsFoundAtTheHourItHappenedDespiteTheDailyCycleAndNoise() {
        Instant change = START.plus(Duration.ofDays(9)).plus(Duration.ofHours(14));
        Random random = new Random(11);
        List<MetricPoint> commits = series(14, Duration.ofMinutes(1), t -> {
            double daily = 300 + 200 * Math.sin(2 * Math.PI * (t.getEpochSecond() % 86_400) / 86_400.0);
            double level = t.isBefore(change) ? 1 : 2;
            return Math.max(0, level * daily * (1 + 0.15 * random.nextGaussian()));
        });
        WorkloadProfile p = profile(new InMemoryMetricHistory().add(ID, Metric.COMMITS, commits), List.of());

        assertThat(p.shifts()).hasSize(1);
        ChangePoints.Shift shift = p.shifts().getFirst();
        assertThat(shift.metric()).isEqualTo(Metric.COMMITS);
        assertThat(Duration.between(change, shift.at()).abs()).isLessThanOrEqualTo(Duration.ofHours(1));
        assertThat(shift.before()).isCloseTo(300, within(30.0));
        assertThat(shift.after()).isCloseTo(600, within(60.0));
        assertThat(shift.relativeChange()).isCloseTo(1.0, within(0.2));
    }

    @Test
    void aDropOfActiveSessionsIsReportedAsADrop() {
        Instant change = START.plus(Duration.ofDays(2)).plus(Duration.ofHours(5));
        Random random = new Random(3);
        List<MetricPoint> sessions = series(4, Duration.ofMinutes(5),
                t -> (t.isBefore(change) ? 40 : 12) + 3 * random.nextGaussian());

        List<ChangePoints.Shift> shifts = ChangePoints.detect(Metric.ACTIVE_SESSIONS, sessions);

        assertThat(shifts).singleElement().satisfies(s -> {
            assertThat(s.at()).isEqualTo(change);
            assertThat(s.after()).isLessThan(s.before());
        });
    }

    @Test
    void noShiftIsFoundInNoiseOfTwentySeeds() {
        for (long seed = 1; seed <= 20; seed++) {
            Random random = new Random(seed);
            List<MetricPoint> noise = series(14, Duration.ofMinutes(5), t -> {
                double daily = 300 + 200 * Math.sin(2 * Math.PI * (t.getEpochSecond() % 86_400) / 86_400.0);
                return Math.max(0, daily * (1 + 0.3 * random.nextGaussian()));
            });
            List<MetricPoint> spiky = series(7, Duration.ofMinutes(1),
                    t -> 20 + 4 * random.nextGaussian() + (random.nextDouble() < 0.01 ? 200 : 0));

            assertThat(ChangePoints.detect(Metric.COMMITS, noise)).as("seed %d", seed).isEmpty();
            assertThat(ChangePoints.detect(Metric.ACTIVE_SESSIONS, spiky)).as("spiky seed %d", seed).isEmpty();
        }
    }

    @Test
    void aSmallShiftIsNotAWorkloadShift() {
        Instant change = START.plus(Duration.ofDays(3));
        List<MetricPoint> steady = series(6, Duration.ofMinutes(5), t -> t.isBefore(change) ? 100 : 110);

        assertThat(ChangePoints.detect(Metric.COMMITS, steady)).isEmpty();
    }
}
