package io.knobwright.model.workload;

import java.time.Instant;
import java.time.ZoneId;
import java.time.zone.ZoneRules;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Statements counted per fingerprint: calls, total and mean time, p50/p95/p99 ({@link LatencyHistogram}), rows where
 * logged, first and last seen, calls per hour of the week ({@link WeekHourCounts}) and one example text. Memory is
 * bounded: past {@code capacity} fingerprints (default {@value #DEFAULT_CAPACITY}) the least-called tenth is folded
 * into one "other" entry, and {@link #foldedFingerprints()} says how many were; a fingerprint folded and seen again
 * starts anew. Not thread-safe: each thread (or chunk of a log) fills its own digest, and {@link #merge} joins them.
 */
public final class FingerprintDigest {

    public static final int DEFAULT_CAPACITY = 200_000;
    /** The example statement kept per fingerprint is cut to this many characters. */
    public static final int EXAMPLE_LIMIT = 2_000;
    static final String OTHER = "(other: fingerprints folded to bound memory)";

    private final Fingerprinter fingerprinter;
    private final ZoneId zone;
    private final ZoneRules rules;
    private final int capacity;
    private final HashMap<Long, FingerprintTally> tallies = new HashMap<>();
    private final FingerprintTally other = new FingerprintTally(0, OTHER, "");
    private long folded;
    private long cachedQuarter = Long.MIN_VALUE;
    private long cachedOffsetSeconds;

    /** @param zone the time zone of the per-hour counts (the server's, for a DBA reading its hours) */
    public FingerprintDigest(Fingerprinter fingerprinter, ZoneId zone) {
        this(fingerprinter, zone, DEFAULT_CAPACITY);
    }

    public FingerprintDigest(Fingerprinter fingerprinter, ZoneId zone, int capacity) {
        this.fingerprinter = Objects.requireNonNull(fingerprinter, "fingerprinter");
        this.zone = Objects.requireNonNull(zone, "zone");
        this.rules = zone.getRules();
        if (capacity < 10) {
            throw new IllegalArgumentException("A digest holds at least 10 fingerprints, not " + capacity);
        }
        this.capacity = capacity;
    }

    /** Counts one logged statement under its fingerprint. */
    public void add(LoggedStatement statement) {
        String text = statement.text();
        long id = fingerprinter.id(text);
        FingerprintTally tally = tallies.get(id);
        if (tally == null) {
            tally = newTally(id, fingerprinter.fingerprint(text).normalized(), text);
        }
        record(tally, statement.at(), statement.durationMs(), statement.rows());
    }

    /**
     * Counts one logged statement whose fingerprint id the caller computed already (for the burst detector too): the
     * normalised text is made only for a fingerprint not seen before.
     */
    public void add(LoggedStatement statement, long id) {
        FingerprintTally tally = tallies.get(id);
        if (tally == null) {
            tally = newTally(id, fingerprinter.fingerprint(statement.text()).normalized(), statement.text());
        }
        record(tally, statement.at(), statement.durationMs(), statement.rows());
    }

    /** Counts one statement whose fingerprint the caller already has; {@code rows} is -1 when unknown. */
    public void add(Fingerprint fingerprint, String text, Instant at, double durationMs, long rows) {
        FingerprintTally tally = tallies.get(fingerprint.id());
        if (tally == null) {
            tally = newTally(fingerprint.id(), fingerprint.normalized(), text);
        }
        record(tally, at, durationMs, rows);
    }

    /** Adds everything {@code other} counted (another thread's or chunk's digest of the same database). */
    public void merge(FingerprintDigest from) {
        if (!from.zone.equals(zone)) {
            throw new IllegalArgumentException("Digests in different time zones do not merge: " + zone + ", " + from.zone);
        }
        for (FingerprintTally t : from.tallies.values()) {
            FingerprintTally mine = tallies.get(t.id);
            if (mine == null) {
                mine = new FingerprintTally(t.id, t.normalized, t.example);
                tallies.put(t.id, mine);
            }
            mine.absorb(t);
        }
        other.absorb(from.other);
        folded += from.folded;
        if (tallies.size() > capacity) {
            fold();
        }
    }

    /** What the store keeps: every fingerprint held, and the folded ones as id 0 when there are any. */
    public List<FingerprintState> states() {
        List<FingerprintState> all = new ArrayList<>(tallies.size() + 1);
        for (FingerprintTally t : tallies.values()) {
            all.add(t.state());
        }
        if (other.calls > 0) {
            all.add(other.state());
        }
        return all;
    }

    /** Adds a stored state (an earlier import's) to what this digest counts; id 0 adds to the folded ones. */
    public void restore(FingerprintState state) {
        FingerprintTally stored = FingerprintTally.of(state);
        if (state.id() == 0) {
            other.absorb(stored);
            return;
        }
        FingerprintTally mine = tallies.get(state.id());
        if (mine == null) {
            if (tallies.size() >= capacity) {
                fold();
            }
            tallies.put(state.id(), stored);
        } else {
            mine.absorb(stored);
        }
    }

    /** Every fingerprint held, the most total time first. */
    public List<FingerprintSummary> summaries() {
        List<FingerprintSummary> all = new ArrayList<>(tallies.size());
        for (FingerprintTally t : tallies.values()) {
            all.add(t.summary());
        }
        all.sort(Comparator.comparingDouble(FingerprintSummary::totalMs).reversed()
                .thenComparingLong(FingerprintSummary::id));
        return all;
    }

    public Optional<FingerprintSummary> summary(long id) {
        return Optional.ofNullable(tallies.get(id)).map(FingerprintTally::summary);
    }

    /** The fingerprints folded to bound memory, together (id 0); no calls when none were. */
    public FingerprintSummary other() {
        return other.summary();
    }

    /** How many fingerprints were folded into {@link #other()}. */
    public long foldedFingerprints() {
        return folded;
    }

    /** Fingerprints held (not counting the folded ones). */
    public int size() {
        return tallies.size();
    }

    /** Calls per hour of the week over every statement counted, folded ones included: the heat map's cells. */
    public WeekHourCounts hours() {
        WeekHourCounts all = new WeekHourCounts();
        for (FingerprintTally t : tallies.values()) {
            all.merge(t.hours);
        }
        all.merge(other.hours);
        return all;
    }

    public ZoneId zone() {
        return zone;
    }

    /** An estimate of the heap the digest holds, from the sizes of its parts (the memory bench measures it too). */
    public long retainedBytesEstimate() {
        long bytes = 64 + 48L * tallies.size() + 16L * Integer.highestOneBit(Math.max(1, tallies.size()) * 2);
        for (FingerprintTally t : tallies.values()) {
            bytes += t.retainedBytes();
        }
        return bytes;
    }

    private FingerprintTally newTally(long id, String normalized, String text) {
        if (tallies.size() >= capacity) {
            fold();
        }
        String example = text.length() > EXAMPLE_LIMIT ? text.substring(0, EXAMPLE_LIMIT) : text;
        // the example shares the normalised text's memory when they read the same
        FingerprintTally tally = new FingerprintTally(id, normalized, example.equals(normalized) ? normalized : example);
        tallies.put(id, tally);
        return tally;
    }

    private void record(FingerprintTally tally, Instant at, double durationMs, long rows) {
        long ms = at.toEpochMilli();
        tally.record(ms, slot(at.getEpochSecond()), durationMs, rows);
    }

    /**
     * The hour of the week (Monday 00:00 = 0) of an instant, in the digest's zone. The zone's offset is looked up
     * once per quarter of an hour (zone transitions fall on quarter hours), not per statement.
     */
    private int slot(long epochSecond) {
        long quarter = Math.floorDiv(epochSecond, 900);
        if (quarter != cachedQuarter) {
            cachedOffsetSeconds = rules.getOffset(Instant.ofEpochSecond(quarter * 900)).getTotalSeconds();
            cachedQuarter = quarter;
        }
        long local = epochSecond + cachedOffsetSeconds;
        long day = Math.floorDiv(local, 86_400);
        int weekday = (int) Math.floorMod(day + 3, 7); // 1970-01-01 was a Thursday: Monday = 0
        int hourOfDay = (int) (Math.floorMod(local, 86_400) / 3600);
        return weekday * 24 + hourOfDay;
    }

    /** Folds the least-called tenth (the least recently seen first among equals) into {@link #other}. */
    private void fold() {
        List<FingerprintTally> all = new ArrayList<>(tallies.values());
        all.sort(Comparator.comparingLong((FingerprintTally t) -> t.calls).thenComparingLong(t -> t.lastSeenMs));
        int target = capacity - Math.max(1, capacity / 10);
        int excess = all.size() - target;
        for (int k = 0; k < excess; k++) {
            FingerprintTally t = all.get(k);
            other.absorb(t);
            tallies.remove(t.id);
            folded++;
        }
    }
}
