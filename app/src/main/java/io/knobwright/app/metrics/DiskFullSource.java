package io.knobwright.app.metrics;

import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.health.StorageForecastService;
import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.SizeSeriesRepository;
import io.knobwright.model.forecast.ThresholdCrossing;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * {@code knobwright_disk_full_days}: days until an instance's total size reaches its disk, from the storage forecast
 * (decision 0129), for instances whose disk size is known and that have a size history. A forecast backtests eight
 * models on the instance's own history (tens of milliseconds), and size histories move slowly, so each instance's
 * figure is kept for an hour: a fleet of a thousand is forecast once an hour, not at every scrape, and a first
 * scrape cut off by the budget resumes where it stopped at the next one.
 */
final class DiskFullSource implements MetricsSource {

    /** How long a forecast's figure is reused. */
    static final Duration REUSE = Duration.ofHours(1);
    /** How far ahead the disk's filling is looked for; beyond it the figure is +Inf. */
    static final int HORIZON_DAYS = 365;

    private record Figure(Instant computed, Optional<Double> days) {
    }

    private final FleetService fleet;
    private final StorageForecastService forecasts;
    private final Map<Long, Figure> figures = new ConcurrentHashMap<>();

    DiskFullSource(FleetService fleet, StorageForecastService forecasts) {
        this.fleet = Objects.requireNonNull(fleet, "fleet");
        this.forecasts = Objects.requireNonNull(forecasts, "forecasts");
    }

    @Override
    public String name() {
        return "storage_forecast";
    }

    @Override
    public List<MetricFamily> collect(Instant now) {
        List<MetricFamily.Sample> samples = new ArrayList<>();
        for (Instance instance : fleet.list()) {
            if (Thread.currentThread().isInterrupted()) {
                break;
            }
            if (instance.hardware() == null || instance.hardware().diskBytes() <= 0) {
                continue;
            }
            Figure figure = figures.get(instance.id());
            if (figure == null || figure.computed().plus(REUSE).isBefore(now)) {
                figure = new Figure(now, daysUntilFull(instance, now));
                figures.put(instance.id(), figure);
            }
            figure.days().ifPresent(days -> samples.add(MetricFamily.Sample.instance(instance.name(), days)));
        }
        return List.of(MetricFamily.gauge("knobwright_disk_full_days",
                "Days until the instance's total size reaches its disk size at the forecast's expected growth (0: reached;"
                        + " +Inf: not within " + HORIZON_DAYS + " days). Instances with a known disk size and a size history.",
                samples));
    }

    /** Empty when there is nothing to forecast from (no history, or a history the forecaster refuses). */
    private Optional<Double> daysUntilFull(Instance instance, Instant now) {
        StorageForecastService.Result result;
        try {
            result = forecasts.forecast(instance, SizeSeriesRepository.TOTAL, HORIZON_DAYS,
                    OptionalLong.of(instance.hardware().diskBytes()));
        } catch (UserError noHistoryOrRefused) {
            return Optional.empty();
        }
        Optional<ThresholdCrossing> crossing = result.forecast().threshold();
        if (crossing.isEmpty() || crossing.get().expected() == null) {
            return Optional.of(Double.POSITIVE_INFINITY);
        }
        if (crossing.get().alreadyReached()) {
            return Optional.of(0.0);
        }
        long days = ChronoUnit.DAYS.between(now.atZone(ZoneOffset.UTC).toLocalDate(), crossing.get().expected());
        return Optional.of((double) Math.max(0, days));
    }
}
