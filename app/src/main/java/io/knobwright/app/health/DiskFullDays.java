package io.knobwright.app.health;

import io.knobwright.model.UserError;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.forecast.SizeSeriesRepository;
import io.knobwright.model.forecast.AbnormalGrowth;
import io.knobwright.model.forecast.ThresholdCrossing;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
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
     * A figure, or that there is none, and the forecast's recent abnormal growth, and when that was found out. "None" is
     * reused for an hour too: an instance without size history costs two queries to find out, and the fleet table and
     * the alerts ask for every instance at each read (decision 0135); history appears a day at a time from polls, or
     * from an import in another process, which a figure already waits an hour for.
     */
    private record Known(Instant computed, Optional<Figure> figure, List<AbnormalGrowth> abnormal) {
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
        if (diskBytes(instance) <= 0) {
            return Optional.empty();
        }
        return known(instance, now).figure();
    }

    /**
     * Growth the instance's forecast did not expect that ended within its last week measured (a bulk load, a purge, a
     * change of pace), newest first; empty without size history. Unlike {@link #of} it needs no disk size.
     */
    public List<AbnormalGrowth> recentAbnormal(Instance instance, Instant now) {
        return known(instance, now).abnormal();
    }

    private Known known(Instance instance, Instant now) {
        Known known = figures.get(instance.id());
        if (known == null || known.computed().plus(REUSE).isBefore(now)) {
            known = compute(instance, now);
            figures.put(instance.id(), known);
        }
        return known;
    }

    private static long diskBytes(Instance instance) {
        return instance.hardware() == null ? 0 : instance.hardware().diskBytes();
    }

    private Known compute(Instance instance, Instant now) {
        long disk = diskBytes(instance);
        StorageForecastService.Result result;
        try {
            result = forecasts.forecast(instance, SizeSeriesRepository.TOTAL, HORIZON_DAYS,
                    disk > 0 ? OptionalLong.of(disk) : OptionalLong.empty());
        } catch (UserError noHistoryOrRefused) {
            return new Known(now, Optional.empty(), List.of());
        }
        List<AbnormalGrowth> abnormal = result.forecast().abnormal().stream().filter(AbnormalGrowth::recent).toList();
        return new Known(now, disk > 0 ? Optional.of(figure(result, disk, now)) : Optional.empty(), abnormal);
    }

    private static Figure figure(StorageForecastService.Result result, long disk, Instant now) {
        long last = result.forecast().lastMeasuredBytes();
        Optional<ThresholdCrossing> crossing = result.forecast().threshold();
        if (crossing.isEmpty() || crossing.get().expected() == null) {
            return new Figure(now, Double.POSITIVE_INFINITY, Optional.empty(), disk, last);
        }
        if (crossing.get().alreadyReached()) {
            return new Figure(now, 0, Optional.of(crossing.get().expected()), disk, last);
        }
        long days = ChronoUnit.DAYS.between(now.atZone(ZoneOffset.UTC).toLocalDate(), crossing.get().expected());
        return new Figure(now, Math.max(0, days), Optional.of(crossing.get().expected()), disk, last);
    }
}
