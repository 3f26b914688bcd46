package io.knobwright.app.ui.workload;

import io.knobwright.model.workload.QuerySummary;

import java.util.List;

/** One fingerprint in the top-queries table; the numbers stay raw so the columns sort by value, not by text. */
public record QueryRow(String fingerprint, String query, long calls, double totalMs, double meanMs, double p95Ms,
                       List<Long> callsPerHour) {

    static QueryRow of(QuerySummary q) {
        // one line per query: the table is for scanning; the tooltip shows it whole
        String oneLine = q.query().replaceAll("\\s+", " ").strip();
        return new QueryRow(q.fingerprint(), oneLine, q.calls(), q.totalMs(), q.meanMs(), q.p95Ms(), q.callsPerHour());
    }
}
