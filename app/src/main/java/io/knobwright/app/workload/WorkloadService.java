package io.knobwright.app.workload;

import io.knobwright.model.engine.Engine;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricHistory;
import io.knobwright.model.workload.MetricPoint;
import io.knobwright.model.workload.QuerySummary;
import io.knobwright.model.workload.WorkloadClass;
import io.knobwright.model.workload.WorkloadProfile;
import io.knobwright.model.workload.WorkloadProfiler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The workload of an instance as the CLI and the Workload tab show it: its profile over a window (from the collected
 * series and the query digest), its top queries, and the class of its latest profile for the fleet table. Blocking;
 * callers run it off the UI thread.
 */
public final class WorkloadService {

    /** The window a profile covers unless asked otherwise: two weeks, so the weekly rhythm shows. */
    public static final Duration DEFAULT_WINDOW = Duration.ofDays(14);

    /** How the top queries are ordered. */
    public enum By { CALLS, TOTAL, MEAN, P95 }

    private final MetricHistory history;
    private final Function<Instance, List<QuerySummary>> queries;
    private final Clock clock;
    private final ZoneId zone;
    private final Map<Long, WorkloadClass> latest = new ConcurrentHashMap<>();
    private final Function<Instance, List<io.knobwright.model.workload.PlanChange>> planChanges;
    private final Function<Instance, List<QueryBurst>> bursts;
    private final Function<Instance, QueryTrends> trends;

    /**
     * @param history the collected series (the store's, or an in-memory one)
     * @param queries the per-fingerprint summaries of an instance's digest, busiest first or in any order
     * @param zone    the time zone of the hour x weekday pattern and the peak hours
     */
    public WorkloadService(MetricHistory history, Function<Instance, List<QuerySummary>> queries, Clock clock, ZoneId zone) {
        this(history, queries, instance -> List.of(), instance -> List.of(), clock, zone);
    }

    /**
     * @param planChanges the instance's plan changes in the window (captured plans)
     * @param bursts      the N+1 patterns its imported logs showed
     */
    public WorkloadService(MetricHistory history, Function<Instance, List<QuerySummary>> queries,
                           Function<Instance, List<io.knobwright.model.workload.PlanChange>> planChanges,
                           Function<Instance, List<QueryBurst>> bursts, Clock clock, ZoneId zone) {
        this(history, queries, planChanges, bursts, instance -> QueryTrends.NONE, clock, zone);
    }

    /** @param trends the instance's query trends and regressions from its daily history (decision 0127) */
    public WorkloadService(MetricHistory history, Function<Instance, List<QuerySummary>> queries,
                           Function<Instance, List<io.knobwright.model.workload.PlanChange>> planChanges,
                           Function<Instance, List<QueryBurst>> bursts, Function<Instance, QueryTrends> trends,
                           Clock clock, ZoneId zone) {
        this.trends = Objects.requireNonNull(trends, "trends");
        this.planChanges = Objects.requireNonNull(planChanges, "planChanges");
        this.bursts = Objects.requireNonNull(bursts, "bursts");
        this.history = Objects.requireNonNull(history, "history");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /** The profile over the last {@code window}, which becomes the instance's latest class. */
    public WorkloadProfile profile(Instance instance, Duration window) {
        Instant to = clock.instant();
        WorkloadProfile profile = new WorkloadProfiler(history).profile(instance.id(), to.minus(window), to,
                facts(instance), queries.apply(instance));
        if (profile.hasData()) {
            latest.put(instance.id(), profile.workloadClass());
        }
        return profile;
    }

    /** Profile, top queries and the chart series over the last {@code window}. */
    public WorkloadReport report(Instance instance, Duration window, int topLimit) {
        WorkloadProfile profile = profile(instance, window);
        return new WorkloadReport(profile, top(instance, By.TOTAL, topLimit),
                hourly(history.points(instance.id(), Metric.COMMITS, profile.from(), profile.to())),
                hourly(history.points(instance.id(), Metric.ACTIVE_SESSIONS, profile.from(), profile.to())),
                planChanges.apply(instance), bursts.apply(instance), trends.apply(instance));
    }

    /** The instance's query trends and regressions (empty without a daily history). */
    public QueryTrends trends(Instance instance) {
        return trends.apply(instance);
    }

    public List<QuerySummary> top(Instance instance, By by, int limit) {
        if (limit < 1) {
            throw io.knobwright.model.UserError.input("--limit must be 1 or more, not " + limit);
        }
        Comparator<QuerySummary> order = switch (by) {
            case CALLS -> Comparator.comparingLong(QuerySummary::calls);
            case TOTAL -> Comparator.comparingDouble(QuerySummary::totalMs);
            case MEAN -> Comparator.comparingDouble(QuerySummary::meanMs);
            case P95 -> Comparator.comparingDouble(q -> Double.isNaN(q.p95Ms()) ? -1 : q.p95Ms());
        };
        return queries.apply(instance).stream().sorted(order.reversed()).limit(limit).toList();
    }

    /** The class of each instance's latest profile with data; instances never profiled are absent. */
    public Map<Long, WorkloadClass> latestClasses() {
        return Map.copyOf(latest);
    }

    private WorkloadProfiler.Facts facts(Instance instance) {
        int block = instance.engine() == Engine.MYSQL || instance.engine() == Engine.MARIADB ? 16384 : 8192;
        return new WorkloadProfiler.Facts(instance.hardware().memoryBytes(), block, zone);
    }

    /** Hourly means: a chart of two weeks needs 336 points, not 20,000. */
    static List<MetricPoint> hourly(List<MetricPoint> points) {
        List<MetricPoint> out = new ArrayList<>();
        Instant hour = null;
        double sum = 0;
        int count = 0;
        for (MetricPoint p : points) {
            Instant h = p.at().truncatedTo(ChronoUnit.HOURS);
            if (!h.equals(hour)) {
                if (count > 0) {
                    out.add(new MetricPoint(hour, sum / count));
                }
                hour = h;
                sum = 0;
                count = 0;
            }
            sum += p.value();
            count++;
        }
        if (count > 0) {
            out.add(new MetricPoint(hour, sum / count));
        }
        return out;
    }
}
