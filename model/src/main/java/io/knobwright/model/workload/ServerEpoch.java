package io.knobwright.model.workload;

import java.time.Duration;
import java.time.Instant;
import java.util.Objects;

/**
 * Since when a server's counters have been counting: it started at {@code started} (PostgreSQL
 * pg_postmaster_start_time; MySQL/MariaDB the poll time less Uptime) and its statistics were last reset at
 * {@code statsReset} (PostgreSQL the newest stats_reset of pg_stat_database, the bgwriter/checkpointer and WAL
 * views; MySQL the poll time less Uptime_since_flush_status). Either may be null where the server does not say.
 * Two polls of one epoch can be subtracted; across a restart or a reset they cannot.
 */
public record ServerEpoch(Instant started, Instant statsReset) {

    /**
     * MySQL reports Uptime in whole seconds, so a start time derived from it moves by up to a second between polls;
     * two seconds of slack keep that from reading as a restart. A real restart takes longer than that.
     */
    static final Duration SLACK = Duration.ofSeconds(2);

    public static final ServerEpoch UNKNOWN = new ServerEpoch(null, null);

    /** Why the counters of {@code later} cannot be compared with those of this epoch; NONE when they can. */
    public Break breakTo(ServerEpoch later) {
        Objects.requireNonNull(later, "later");
        if (differ(started, later.started)) {
            return Break.SERVER_RESTARTED;
        }
        // the newest stats_reset of several views: kept to the slack whatever its precision (a view's first use can
        // move it a little; a reset is whole seconds away from the last one in practice)
        if (differWithSlack(statsReset, later.statsReset)) {
            return Break.STATISTICS_RESET;
        }
        return Break.NONE;
    }

    /**
     * Times in whole seconds were derived from an uptime (MySQL/MariaDB) and carry its rounding: they differ beyond
     * {@link #SLACK}. Others are the server's own timestamps (PostgreSQL's): any change is a restart or a reset, however
     * soon after the last one. They are compared to the millisecond, the precision the store keeps a baseline in.
     */
    private static boolean differ(Instant a, Instant b) {
        if (a != null && b != null && (a.getNano() != 0 || b.getNano() != 0)) {
            return a.toEpochMilli() != b.toEpochMilli();
        }
        return differWithSlack(a, b);
    }

    private static boolean differWithSlack(Instant a, Instant b) {
        if (a == null || b == null) {
            return a != b;
        }
        return Duration.between(a, b).abs().compareTo(SLACK) > 0;
    }

    /** What separates two epochs. */
    public enum Break {
        NONE, SERVER_RESTARTED, STATISTICS_RESET
    }
}
