package io.knobwright.app.ui.workload;

import io.knobwright.app.workload.QueryTrends;
import io.knobwright.model.workload.QuerySummary;

import java.util.List;

/**
 * One fingerprint in the top-queries table; the numbers stay raw so the columns sort by value, not by text.
 *
 * @param callsPerHour calls in each hour of the last two days (the sparkline without a daily history)
 * @param callsPerDay  calls on each day of the daily history, oldest first; empty without one (decision 0127)
 * @param trend        new, vanished, growing, shrinking, steady; "" without a daily history
 * @param regressed    whether the query regressed on the last day
 */
public record QueryRow(String fingerprint, String query, long calls, double totalMs, double meanMs, double p95Ms,
                       List<Long> callsPerHour, List<Long> callsPerDay, String trend, boolean regressed) {

    public QueryRow {
        callsPerHour = List.copyOf(callsPerHour);
        callsPerDay = List.copyOf(callsPerDay);
    }

    /** The sparkline's points: the days where the history has two or more, else the hours. */
    public List<Long> spark() {
        return callsPerDay.size() >= 2 ? callsPerDay : callsPerHour;
    }

    static QueryRow of(QuerySummary q) {
        return of(q, QueryTrends.NONE);
    }

    static QueryRow of(QuerySummary q, QueryTrends trends) {
        // one line per query: the table is for scanning; the tooltip shows it whole
        String oneLine = q.query().replaceAll("\\s+", " ").strip();
        var trend = trends.trend(q.fingerprint());
        return new QueryRow(q.fingerprint(), oneLine, q.calls(), q.totalMs(), q.meanMs(), q.p95Ms(), q.callsPerHour(),
                trend.map(t -> t.callsPerDay()).orElse(List.of()),
                trend.map(t -> t.direction().label()).orElse(""), trends.regressed(q.fingerprint()));
    }
}
