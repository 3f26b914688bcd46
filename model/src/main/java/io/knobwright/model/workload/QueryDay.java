package io.knobwright.model.workload;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;

/**
 * One fingerprint's statements on one day (in the workbench's time zone): calls, total time, rows, and the duration
 * histogram where the source has one (a log does; pg_stat_statements and performance_schema only give sums).
 *
 * @param fingerprint the fingerprint's id ({@link Fingerprint#id()})
 * @param source      where the figures come from; a day the log and the collector both saw is read from the log
 * @param rows        rows returned or affected, -1 where unknown
 * @param durations   {@link LatencyHistogram#toBytes()}, empty where the source has no per-statement durations
 */
public record QueryDay(long fingerprint, LocalDate day, Source source, long calls, double totalMs, long rows,
                       byte[] durations) {

    /** Where a day's figures come from. */
    public enum Source {
        /** Statements of an imported server log, by their own log timestamps. */
        LOG,
        /** Deltas of statement digests polled by the collectors (pg_stat_statements, performance_schema). */
        STATEMENTS;

        public String code() {
            return name().toLowerCase(Locale.ROOT);
        }

        public static Source ofCode(String code) {
            return valueOf(code.toUpperCase(Locale.ROOT));
        }
    }

    private static final byte[] NONE = new byte[0];

    public QueryDay {
        Objects.requireNonNull(day, "day");
        Objects.requireNonNull(source, "source");
        durations = durations == null ? NONE : durations;
        if (calls < 0 || !(totalMs >= 0) || Double.isInfinite(totalMs) || rows < -1) {
            throw new IllegalArgumentException("A query day needs non-negative calls, a finite non-negative time and rows"
                    + " >= -1: fingerprint " + Fingerprint.hex(fingerprint) + " on " + day + " has " + calls + " calls, "
                    + totalMs + " ms, " + rows + " rows");
        }
    }

    public double meanMs() {
        return calls == 0 ? 0 : totalMs / calls;
    }

    /** The day's durations, or an empty histogram where the source has none. */
    public LatencyHistogram histogram() {
        return durations.length == 0 ? new LatencyHistogram() : LatencyHistogram.fromBytes(durations);
    }

    /** The 95th percentile of one call's time that day; NaN where the source has no durations. */
    public double p95Ms() {
        LatencyHistogram h = histogram();
        return h.count() == 0 ? Double.NaN : h.quantile(0.95);
    }

    /** This day and {@code other} (the same fingerprint, day and source) together: sums add, histograms merge. */
    public QueryDay plus(QueryDay other) {
        if (other.fingerprint != fingerprint || !other.day.equals(day) || other.source != source) {
            throw new IllegalArgumentException("Only the same fingerprint, day and source add up");
        }
        long sumRows = rows < 0 ? other.rows : other.rows < 0 ? rows : rows + other.rows;
        LatencyHistogram h = histogram();
        h.merge(other.histogram());
        return new QueryDay(fingerprint, day, source, calls + other.calls, totalMs + other.totalMs, sumRows,
                h.count() == 0 ? NONE : h.toBytes());
    }
}
