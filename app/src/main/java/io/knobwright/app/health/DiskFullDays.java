package io.knobwright.app.health;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.SizeSeriesRepository;
import io.knobwright.model.forecast.ThresholdCrossing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Days until an instance's total size reaches its disk, from the storage forecast (decision 0129), for the /metrics
 * page and the fleet's alerts. A forecast backtests eight models on the instance's own history (tens of
 * milliseconds) and size histories move slowly, so each instance's figure is reused for an hour: a fleet of a
 * thousand is forecast once an hour, not at every scrape or evaluation.
 */
public final class DiskFullDays {

    /** How long a forecast's figure is reused. */
    public static final Duration REUSE = Duration.ofHours(1);
    /** How far ahead the disk's filling is looked for; beyond it the figure is +Inf. */
    public static final int HORIZON_DAYS = 365;

    /** The figure and the forecast's expected date of the crossing (empty: not within the horizon). */
    public record Figure(Instant computed, double days, Optional<LocalDate> expected, long diskBytes, long lastBytes) {
    }

    /**
     * A figure, or that there is none, and when that was found out. "None" is reused for an hour too: an instance without
     * size history costs two queries to find out, and the fleet table and the alerts ask for every instance at each read
     * (decision 0135); history appears a day at a time from polls, or from an import in another process, which a figure
     * already waits an hour for.
     */
    private record Known(Instant computed, Optional<Figure> figure) {
    }

    private final StorageForecastService forecasts;
    private final Map<Long, Known> figures = new ConcurrentHashMap<>();

    public DiskFullDays(StorageForecastService forecasts) {
        this.forecasts = Objects.requireNonNull(forecasts, "forecasts");
    }

    /**
     * The instance's figure: 0 once reached, +Inf when not within {@link #HORIZON_DAYS}; empty when its disk size is
     * unknown or it has no size history to forecast from.
     */
    public Optional<Figure> of(Instance instance, Instant now) {
        if (instance.hardware() == null || instance.hardware().diskBytes() <= 0) {
            return Optional.empty();
        }
        Known known = figures.get(instance.id());
        if (known == null || known.computed().plus(REUSE).isBefore(now)) {
            known = new Known(now, compute(instance, now));
            figures.put(instance.id(), known);
        }
        return known.figure();
    }

    private Optional<Figure> compute(Instance instance, Instant now) {
        long disk = instance.hardware().diskBytes();
        StorageForecastService.Result result;
        try {
            result = forecasts.forecast(instance, SizeSeriesRepository.TOTAL, HORIZON_DAYS, OptionalLong.of(disk));
        } catch (UserError noHistoryOrRefused) {
            return Optional.empty();
        }
        long last = result.forecast().lastMeasuredBytes();
        Optional<ThresholdCrossing> crossing = result.forecast().threshold();
        if (crossing.isEmpty() || crossing.get().expected() == null) {
            return Optional.of(new Figure(now, Double.POSITIVE_INFINITY, Optional.empty(), disk, last));
        }
        if (crossing.get().alreadyReached()) {
            return Optional.of(new Figure(now, 0, Optional.of(crossing.get().expected()), disk, last));
        }
        long days = ChronoUnit.DAYS.between(now.atZone(ZoneOffset.UTC).toLocalDate(), crossing.get().expected());
        return Optional.of(new Figure(now, Math.max(0, days), Optional.of(crossing.get().expected()), disk, last));
    }
}
