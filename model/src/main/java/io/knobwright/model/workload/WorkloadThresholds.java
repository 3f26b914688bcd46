package io.knobwright.model.workload;

/**
 * Every threshold of the workload profile, in one place (decision 0125 explains each). A feature votes OLTP at or
 * beyond its OLTP bound, OLAP at or beyond its OLAP bound, and neither in between.
 */
public final class WorkloadThresholds {

    /** Mean statement time: short statements are OLTP's, statements of seconds are reports. */
    public static final double OLTP_MAX_MEAN_STATEMENT_MS = 10;
    public static final double OLAP_MIN_MEAN_STATEMENT_MS = 500;

    /** Rows per statement: OLTP touches a handful of rows by key, OLAP scans. */
    public static final double OLTP_MAX_ROWS_PER_STATEMENT = 100;
    public static final double OLAP_MIN_ROWS_PER_STATEMENT = 10_000;

    /** Share of statements that write: OLTP writes steadily, a warehouse is read between loads. */
    public static final double OLTP_MIN_WRITE_SHARE = 0.15;
    public static final double OLAP_MAX_WRITE_SHARE = 0.02;

    /** Committed transactions per second. */
    public static final double OLTP_MIN_TRANSACTIONS_PER_SECOND = 50;
    public static final double OLAP_MAX_TRANSACTIONS_PER_SECOND = 2;

    /** Bytes spilled to temporary files per transaction: sorts and hashes too big for work_mem. */
    public static final double OLTP_MAX_TEMP_BYTES_PER_TRANSACTION = 1024;
    public static final double OLAP_MIN_TEMP_BYTES_PER_TRANSACTION = 1024 * 1024;

    /** The class needs at least this many measured features; fewer leave it UNKNOWN. */
    public static final int MIN_MEASURED_FEATURES = 2;
    /** Share of the OLTP/OLAP votes one side needs to name the class; less makes it MIXED. */
    public static final double MAJORITY = 0.75;

    /** A hit ratio at or above this means the working set fits in memory. */
    public static final double FITS_HIT_RATIO = 0.99;
    /** Below this the working set clearly exceeds memory; between the two it is tight. */
    public static final double EXCEEDS_HIT_RATIO = 0.90;

    /** Peak hours: hours of the day whose mean reaches this share of the busiest hour's mean. */
    public static final double PEAK_SHARE = 0.8;

    /** Change points: the shift of the mean must reach this share of the level before it. */
    public static final double MIN_RELATIVE_SHIFT = 0.25;
    /** Change points: a segment spans at least this many hourly points. */
    public static final int MIN_SEGMENT_HOURS = 6;
    /** Change points: the penalty per change point, in units of noise variance times ln(n) (a BIC-like cost). */
    public static final double PENALTY_FACTOR = 3.0;
    /** Change points: at most this many per metric. */
    public static final int MAX_SHIFTS_PER_METRIC = 5;

    /** Query regressions (decision 0127): the recent mean or p95 must reach this multiple of the baseline's. */
    public static final double REGRESSION_RATIO = 1.5;
    /** Query regressions: and rise by at least this many ms (0.02 ms doubling is noise). */
    public static final double REGRESSION_MIN_DELTA_MS = 1.0;
    /** Query regressions: recent calls per day must reach this multiple of the baseline's median day. */
    public static final double REGRESSION_CALLS_RATIO = 3.0;
    /** Query regressions: both the recent window and the baseline need this many calls. */
    public static final long REGRESSION_MIN_CALLS = 100;
    /** Query regressions: the days that count as recent (ending with the last day of the history). */
    public static final int REGRESSION_RECENT_DAYS = 1;
    /** Query regressions: the days before the recent window that form the baseline. */
    public static final int REGRESSION_BASELINE_DAYS = 7;
    /** Query trends: a slope of calls of at least this share of their mean level per day is growing or shrinking. */
    public static final double TREND_SHARE_PER_DAY = 0.10;

    private WorkloadThresholds() {
    }

    /** "OLTP <= 10 ms, OLAP >= 500 ms": the rule in words, in the units a DBA reads (a share as percent, bytes as KiB). */
    static String between(double oltp, double olap, String unit, boolean oltpBelow) {
        return oltpBelow
                ? "OLTP <= " + inUnit(oltp, unit) + ", OLAP >= " + inUnit(olap, unit)
                : "OLTP >= " + inUnit(oltp, unit) + ", OLAP <= " + inUnit(olap, unit);
    }

    private static String inUnit(double v, String unit) {
        return switch (unit) {
            case "" -> plain(v * 100) + " %";
            case "B" -> v >= 1024 * 1024 ? plain(v / (1024 * 1024)) + " MiB" : v >= 1024 ? plain(v / 1024) + " KiB"
                    : plain(v) + " B";
            default -> plain(v) + " " + unit;
        };
    }

    static String plain(double v) {
        double r = Math.round(v * 1e6) / 1e6;
        return r == Math.rint(r) && Math.abs(r) < 1e15 ? Long.toString((long) r) : Double.toString(r);
    }
}
