package io.knobwright.model.workload;

import java.util.Objects;

/**
 * One statement digest as a server counts it (pg_stat_statements by queryid, performance_schema's
 * events_statements_summary_by_digest by DIGEST): since the counting began, or, as a delta, between two polls.
 * The lead joins {@code digest} with fingerprints of logged statements; {@code query} is the server's normalised
 * text, possibly cut short.
 */
public record StatementCounters(String digest, String query, long calls, double totalMs, long rows) {

    public StatementCounters {
        Objects.requireNonNull(digest, "digest");
        if (digest.isBlank()) {
            throw new IllegalArgumentException("A statement digest cannot be blank");
        }
        query = query == null ? "" : query;
        if (calls < 0 || rows < 0 || !(totalMs >= 0) || Double.isInfinite(totalMs)) {
            throw new IllegalArgumentException("Statement counters cannot be negative: digest " + digest + ", calls " + calls
                    + ", total " + totalMs + " ms, rows " + rows);
        }
    }

    /** The mean time of a call in milliseconds; 0 without calls. */
    public double meanMs() {
        return calls == 0 ? 0 : totalMs / calls;
    }
}
