package io.knobwright.simulator.recommend;

import java.util.Objects;

/**
 * One of the instance's queries timed by the server's planner under today's setting and under the proposed one
 * (EXPLAIN ANALYZE in rolled-back transactions, decision 0143).
 *
 * @param query    fingerprint or shortened statement
 * @param calls    how often the instance runs it (pg_stat_statements' calls over the profile's window): its weight
 * @param beforeMs mean execution time under today's setting
 * @param afterMs  mean execution time under the proposed setting
 */
public record QueryTiming(String query, long calls, double beforeMs, double afterMs) {

    public QueryTiming {
        Objects.requireNonNull(query, "query");
        if (calls < 0 || !(beforeMs >= 0) || !(afterMs >= 0) || Double.isInfinite(beforeMs)
                || Double.isInfinite(afterMs)) {
            throw new IllegalArgumentException("A query timing has calls >= 0 and finite times >= 0: " + query);
        }
    }

    /** Time the instance spends in this query per window under today's setting. */
    public double weightBefore() {
        return calls * beforeMs;
    }

    public double weightAfter() {
        return calls * afterMs;
    }
}
