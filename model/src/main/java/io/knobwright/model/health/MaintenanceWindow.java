package io.knobwright.model.health;

import io.knobwright.model.fleet.Instance;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;

/**
 * A planned period (restart, bulk load) during which an instance's alerts are shown as silenced, never hidden.
 *
 * @param id        store id, 0 before it is stored
 * @param scope     the instance name, or the tag as key=value, it applies to
 * @param byTag     true when {@code scope} is a tag
 * @param from      start of a one-off window (inclusive); null for a weekly one
 * @param to        end of a one-off window (exclusive); null for a weekly one
 * @param weekly    a weekly window in UTC; null for a one-off one
 * @param reason    why, shown next to every silenced alert
 * @param setBy     who set it
 */
public record MaintenanceWindow(
        long id, String scope, boolean byTag, Instant from, Instant to, Weekly weekly, String reason, String setBy) {

    public MaintenanceWindow {
        if (scope == null || scope.isBlank()) {
            throw new IllegalArgumentException("A maintenance window needs an instance name or a tag");
        }
        if (byTag && !scope.contains("=")) {
            throw new IllegalArgumentException(
                    "A tag window needs the tag as key=value (e.g. team=payments), not '" + scope + "'");
        }
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("A maintenance window needs a reason (e.g. 'planned restart')");
        }
        setBy = setBy == null || setBy.isBlank() ? "unknown" : setBy;
        if (weekly == null) {
            if (from == null || to == null) {
                throw new IllegalArgumentException("A maintenance window needs --from and --to, or --weekly");
            }
            if (!to.isAfter(from)) {
                throw new IllegalArgumentException("A maintenance window must end after it starts (" + from + " .. " + to + ")");
            }
        } else if (from != null || to != null) {
            throw new IllegalArgumentException("A maintenance window is either weekly or from/to, not both");
        }
    }

    /** True when this window covers {@code instance}: by name, or by one of its tags. */
    public boolean appliesTo(Instance instance) {
        if (!byTag) {
            return scope.equals(instance.name());
        }
        int eq = scope.indexOf('=');
        String value = instance.tags().get(scope.substring(0, eq));
        return value != null && value.equals(scope.substring(eq + 1));
    }

    /** True when {@code at} lies inside the window. */
    public boolean covers(Instant at) {
        return weekly == null ? !at.isBefore(from) && at.isBefore(to) : weekly.covers(at);
    }

    public String describeTime() {
        return weekly == null ? from.truncatedTo(ChronoUnit.SECONDS) + " .. " + to.truncatedTo(ChronoUnit.SECONDS)
                : weekly.toString();
    }

    /**
     * A window repeating every week, in UTC (no daylight saving shifts), e.g. {@code Sun 02:00-04:00}. An end at or
     * before the start crosses midnight into the next day ({@code Sat 23:00-01:00} runs into Sunday).
     */
    public record Weekly(DayOfWeek day, LocalTime start, LocalTime end) {

        private static final Map<String, DayOfWeek> DAYS = Map.of(
                "mon", DayOfWeek.MONDAY, "tue", DayOfWeek.TUESDAY, "wed", DayOfWeek.WEDNESDAY,
                "thu", DayOfWeek.THURSDAY, "fri", DayOfWeek.FRIDAY, "sat", DayOfWeek.SATURDAY,
                "sun", DayOfWeek.SUNDAY);
        private static final long WEEK_MINUTES = 7 * 24 * 60;

        public Weekly {
            Objects.requireNonNull(day, "day");
            Objects.requireNonNull(start, "start");
            Objects.requireNonNull(end, "end");
            if (start.equals(end)) {
                throw new IllegalArgumentException("A weekly window needs an end different from its start");
            }
        }

        /** Parses {@code Sun 02:00-04:00} (day in English, three letters or full, times in UTC). */
        public static Weekly parse(String text) {
            String usage = "Write a weekly window as 'Sun 02:00-04:00' (day, start-end in UTC), not '" + text + "'";
            if (text == null) {
                throw new IllegalArgumentException(usage);
            }
            String[] parts = text.trim().split("\\s+");
            if (parts.length != 2 || parts[0].length() < 3) {
                throw new IllegalArgumentException(usage);
            }
            DayOfWeek day = DAYS.get(parts[0].substring(0, 3).toLowerCase(Locale.ROOT));
            String[] times = parts[1].split("-");
            if (day == null || times.length != 2) {
                throw new IllegalArgumentException(usage);
            }
            try {
                return new Weekly(day, LocalTime.parse(times[0]), LocalTime.parse(times[1]));
            } catch (java.time.format.DateTimeParseException e) {
                throw new IllegalArgumentException(usage, e);
            }
        }

        public boolean covers(Instant at) {
            var utc = at.atOffset(ZoneOffset.UTC);
            long minuteOfWeek = (utc.getDayOfWeek().getValue() - 1) * 1440L + utc.getHour() * 60L + utc.getMinute();
            long startMinute = (day.getValue() - 1) * 1440L + start.getHour() * 60L + start.getMinute();
            long length = Math.floorMod(end.toSecondOfDay() / 60 - start.toSecondOfDay() / 60, 1440);
            long offset = Math.floorMod(minuteOfWeek - startMinute, WEEK_MINUTES);
            return offset < length;
        }

        @Override
        public String toString() {
            String d = day.name().charAt(0) + day.name().substring(1, 3).toLowerCase(Locale.ROOT);
            return d + " " + start.truncatedTo(ChronoUnit.MINUTES) + "-" + end.truncatedTo(ChronoUnit.MINUTES);
        }
    }
}
