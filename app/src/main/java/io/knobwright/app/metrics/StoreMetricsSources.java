package io.knobwright.app.metrics;

import io.knobwright.app.apply.PendingRestarts;
import io.knobwright.app.fleet.FleetService;
import io.knobwright.app.override.OverrideService;
import io.knobwright.app.plan.PlanService;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.plan.ChangePlan;
import io.knobwright.model.plan.PlanState;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricHistory;
import io.knobwright.model.workload.MetricPoint;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The sources main has today, one per figure, each reading the store only. Per-instance families list every instance
 * of the fleet (0 when it has none of the thing), so a dashboard can tell "none" from "not measured"; connection use
 * and the last poll's age only appear for instances with points.
 */
public final class StoreMetricsSources {

    /** How far back the latest connection point is looked for (older: the instance is not being monitored). */
    static final Duration RECENT = Duration.ofDays(1);

    private StoreMetricsSources() {
    }

    /** Every source of the figures that need only the store. */
    public static List<MetricsSource> of(FleetService fleet, PlanService plans, PendingRestarts restarts,
                                         OverrideService overrides, MetricHistory series) {
        return List.of(drift(fleet, plans), pendingRestarts(fleet, restarts), activeOverrides(fleet, overrides),
                pendingApprovals(fleet, plans), connections(fleet, series));
    }

    /** Days until the disk is full, from the storage forecast (reused for an hour per instance). */
    public static MetricsSource diskFull(FleetService fleet, io.knobwright.app.health.DiskFullDays days) {
        return new DiskFullSource(fleet, days);
    }

    public static MetricsSource drift(FleetService fleet, PlanService plans) {
        return source("drift", now -> {
            Map<Long, Integer> drift = plans.drift();
            List<MetricFamily.Sample> samples = new ArrayList<>();
            for (Instance i : fleet.list()) {
                Integer d = drift.get(i.id());
                if (d != null) {
                    samples.add(MetricFamily.Sample.instance(i.name(), d));
                }
            }
            return List.of(MetricFamily.gauge("knobwright_drift_parameters",
                    "Parameters whose newest snapshot differs from the instance's template (instances with a template and a snapshot).",
                    samples));
        });
    }

    public static MetricsSource pendingRestarts(FleetService fleet, PendingRestarts restarts) {
        return source("pending_restarts", now -> List.of(perInstance(fleet, "knobwright_pending_restarts",
                "Applied parameters that wait for the server's restart.",
                restarts.pending().stream().map(p -> p.instanceId()).toList())));
    }

    public static MetricsSource activeOverrides(FleetService fleet, OverrideService overrides) {
        return source("overrides", now -> List.of(perInstance(fleet, "knobwright_active_overrides",
                "Emergency overrides live on the instance (not yet restored).",
                overrides.live().stream().map(o -> o.instanceId()).toList())));
    }

    public static MetricsSource pendingApprovals(FleetService fleet, PlanService plans) {
        return source("approvals", now -> List.of(perInstance(fleet, "knobwright_pending_approvals",
                "Change plans submitted for approval and not yet decided.",
                plans.inStates(Set.of(PlanState.SUBMITTED)).stream().map(ChangePlan::instanceId).toList())));
    }

    public static MetricsSource connections(FleetService fleet, MetricHistory series) {
        return source("connections", now -> {
            List<MetricFamily.Sample> used = new ArrayList<>();
            List<MetricFamily.Sample> allowed = new ArrayList<>();
            List<MetricFamily.Sample> ratio = new ArrayList<>();
            List<MetricFamily.Sample> age = new ArrayList<>();
            for (Instance i : fleet.list()) {
                MetricPoint c = latest(series, i.id(), Metric.CONNECTIONS, now);
                MetricPoint max = latest(series, i.id(), Metric.MAX_CONNECTIONS, now);
                if (c != null) {
                    used.add(MetricFamily.Sample.instance(i.name(), c.value()));
                    age.add(MetricFamily.Sample.instance(i.name(), Math.max(0, Duration.between(c.at(), now).toMillis() / 1000.0)));
                }
                if (max != null) {
                    allowed.add(MetricFamily.Sample.instance(i.name(), max.value()));
                }
                if (c != null && max != null && max.value() > 0) {
                    ratio.add(MetricFamily.Sample.instance(i.name(), c.value() / max.value()));
                }
            }
            return List.of(
                    MetricFamily.gauge("knobwright_connections", "Client connections at the latest poll.", used),
                    MetricFamily.gauge("knobwright_max_connections", "Connections the server allows, at the latest poll.", allowed),
                    MetricFamily.gauge("knobwright_connection_use_ratio", "Connections over max_connections at the latest poll (0 to 1).", ratio),
                    MetricFamily.gauge("knobwright_last_poll_age_seconds", "Seconds since the instance's latest poll with points.", age));
        });
    }

    private static MetricPoint latest(MetricHistory series, long id, Metric metric, Instant now) {
        List<MetricPoint> points = series.points(id, metric, now.minus(RECENT), now.plusSeconds(1));
        return points.isEmpty() ? null : points.getLast();
    }

    /** One sample per instance of the fleet: how many of {@code instanceIds} name it. */
    private static MetricFamily perInstance(FleetService fleet, String name, String help, List<Long> instanceIds) {
        Map<Long, Integer> counts = new TreeMap<>();
        instanceIds.forEach(id -> counts.merge(id, 1, Integer::sum));
        List<MetricFamily.Sample> samples = fleet.list().stream()
                .map(i -> MetricFamily.Sample.instance(i.name(), counts.getOrDefault(i.id(), 0))).toList();
        return MetricFamily.gauge(name, help, samples);
    }

    private static MetricsSource source(String name, Function<Instant, List<MetricFamily>> collect) {
        return new MetricsSource() {
            @Override
            public String name() {
                return name;
            }

            @Override
            public List<MetricFamily> collect(Instant now) {
                return collect.apply(now);
            }
        };
    }
}
