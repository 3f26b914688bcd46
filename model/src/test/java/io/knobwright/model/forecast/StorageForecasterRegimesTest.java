package io.knobwright.model.forecast;

import io.knobwright.model.workload.SizePoint;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.SplittableRandom;
import java.util.function.IntToDoubleFunction;

import static io.knobwright.model.forecast.SyntheticSizes.GB;
import static io.knobwright.model.forecast.SyntheticSizes.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

/** Recurring steps, one-off steps, changes of growth and the interval right after a step (decision 0129). */
class StorageForecasterRegimesTest {

    private final StorageForecaster forecaster = new StorageForecaster();

    /** Daily readings at 20:00 UTC from 60 GB, day d growing by {@code growth(d)} plus 10% noise of {@code noiseBase}. */
    private static List<SizePoint> series(int days, IntToDoubleFunction growth, double noiseBase, long seed) {
        SplittableRandom random = new SplittableRandom(seed);
        List<SizePoint> points = new ArrayList<>();
        double size = 60.0 * GB;
        for (int d = 0; d < days; d++) {
            size += growth.applyAsDouble(d) + 0.1 * noiseBase * (random.nextDouble() * 2 - 1) * Math.sqrt(3);
            points.add(new SizePoint(SyntheticSizes.START.plus(Duration.ofDays(d)).plusSeconds(20 * 3600), Math.round(size)));
        }
        return points;
    }

    private static double sum(IntToDoubleFunction growth, int fromDay, int toDay) {
        double total = 0;
        for (int d = fromDay; d <= toDay; d++) {
            total += growth.applyAsDouble(d);
        }
        return total;
    }

    @Test
    void dropsEveryTenDaysAreSeasonalityAndTheNetGrowthIsForecast() {
        // 400 MB a day and a partition of 3.5 GB dropped every 10 days: net 42 MB a day, not 400.
        IntToDoubleFunction growth = d -> 400.0 * MB - (d % 10 == 9 ? 3.5 * GB : 0);
        StorageForecast forecast = forecaster.forecast(SizeSeries.of(series(150, growth, 400.0 * MB, 1)), 30, OptionalLong.empty());

        assertThat(forecast.changePoints()).as("a recurring drop is not a change point").isEmpty();
        assertThat(forecast.model()).contains("a drop of").contains("every 10 days");
        double predicted = forecast.points().get(29).expectedBytes() - forecast.lastMeasuredBytes();
        assertThat(predicted).isCloseTo(sum(growth, 150, 179), within(1.0 * GB));
        // The sawtooth goes on: the forecast drops on the days the partition goes.
        ForecastPoint beforeDrop = forecast.points().get(8);
        ForecastPoint dropDay = forecast.points().get(9);
        assertThat(dropDay.date()).isEqualTo(SyntheticSizes.START.atZone(java.time.ZoneOffset.UTC).toLocalDate().plusDays(159));
        assertThat(beforeDrop.expectedBytes() - dropDay.expectedBytes()).isGreaterThan(2 * GB);
    }

    @Test
    void aOneOffPurgeMovesTheLevelButDoesNotBendTheForecast() {
        IntToDoubleFunction growth = d -> 300.0 * MB - (d == 120 ? 20.0 * GB : 0);
        StorageForecast forecast = forecaster.forecast(SizeSeries.of(series(150, growth, 300.0 * MB, 2)), 30, OptionalLong.empty());

        assertThat(forecast.changePoints()).singleElement().satisfies(step -> {
            assertThat(step.isLoad()).isFalse();
            assertThat((double) step.deltaBytes()).isCloseTo(-20.0 * GB, within(1.0 * GB));
        });
        assertThat(forecast.model()).doesNotContain("every").doesNotContain("growth changed");
        assertThat(forecast.dailyGrowthBytes()).isCloseTo(300.0 * MB, within(30.0 * MB));
        double predicted = forecast.points().get(29).expectedBytes() - forecast.lastMeasuredBytes();
        assertThat(predicted).isCloseTo(30 * 300.0 * MB, within(0.2 * 30 * 300 * MB));
    }

