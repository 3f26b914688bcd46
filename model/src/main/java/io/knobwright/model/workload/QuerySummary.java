package io.knobwright.model.workload;

import java.util.List;
import java.util.Objects;

/**
 * What the workload profile and the Workload tab need of one fingerprint's digest; the digest adapts to it.
 *
 * @param fingerprint  the fingerprint, in hex
 * @param query        the normalised query text
 * @param calls        executions counted
 * @param totalMs      time spent in all of them
 * @param meanMs       totalMs / calls
 * @param p95Ms        95th percentile of one execution's time, NaN where unknown (pg_stat_statements has none)
 * @param rows         rows returned or affected by all executions, -1 where unknown
 * @param tempBytes    bytes written to temporary files by all executions, -1 where unknown
 * @param callsPerHour calls in each hour of the window, oldest first (the sparkline); empty where unknown
 */
public record QuerySummary(String fingerprint, String query, long calls, double totalMs, double meanMs, double p95Ms,
                           long rows, long tempBytes, List<Long> callsPerHour) {

    public QuerySummary {
        Objects.requireNonNull(fingerprint, "fingerprint");
        Objects.requireNonNull(query, "query");
        if (calls < 0 || !(totalMs >= 0) || !(meanMs >= 0) || Double.isInfinite(totalMs) || Double.isInfinite(meanMs)) {
            throw new IllegalArgumentException("A query summary needs non-negative, finite calls and times: " + fingerprint);
        }
        if (!Double.isNaN(p95Ms) && !(p95Ms >= 0 && Double.isFinite(p95Ms))) {
            throw new IllegalArgumentException("p95 is a finite, non-negative time or NaN: " + p95Ms);
        }
        callsPerHour = List.copyOf(callsPerHour);
    }

    /** Whether the statement spilled sorts or hashes to temporary files. */
    public boolean spilled() {
        return tempBytes > 0;
    }
}
