package io.knobwright.model.health;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * One sample of a watched instance's sessions (decision 0131): the client sessions by state at {@code at}, and the
 * sessions opened since the previous sample. On PostgreSQL 14 and later {@code opened} is the rise of
 * pg_stat_database.sessions, which counts every session, also those that came and went between two samples; before
 * 14 only the arrivals seen in pg_stat_activity are counted ({@code openedCounted} false).
 *
 * @param openedPerSecond {@code opened} over the seconds since the previous sample
 * @param events          the arrivals and departures seen in pg_stat_activity, with who they were
 */
public record SessionSample(Instant at, int opened, double openedPerSecond, boolean openedCounted,
                            Map<String, Integer> byState, List<ConnectionEvent> events) {

    public SessionSample {
        Objects.requireNonNull(at, "at");
        if (opened < 0 || !(openedPerSecond >= 0)) {
            throw new IllegalArgumentException("Sessions opened cannot be negative: " + opened + ", " + openedPerSecond + "/s");
        }
        byState = java.util.Collections.unmodifiableMap(new TreeMap<>(byState));
        events = List.copyOf(events);
    }

    public int sessions() {
        return byState.values().stream().mapToInt(Integer::intValue).sum();
    }

    /** A second with {@link ConnectionStorm#STORM_PER_SECOND} or more new sessions. */
    public boolean storm() {
        return openedPerSecond >= ConnectionStorm.STORM_PER_SECOND;
    }
}
