package io.knobwright.model.forecast;

import io.knobwright.model.workload.SizePoint;
import io.knobwright.model.forecast.SyntheticSizes.Shape;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;

import static io.knobwright.model.forecast.SyntheticSizes.GB;
import static io.knobwright.model.forecast.SyntheticSizes.MB;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StorageForecasterTest {

    private final StorageForecaster forecaster = new StorageForecaster();

    /** The first {@code days} days of a generated series, the 30 after them, and the forecast made at the cut. */
    private record Held(SizeSeries known, DailySizes truth, int last, StorageForecast forecast) {
        double actualGrowth() {
            return truth.values()[last + 30] - truth.values()[last];
        }

        double predictedGrowth() {
            return forecast.points().get(29).expectedBytes() - truth.values()[last];
        }

        double growthError() {
            return Math.abs(predictedGrowth() - actualGrowth()) / Math.abs(actualGrowth());
        }
    }

    private Held cut(Shape shape, long seed, int days) {
        SizeSeries all = SyntheticSizes.generate(shape, seed, 240);
        Instant end = SyntheticSizes.START.plus(Duration.ofDays(days + 1));
        SizeSeries known = SizeSeries.of(all.points().stream().filter(p -> p.at().isBefore(end)).toList());
        return new Held(known, DailySizes.of(all), DailySizes.of(known).size() - 1,
                forecaster.forecast(known, 30, OptionalLong.empty()));
    }

    @Test
    void aSteadyTrendIsForecastWithinTwentyPercentOfItsGrowth() {
        Held held = cut(Shape.STEADY, 3, 160);

        assertThat(held.growthError()).isLessThan(0.2);
        assertThat(held.forecast().dailyGrowthBytes()).isCloseTo(300.0 * MB, within(60.0 * MB));
        assertThat(held.forecast().backtest()).hasValueSatisfying(b -> {
            assertThat(b.horizonDays()).isEqualTo(30);
            assertThat(b.origins()).isGreaterThanOrEqualTo(Backtest.MIN_ORIGINS);
        });
        assertThat(held.forecast().points()).hasSize(30).allSatisfy(p ->
                assertThat(p.lowBytes()).isLessThanOrEqualTo(p.expectedBytes()).isLessThan(p.highBytes()));
        assertThat(held.forecast().points().getFirst().date()).isEqualTo(held.forecast().lastMeasuredDate().plusDays(1));
    }

    @Test
    void aWeeklyCycleGrowsOnWeekdaysInTheForecast() {
        Held held = cut(Shape.WEEKLY, 2, 160);

        assertThat(held.forecast().model()).contains("weekly profile");
        List<ForecastPoint> points = held.forecast().points();
        long weekendGrowth = 0;
        long weekdayGrowth = 0;
        for (int i = 1; i < points.size(); i++) {
            long growth = points.get(i).expectedBytes() - points.get(i - 1).expectedBytes();
            switch (points.get(i).date().getDayOfWeek()) {
                case SATURDAY, SUNDAY -> weekendGrowth += growth;
                default -> weekdayGrowth += growth;
            }
        }
        assertThat(weekdayGrowth / 20.0).isGreaterThan(3 * weekendGrowth / 8.0);
        assertThat(held.growthError()).isLessThan(0.2);
    }

    @Test
    void aBulkLoadMovesTheLevelButNotTheSlope() {
        Held held = cut(Shape.BULK_LOAD, 4, 135);

        assertThat(held.forecast().changePoints()).anySatisfy(c -> {
            assertThat(c.isLoad()).isTrue();
            assertThat((double) c.deltaBytes()).isCloseTo(25.0 * GB * 0.87, within(4.0 * GB));
        });
        assertThat(held.forecast().dailyGrowthBytes()).isCloseTo(250.0 * MB, within(60.0 * MB));
        assertThat(held.growthError()).isLessThan(0.2);
        assertThat(held.forecast().abnormal()).anySatisfy(a -> assertThat(a.reason()).startsWith("step up of"));
    }

    @Test
    void aWeeklyPurgeIsASawtoothNotAStep() {
        Held held = cut(Shape.PURGE_SAWTOOTH, 1, 175);

        assertThat(held.forecast().changePoints()).isEmpty();
        assertThat(held.forecast().model()).contains("weekly profile");
        // Net growth is 100 MB a day: 3 GB over 30 days, not 15 GB as the growth between purges would say.
        assertThat(held.predictedGrowth()).isBetween(1.5 * GB, 4.5 * GB);
    }

    @Test
    void anAcceleratingSeriesIsForecastAboveItsStraightLine() {
        Held held = cut(Shape.ACCELERATION, 5, 175);
        double[][] straight = ForecastBench.straightTrend(held.known(), held.last(), DailySizes.of(held.known()));

        assertThat(held.forecast().model()).containsAnyOf("linearly changing", "exponentially changing");
        assertThat(held.growthError()).isLessThan(0.2);
        assertThat((double) held.forecast().points().get(29).expectedBytes()).isGreaterThan(straight[1][29]);
    }

    @Test
    void aPlateauIsForecastFlat() {
        Held held = cut(Shape.PLATEAU, 6, 190);

        assertThat(Math.abs(held.predictedGrowth())).isLessThan(0.01 * held.truth().values()[held.last()]);
        assertThat(held.forecast().dailyGrowthBytes()).isLessThan(60.0 * MB);
    }

    @Test
    void theThresholdDateFollowsTheLineAndItsInterval() {
        List<SizePoint> points = new ArrayList<>();
        for (int d = 0; d < 120; d++) {
            points.add(new SizePoint(SyntheticSizes.START.plus(Duration.ofDays(d)).plusSeconds(3600 * 20),
                    100L * GB + d * GB + (d % 3 - 1) * 50 * MB));
        }
        StorageForecast forecast = forecaster.forecast(SizeSeries.of(points), 30, OptionalLong.of(300 * GB));

        ThresholdCrossing crossing = forecast.threshold().orElseThrow();
        LocalDate last = forecast.lastMeasuredDate();
        // 219 GB now, 1 GB a day: 300 GB in about 81 days.
        assertThat(crossing.expected()).isBetween(last.plusDays(78), last.plusDays(84));
        assertThat(crossing.earliest()).isBeforeOrEqualTo(crossing.expected());
        assertThat(crossing.latest()).isAfterOrEqualTo(crossing.expected());
        assertThat(crossing.alreadyReached()).isFalse();

        StorageForecast reached = forecaster.forecast(SizeSeries.of(points), 30, OptionalLong.of(200 * GB));
        assertThat(reached.threshold().orElseThrow().alreadyReached()).isTrue();
        StorageForecast far = forecaster.forecast(SizeSeries.of(points), 30, OptionalLong.of(5000 * GB));
        assertThat(far.threshold().orElseThrow().expected()).isNull();
    }

    @Test
    void aShortHistoryHasNoBacktestAndSaysSo() {
        Held held = cut(Shape.STEADY, 1, 40);

        assertThat(held.forecast().backtest()).isEmpty();
        assertThat(held.forecast().historyNote()).startsWith("not enough history");
        assertThat(held.forecast().intervalBasis()).contains("residuals");
        assertThat(held.forecast().points()).allSatisfy(p -> assertThat(p.highBytes()).isGreaterThan(p.lowBytes()));
    }

    @Test
    void suddenRecentGrowthIsAbnormal() {
        List<SizePoint> points = new ArrayList<>();
        long size = 50 * GB;
        for (int d = 0; d < 150; d++) {
            size += d < 146 ? 200 * MB + (d % 2) * 20 * MB : 900 * MB;
            points.add(new SizePoint(SyntheticSizes.START.plus(Duration.ofDays(d)), size));
        }
        StorageForecast forecast = forecaster.forecast(SizeSeries.of(points), 30, OptionalLong.empty());

        assertThat(forecast.abnormal()).first().satisfies(a -> assertThat(a.recent()).isTrue());
    }

    @Test
    void sizesFromOneDayOnlyAreRefusedWithAReason() {
        SizeSeries oneDay = SizeSeries.of(List.of(new SizePoint(SyntheticSizes.START, GB),
                new SizePoint(SyntheticSizes.START.plusSeconds(3600), GB + MB)));

        org.assertj.core.api.Assertions.assertThatThrownBy(() -> forecaster.forecast(oneDay, 30, OptionalLong.empty()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("at least two different days");
    }
}
