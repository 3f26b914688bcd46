package io.knobwright.model.workload;

import java.time.Duration;
import java.util.Objects;

/**
 * How long the store keeps the series at each resolution. Points at the polling interval are kept for {@code raw};
 * older ones are averaged into five-minute points, kept for {@code fiveMinute}; older still into hourly points, kept
 * for {@code hourly}, then dropped. Statement digests' deltas are kept per poll for {@code raw}, then summed per hour
 * and kept for {@code fiveMinute}.
 */
public record SeriesRetention(Duration raw, Duration fiveMinute, Duration hourly) {

    public static final Duration FIVE_MINUTES = Duration.ofMinutes(5);
    public static final Duration HOUR = Duration.ofHours(1);

    /** Seven days at the polling interval, 90 days of five-minute averages, two years of hourly averages. */
    public static final SeriesRetention DEFAULT = new SeriesRetention(Duration.ofDays(7), Duration.ofDays(90), Duration.ofDays(730));

    public SeriesRetention {
        Objects.requireNonNull(raw, "raw");
        Objects.requireNonNull(fiveMinute, "fiveMinute");
        Objects.requireNonNull(hourly, "hourly");
        if (raw.compareTo(HOUR) < 0 || fiveMinute.compareTo(raw) < 0 || hourly.compareTo(fiveMinute) < 0) {
            throw new IllegalArgumentException("Retention must keep raw points at least an hour and each coarser resolution at"
                    + " least as long as the finer one: raw " + raw + ", five-minute " + fiveMinute + ", hourly " + hourly);
        }
    }
}
