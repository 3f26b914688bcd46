package io.knobwright.model.workload;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Logged statements counted per fingerprint and day (the statement's own time, in the digest's zone): the daily
 * history that trends and regressions read ({@link QueryRegressions}). A log of a few days holds a few entries per
 * fingerprint, each a tally and a {@link LatencyHistogram}. Not thread-safe: each parsing thread fills its own and
 * {@link #merge} joins them.
 */
public final class DailyQueryDigest {

    private final ZoneRules rules;
    /** Per local day (epoch day), per fingerprint id: a log runs through its days in order, so one map is current. */
    private final Map<Long, Map<Long, Tally>> days = new HashMap<>();
    private long currentDay = Long.MIN_VALUE;
    private Map<Long, Tally> current;
    private long cachedQuarter = Long.MIN_VALUE;
    private long cachedOffsetSeconds;

    private static final class Tally {
        long calls;
        double totalMs;
        long rows;
        long callsWithRows;
        final LatencyHistogram durations = new LatencyHistogram();

        void absorb(Tally other) {
            calls += other.calls;
            totalMs += other.totalMs;
            rows += other.rows;
            callsWithRows += other.callsWithRows;
            durations.merge(other.durations);
        }
    }

    public DailyQueryDigest(ZoneId zone) {
        this.rules = Objects.requireNonNull(zone, "zone").getRules();
    }

    /** Counts one statement of fingerprint {@code id}; {@code rows} is -1 when unknown. */
    public void add(long id, Instant at, double durationMs, long rows) {
        long day = epochDay(at.getEpochSecond());
        if (day != currentDay) {
            current = days.computeIfAbsent(day, k -> new HashMap<>());
            currentDay = day;
        }
        Tally t = current.get(id);
        if (t == null) {
            t = new Tally();
            current.put(id, t);
        }
        t.calls++;
        if (durationMs >= 0 && Double.isFinite(durationMs)) {
            t.totalMs += durationMs;
        }
        t.durations.record(durationMs);
        if (rows >= 0) {
            t.rows += rows;
            t.callsWithRows++;
        }
    }

    public void merge(DailyQueryDigest other) {
        other.days.forEach((day, tallies) -> {
            Map<Long, Tally> mine = days.computeIfAbsent(day, k -> new HashMap<>());
            tallies.forEach((id, t) -> mine.computeIfAbsent(id, k -> new Tally()).absorb(t));
        });
    }

    /** Fingerprint-days held. */
    public int size() {
        return days.values().stream().mapToInt(Map::size).sum();
    }

    /** Every fingerprint-day counted, as the store keeps them (source {@link QueryDay.Source#LOG}). */
    public List<QueryDay> days() {
        List<QueryDay> all = new ArrayList<>(size());
        days.forEach((day, tallies) -> tallies.forEach((id, t) -> all.add(new QueryDay(id, LocalDate.ofEpochDay(day),
                QueryDay.Source.LOG, t.calls, t.totalMs, t.callsWithRows == 0 ? -1 : t.rows, t.durations.toBytes()))));
        return all;
    }

    /** The local day of an instant; the zone's offset is looked up once per quarter of an hour, not per statement. */
    private long epochDay(long epochSecond) {
        long quarter = Math.floorDiv(epochSecond, 900);
        if (quarter != cachedQuarter) {
            cachedOffsetSeconds = rules.getOffset(Instant.ofEpochSecond(quarter * 900)).getTotalSeconds();
            cachedQuarter = quarter;
        }
        return Math.floorDiv(epochSecond + cachedOffsetSeconds, 86_400);
    }
}
