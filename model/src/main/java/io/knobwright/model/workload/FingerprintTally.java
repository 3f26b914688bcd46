package io.knobwright.model.workload;

import java.time.Instant;

/** The running counts of one fingerprint inside a {@link FingerprintDigest}. Not thread-safe. */
final class FingerprintTally {

    final long id;
    final String normalized;
    String example;
    long calls;
    double totalMs;
    long rows;
    long callsWithRows;
    long firstSeenMs = Long.MAX_VALUE;
    long lastSeenMs = Long.MIN_VALUE;
    final LatencyHistogram durations = new LatencyHistogram();
    final WeekHourCounts hours = new WeekHourCounts();

    FingerprintTally(long id, String normalized, String example) {
        this.id = id;
        this.normalized = normalized;
        this.example = example;
    }

    void record(long atMs, int slot, double durationMs, long rowCount) {
        calls++;
        totalMs += durationMs;
        durations.record(durationMs);
        if (rowCount >= 0) {
            rows += rowCount;
            callsWithRows++;
        }
        firstSeenMs = Math.min(firstSeenMs, atMs);
        lastSeenMs = Math.max(lastSeenMs, atMs);
        hours.add(slot, 1);
    }

    /** Adds everything {@code other} counted; the example of the earlier first statement stays. */
    void absorb(FingerprintTally other) {
        if (other.firstSeenMs < firstSeenMs && other.id == id) {
            example = other.example;
        }
        calls += other.calls;
        totalMs += other.totalMs;
        rows += other.rows;
        callsWithRows += other.callsWithRows;
        firstSeenMs = Math.min(firstSeenMs, other.firstSeenMs);
        lastSeenMs = Math.max(lastSeenMs, other.lastSeenMs);
        durations.merge(other.durations);
        hours.merge(other.hours);
    }

    FingerprintState state() {
        return new FingerprintState(id, normalized, example, calls, totalMs, rows, callsWithRows,
                calls == 0 ? Instant.EPOCH : Instant.ofEpochMilli(firstSeenMs),
                calls == 0 ? Instant.EPOCH : Instant.ofEpochMilli(lastSeenMs), durations.toBytes(), hours.toBytes());
    }

    /** A tally holding a stored state. */
    static FingerprintTally of(FingerprintState state) {
        FingerprintTally t = new FingerprintTally(state.id(), state.normalized(), state.example());
        t.calls = state.calls();
        t.totalMs = state.totalMs();
        t.rows = state.rows();
        t.callsWithRows = state.callsWithRows();
        if (state.calls() > 0) {
            t.firstSeenMs = state.firstSeen().toEpochMilli();
            t.lastSeenMs = state.lastSeen().toEpochMilli();
        }
        t.durations.merge(LatencyHistogram.fromBytes(state.durations()));
        t.hours.merge(WeekHourCounts.fromBytes(state.hours()));
        return t;
    }

    FingerprintSummary summary() {
        Instant first = calls == 0 ? Instant.EPOCH : Instant.ofEpochMilli(firstSeenMs);
        Instant last = calls == 0 ? Instant.EPOCH : Instant.ofEpochMilli(lastSeenMs);
        return new FingerprintSummary(id, normalized, example, calls, totalMs, durations.quantile(0.50),
                durations.quantile(0.95), durations.quantile(0.99), callsWithRows == 0 ? -1 : rows, first, last,
                hours.copy());
    }

    /** An estimate of the heap this tally holds: the object, its histogram, hours and the two strings (Latin-1). */
    long retainedBytes() {
        return 96 + durations.retainedBytes() + hours.retainedBytes() + text(normalized)
                + (example == normalized ? 0 : text(example));
    }

    private static long text(String s) {
        return 40 + s.length();
    }
}
