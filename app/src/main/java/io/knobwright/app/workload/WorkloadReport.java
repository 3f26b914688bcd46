package io.knobwright.app.workload;

import io.knobwright.model.workload.MetricPoint;
import io.knobwright.model.workload.QuerySummary;
import io.knobwright.model.workload.WorkloadProfile;

import java.util.List;

/**
 * Everything the Workload tab shows of one instance, read in one go off the UI thread.
 *
 * @param commits        commits per second, hourly means over the window (the rate-over-time chart)
 * @param activeSessions active sessions, hourly means over the window
 * @param planChanges    queries whose captured plan changed shape in the window, newest first
 * @param bursts         N+1 patterns the imported logs showed, the largest first
 * @param trends         per-fingerprint trends over the daily history, and the regressions (decision 0127)
 */
public record WorkloadReport(WorkloadProfile profile, List<QuerySummary> topQueries, List<MetricPoint> commits,
                             List<MetricPoint> activeSessions, List<io.knobwright.model.workload.PlanChange> planChanges,
                             List<QueryBurst> bursts, QueryTrends trends) {

    public WorkloadReport {
        planChanges = List.copyOf(planChanges);
        bursts = List.copyOf(bursts);
        trends = trends == null ? QueryTrends.NONE : trends;
        topQueries = List.copyOf(topQueries);
        commits = List.copyOf(commits);
        activeSessions = List.copyOf(activeSessions);
    }
}
