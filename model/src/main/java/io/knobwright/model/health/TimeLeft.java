package io.knobwright.model.health;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * When the client sessions reach the usable limit at the current trend: a least-squares line through the total
 * sessions of the last hours. Flat or falling use, or too little history (fewer than {@link #MIN_POINTS} points or
 * less than {@link #MIN_SPAN}), gives no date; {@link #basis} says which and why.
 *
 * @param perHour the fitted slope in sessions per hour (NaN without a fit)
 * @param left    the time until the line reaches the limit, empty when not rising
 */
public record TimeLeft(double perHour, Optional<Duration> left, String basis) {

    public static final int MIN_POINTS = 3;
    public static final Duration MIN_SPAN = Duration.ofMinutes(10);
    /** A slope below this many sessions per hour is flat: noise of a few sessions must not forecast a date. */
    public static final double FLAT_PER_HOUR = 0.05;

    public TimeLeft {
        left = left == null ? Optional.empty() : left;
    }

    public boolean rising() {
        return left.isPresent();
    }

    /** Fits {@code total} sessions of the points (oldest first) against {@code usable}, as of {@code now}. */
    public static TimeLeft fit(List<ConnectionUse> points, double usable, Instant now) {
        if (points.size() < MIN_POINTS) {
            return new TimeLeft(Double.NaN, Optional.empty(), "not enough history: " + points.size() + " points, at least "
                    + MIN_POINTS + " needed");
        }
        Instant first = points.getFirst().at();
        Instant last = points.getLast().at();
        if (Duration.between(first, last).compareTo(MIN_SPAN) < 0) {
            return new TimeLeft(Double.NaN, Optional.empty(), "not enough history: the points span "
                    + Duration.between(first, last).toSeconds() + " s, at least " + MIN_SPAN.toMinutes() + " min needed");
        }
        double n = points.size();
        double sx = 0;
        double sy = 0;
        double sxx = 0;
        double sxy = 0;
        for (ConnectionUse p : points) {
            double x = Duration.between(first, p.at()).toMillis() / 3_600_000.0;
            double y = p.total();
            sx += x;
            sy += y;
            sxx += x * x;
            sxy += x * y;
        }
        double denominator = n * sxx - sx * sx;
        double slope = denominator == 0 ? 0 : (n * sxy - sx * sy) / denominator;
        double intercept = (sy - slope * sx) / n;
        double hoursNow = Duration.between(first, now).toMillis() / 3_600_000.0;
        double fittedNow = intercept + slope * hoursNow;
        String span = String.format(java.util.Locale.ROOT, "linear fit over %d points, %.1f h", points.size(),
                Duration.between(first, last).toMinutes() / 60.0);
        if (slope < FLAT_PER_HOUR) {
            return new TimeLeft(slope, Optional.empty(), String.format(java.util.Locale.ROOT,
                    "not rising (%+.2f sessions/h, %s)", slope, span));
        }
        double hours = Math.max(0, (usable - fittedNow) / slope);
        Duration left = Duration.ofSeconds((long) Math.min(hours * 3600, 3600L * 24 * 3650));
        return new TimeLeft(slope, Optional.of(left), String.format(java.util.Locale.ROOT,
                "%+.2f sessions/h from %.1f now toward %.0f usable: %.1f h left (%s)", slope, fittedNow, usable, hours, span));
    }
}