    @Test
    void growthSlowingToAPlateauIsATrendBreakAndTheIntervalIsWideRightAfterIt() {
        IntToDoubleFunction growth = d -> d < 120 ? 400.0 * MB : 5.0 * MB;
        List<SizePoint> all = series(240, growth, 400.0 * MB, 3);
        StorageForecast justAfter = forecaster.forecast(SizeSeries.of(all.subList(0, 135)), 30, OptionalLong.empty());
        StorageForecast longAfter = forecaster.forecast(SizeSeries.of(all.subList(0, 240)), 30, OptionalLong.empty());

        assertThat(justAfter.model()).contains("growth changed on 2026-05-05");
        assertThat(justAfter.dailyGrowthBytes()).isLessThan(50.0 * MB);
        assertThat(justAfter.abnormal()).anySatisfy(a -> assertThat(a.reason()).startsWith("growth changed from"));
        assertThat(justAfter.historyNote()).contains("since the growth changed");
        double predicted = justAfter.points().get(29).expectedBytes() - justAfter.lastMeasuredBytes();
        assertThat(predicted).as("flat, not 12 GB more").isLessThan(1.5 * GB);
        ForecastPoint in30 = justAfter.points().get(29);
        double actual = all.get(134 + 30 < 240 ? 164 : 239).bytes();
        assertThat(actual).isBetween((double) in30.lowBytes(), (double) in30.highBytes());
        long widthJustAfter = in30.highBytes() - in30.lowBytes();
        long widthLongAfter = longAfter.points().get(29).highBytes() - longAfter.points().get(29).lowBytes();
        assertThat(widthJustAfter).as("15 days of the new growth say less than 120").isGreaterThan(widthLongAfter);
    }

    @Test
    void growthSpeedingUpIsATrendBreakToo() {
        IntToDoubleFunction growth = d -> d < 110 ? 100.0 * MB : 600.0 * MB;
        StorageForecast forecast = forecaster.forecast(SizeSeries.of(series(135, growth, 100.0 * MB, 4)), 30, OptionalLong.empty());

        assertThat(forecast.model()).contains("growth changed on");
        assertThat(forecast.dailyGrowthBytes()).isCloseTo(600.0 * MB, within(100.0 * MB));
    }

    @Test
    void aGentlyAcceleratingSeriesHasNoTrendBreak() {
        for (long seed = 1; seed <= 5; seed++) {
            StorageForecast forecast = forecaster.forecast(SyntheticSizes.generate(SyntheticSizes.Shape.ACCELERATION, seed, 200),
                    30, OptionalLong.empty());
            assertThat(forecast.model()).doesNotContain("growth changed");
        }
    }

    @Test
    void theIntervalNeverCollapsesRightAfterAStepOnASmoothHistory() {
        // Imported: 150 days on an exact line (a smoothed export); measured: a much smaller total, 1 to 3 days of it.
        List<SizePoint> imported = new ArrayList<>();
        for (int d = 0; d < 150; d++) {
            imported.add(new SizePoint(SyntheticSizes.START.plus(Duration.ofDays(d)), 100L * GB + d * 512L * MB));
        }
        for (int measuredDays = 1; measuredDays <= 3; measuredDays++) {
            List<SizePoint> points = new ArrayList<>(imported);
            for (int d = 150; d < 150 + measuredDays; d++) {
                for (int reading = 0; reading < 3; reading++) {
                    points.add(new SizePoint(SyntheticSizes.START.plus(Duration.ofDays(d)).plusSeconds(3600 * (1 + 6 * reading)),
                            20L * GB + d * 1000L + reading * 70_000L));
                }
            }
            StorageForecast forecast = forecaster.forecast(SizeSeries.of(points), 30, OptionalLong.empty());

            assertThat(forecast.changePoints()).isNotEmpty();
            assertThat(forecast.points()).allSatisfy(p -> {
                assertThat(p.highBytes()).isGreaterThan(p.expectedBytes());
                assertThat(p.lowBytes()).isLessThan(p.expectedBytes());
            });
            ForecastPoint first = forecast.points().getFirst();
            ForecastPoint last = forecast.points().getLast();
            assertThat(last.highBytes() - last.lowBytes()).isGreaterThan(first.highBytes() - first.lowBytes());
            // At least 0.01% of the size a day as a random walk: about 2 MB a day on 20 GB.
            assertThat(first.highBytes() - first.expectedBytes()).isGreaterThan(2 * MB);
            // The growth was learnt before the step: within a week after it, half of it either way (30 days: 0.8 of
            // 15 GB, less what the level and noise add in quadrature) - a smooth export must not make it look certain.
            double growth30 = last.expectedBytes() - forecast.lastMeasuredBytes();
            assertThat(last.highBytes() - last.expectedBytes()).isGreaterThan((long) (0.4 * Math.abs(growth30)));
        }
    }

    @Test
    void aFlatHistoryStillHasAnInterval() {
        List<SizePoint> points = new ArrayList<>();
        for (int d = 0; d < 120; d++) {
            points.add(new SizePoint(SyntheticSizes.START.plus(Duration.ofDays(d)), 50L * GB));
        }
        StorageForecast forecast = forecaster.forecast(SizeSeries.of(points), 30, OptionalLong.empty());

        assertThat(forecast.points()).allSatisfy(p -> assertThat(p.highBytes()).isGreaterThan(p.lowBytes()));
    }
}
