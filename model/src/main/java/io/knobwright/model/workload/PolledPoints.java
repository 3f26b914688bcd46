package io.knobwright.model.workload;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a poll adds to the series: gauges as read, counters as rates per second since the previous poll, and the
 * statement digests' deltas over that interval.
 *
 * @param points          the points at {@code at}; counters are missing on a new baseline
 * @param statementDeltas calls, time and rows per digest since the previous poll; only digests that ran
 * @param baseline        whether the counters could be compared with the previous poll, and if not, why
 * @param restartedCounters counters that went down although the server's epoch did not change (a partial reset,
 *                        e.g. pg_stat_reset_single_table_counters or a wrap-around): they start a new baseline alone
 */
public record PolledPoints(Instant at, Map<Metric, Double> points, List<StatementCounters> statementDeltas, Baseline baseline,
                           Set<Metric> restartedCounters) {

    public PolledPoints {
        points = Map.copyOf(points);
        statementDeltas = List.copyOf(statementDeltas);
        restartedCounters = Set.copyOf(restartedCounters);
    }

    /** How this poll's counters relate to the previous poll's. */
    public enum Baseline {
        /** Rates were computed since the previous poll. */
        CONTINUED("rates since the previous poll"),
        /** No previous poll: the counters are stored and the next poll yields rates. */
        FIRST("first poll: counters stored as the baseline; the next poll yields rates"),
        /** The server restarted since the previous poll; its counters started again from zero. */
        SERVER_RESTARTED("the server restarted since the previous poll: new baseline, rates from the next poll"),
        /** Someone reset the statistics (pg_stat_reset, FLUSH STATUS) since the previous poll. */
        STATISTICS_RESET("the statistics were reset since the previous poll: new baseline, rates from the next poll"),
        /** The clock did not move forward between the polls. */
        NO_INTERVAL("no time passed since the previous poll: new baseline");

        private final String explanation;

        Baseline(String explanation) {
            this.explanation = explanation;
        }

        public String explanation() {
            return explanation;
        }
    }
}
