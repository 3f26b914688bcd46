package io.knobwright.model.backup;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;

/**
 * The schedule backups keep, and the times a backup was expected but none came.
 *
 * <p>The interval is the configured one or, if none, the median gap between consecutive backups (a median, so
 * the missed runs themselves do not stretch it); at least three backups are needed to infer it. A gap longer than
 * {@link #LATE_FACTOR} intervals counts as missed runs: one per interval that passed without a backup, expected at
 * the previous backup plus whole intervals. The same holds for the time from the newest backup to now.
 *
 * @param interval the expected time between backups; null when it is neither configured nor inferable
 * @param missed   the times a backup was expected and none was taken, oldest first
 */
public record BackupSchedule(Duration interval, boolean inferred, List<Instant> missed) {

    /** A backup this much later than one interval after the previous one counts as a missed run. */
    public static final double LATE_FACTOR = 1.5;

    public BackupSchedule {
        if (interval != null && (interval.isNegative() || interval.isZero())) {
            throw new IllegalArgumentException("interval must be positive: " + interval);
        }
        missed = List.copyOf(missed);
    }

    /**
     * @param taken      when each backup was taken, in any order (every backup attempt counts, damaged ones too:
     *                   the schedule ran; whether it produced a good backup is the RPO's question)
     * @param configured the interval the user gave; null to infer it
     */
    public static BackupSchedule of(Collection<Instant> taken, Duration configured, Instant now) {
        Objects.requireNonNull(now, "now");
        List<Instant> times = taken.stream().sorted().distinct().toList();
        Duration interval = configured != null ? configured : inferInterval(times);
        if (interval == null || times.isEmpty()) {
            return new BackupSchedule(interval, configured == null && interval != null, List.of());
        }
        List<Instant> missed = new ArrayList<>();
        for (int i = 0; i < times.size(); i++) {
            Instant from = times.get(i);
            Instant to = i + 1 < times.size() ? times.get(i + 1) : now;
            addMissed(from, to, interval, missed);
        }
        return new BackupSchedule(interval, configured == null, missed);
    }

    private static void addMissed(Instant from, Instant to, Duration interval, List<Instant> missed) {
        long late = (long) (interval.toMillis() * LATE_FACTOR);
        if (Duration.between(from, to).toMillis() <= late) {
            return;
        }
        // each expected run that the next backup did not come within half an interval of
        for (Instant expected = from.plus(interval); expected.plusMillis(late - interval.toMillis()).isBefore(to);
             expected = expected.plus(interval)) {
            missed.add(expected);
        }
    }

    /** The median gap between consecutive backups; null with fewer than three backups. */
    static Duration inferInterval(List<Instant> sorted) {
        if (sorted.size() < 3) {
            return null;
        }
        List<Long> gaps = new ArrayList<>();
        for (int i = 1; i < sorted.size(); i++) {
            gaps.add(Duration.between(sorted.get(i - 1), sorted.get(i)).toMillis());
        }
        gaps.sort(Long::compare);
        long median = gaps.get(gaps.size() / 2);
        return median > 0 ? Duration.ofMillis(median) : null;
    }
}
