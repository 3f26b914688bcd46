package io.knobwright.app.workload;

import io.knobwright.model.workload.Fingerprint;
import io.knobwright.model.workload.QueryRegressions;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An instance's query trends and regressions as the CLI and the Workload tab show them (decision 0127).
 *
 * @param lastDay     the last day of the daily history (the recent window ends with it); null without history
 * @param days        the days of the window with history, oldest first (the sparklines' x axis)
 * @param regressions what got worse, the largest ratio first
 * @param trends      each fingerprint's trend in the window, by fingerprint in hex
 */
public record QueryTrends(LocalDate lastDay, List<LocalDate> days, List<Regression> regressions,
                          Map<String, QueryRegressions.Trend> trends) {

    public static final QueryTrends NONE = new QueryTrends(null, List.of(), List.of(), Map.of());

    public QueryTrends {
        days = List.copyOf(days);
        regressions = List.copyOf(regressions);
        trends = Map.copyOf(trends);
    }

    /**
     * One metric of one query that got worse.
     *
     * @param fingerprint the fingerprint in hex
     * @param query       its normalised text ("" where no text was stored)
     * @param metric      meanMs, p95Ms or calls
     * @param before      the baseline's median day
     * @param after       the recent window
     * @param since       the first day of the run of days past the threshold
     * @param summary     the change in words ("p95 time 0.41 ms -> 12.3 ms (x30.0) since 2026-12-05")
     */
    public record Regression(String fingerprint, String query, String metric, double before, double after, double ratio,
                             LocalDate since, String summary) {
    }

    /** The trends and regressions of a judgement, with the queries' texts where known. */
    public static QueryTrends of(QueryRegressions.Judgement judgement, Map<Long, String> texts) {
        if (judgement.lastDay() == null) {
            return NONE;
        }
        List<Regression> rows = new java.util.ArrayList<>();
        for (QueryRegressions.Regression r : judgement.regressions()) {
            rows.add(new Regression(Fingerprint.hex(r.fingerprint()), texts.getOrDefault(r.fingerprint(), ""),
                    r.metric().key(), r.before(), r.after(), r.ratio(), r.since(), r.describe()));
        }
        Map<String, QueryRegressions.Trend> trends = new java.util.HashMap<>();
        judgement.verdicts().forEach((id, v) -> trends.put(Fingerprint.hex(id), v.trend()));
        return new QueryTrends(judgement.lastDay(), judgement.days(), rows, trends);
    }

    public Optional<QueryRegressions.Trend> trend(String fingerprint) {
        return Optional.ofNullable(trends.get(fingerprint));
    }

    /** Whether {@code fingerprint} has a regression. */
    public boolean regressed(String fingerprint) {
        return regressions.stream().anyMatch(r -> r.fingerprint().equals(fingerprint));
    }
}
