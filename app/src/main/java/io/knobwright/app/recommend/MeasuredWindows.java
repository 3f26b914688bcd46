package io.knobwright.app.recommend;

import io.knobwright.app.simulation.MeasuredWorkloads;
import io.knobwright.app.workload.WorkloadService;
import io.knobwright.model.fleet.Instance;
import io.knobwright.model.fleet.SettingsSnapshot;
import io.knobwright.model.health.ConnectionUse;
import io.knobwright.model.health.ConnectionUseRepository;
import io.knobwright.model.workload.Metric;
import io.knobwright.model.workload.MetricHistory;
import io.knobwright.model.workload.MetricPoint;
import io.knobwright.model.workload.QuerySummary;
import io.knobwright.simulator.model.Machine;
import io.knobwright.simulator.model.SimulationException;
import io.knobwright.simulator.recommend.DayWindow;
import io.knobwright.simulator.recommend.DayWindows;
import io.knobwright.simulator.recommend.HourProfile;
import io.knobwright.simulator.recommend.WorkloadWindow;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;

/**
 * The measured workload of an instance split into the time windows of its day (decision 0154): an hourly profile of
 * the collected series over the default window (clients, transactions, write share, temporary bytes per transaction;
 * sessions per role from the stored connection use), {@link DayWindows} to split it, and each window's shape built
 * from the series of its hours only, as the whole day's is built.
 */
public final class MeasuredWindows {

    private final MetricHistory history;
    private final ConnectionUseRepository connectionUse;
    private final Function<Instance, List<QuerySummary>> queries;
    private final Clock clock;
    private final ZoneId zone;

    /**
     * @param connectionUse the stored sessions per application, user and client; attributes a window to a role
     * @param queries       the instance's query digest, as the workload service reads it
     * @param zone          the zone the hours of the day are counted in (the workload service's)
     */
    public MeasuredWindows(MetricHistory history, ConnectionUseRepository connectionUse,
                           Function<Instance, List<QuerySummary>> queries, Clock clock, ZoneId zone) {
        this.history = Objects.requireNonNull(history, "history");
        this.connectionUse = Objects.requireNonNull(connectionUse, "connectionUse");
        this.queries = Objects.requireNonNull(queries, "queries");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.zone = Objects.requireNonNull(zone, "zone");
    }

    /**
     * The day's windows with their measured shapes; empty when the day is alike throughout or a window has too
     * little to build a shape from ({@code notes} then says why).
     */
    public List<WorkloadWindow> windows(Instance instance, Machine machine, Optional<SettingsSnapshot> snapshot,
                                        List<String> notes) {
        Instant to = clock.instant();
        Instant from = to.minus(WorkloadService.DEFAULT_WINDOW);
        List<DayWindow> split = DayWindows.split(hours(instance.id(), from, to));
        if (split.size() < 2) {
            notes.add("the day was not split into time windows: its hours are alike (or too few were collected)");
            return List.of();
        }
        List<WorkloadWindow> out = new ArrayList<>();
        for (DayWindow window : split) {
            Set<Integer> hours = new HashSet<>(window.hours());
            WorkloadService only = new WorkloadService(new HoursOfDayHistory(history, hours, zone),
                    i -> inHours(queries.apply(i), hours), clock, zone);
            try {
                out.add(new WorkloadWindow(window, MeasuredWorkloads.of(only, instance, machine, snapshot).shape()));
            } catch (SimulationException | IllegalArgumentException thin) {
                notes.add("the day was not split into time windows: window " + window.label() + " has too little to "
                        + "build its workload from (" + thin.getMessage() + ")");
                return List.of();
            }
        }
        notes.add("time windows of the day: " + String.join("; ", split.stream().map(DayWindow::describe).toList()));
        return out;
    }

    /** One profile per hour of the day that has transactions collected. */
    List<HourProfile> hours(long instanceId, Instant from, Instant to) {
        Map<Integer, double[]> commits = byHour(history.points(instanceId, Metric.COMMITS, from, to));
        Map<Integer, double[]> connections = byHour(history.points(instanceId, Metric.CONNECTIONS, from, to));
        Map<Integer, double[]> active = byHour(history.points(instanceId, Metric.ACTIVE_SESSIONS, from, to));
        Map<Integer, double[]> reads = byHour(history.points(instanceId, Metric.READ_STATEMENTS, from, to));
        Map<Integer, double[]> writes = byHour(history.points(instanceId, Metric.WRITE_STATEMENTS, from, to));
        Map<Integer, double[]> temp = byHour(history.points(instanceId, Metric.TEMP_BYTES, from, to));
        Map<Integer, Map<String, Double>> roles = rolesByHour(connectionUse.use(instanceId, from, to));
        List<HourProfile> out = new ArrayList<>();
        for (Map.Entry<Integer, double[]> e : commits.entrySet()) {
            int h = e.getKey();
            double tps = mean(e.getValue());
            double clients = connections.containsKey(h) ? mean(connections.get(h))
                    : active.containsKey(h) ? mean(active.get(h)) : 0;
            double r = reads.containsKey(h) ? mean(reads.get(h)) : 0;
            double w = writes.containsKey(h) ? mean(writes.get(h)) : 0;
            double spill = temp.containsKey(h) && tps > 0 ? mean(temp.get(h)) / tps : 0;
            out.add(new HourProfile(h, e.getValue()[1], Math.max(0, clients), Math.max(0, tps),
                    r + w > 0 ? Math.min(1, Math.max(0, w / (r + w))) : 0, Math.max(0, spill),
                    roles.getOrDefault(h, Map.of()), Map.of()));
        }
        return out;
    }

    /** Sum and count of the finite values per hour of the day. */
    private Map<Integer, double[]> byHour(List<MetricPoint> points) {
        Map<Integer, double[]> out = new TreeMap<>();
        for (MetricPoint p : points) {
            if (Double.isFinite(p.value())) {
                double[] acc = out.computeIfAbsent(p.at().atZone(zone).getHour(), h -> new double[2]);
                acc[0] += p.value();
                acc[1]++;
            }
        }
        return out;
    }

    private static double mean(double[] acc) {
        return acc[1] > 0 ? acc[0] / acc[1] : 0;
    }

    /** Mean sessions per user in each hour of the day, over the stored points of that hour. */
    private Map<Integer, Map<String, Double>> rolesByHour(List<ConnectionUse> use) {
        Map<Integer, Map<String, Double>> sums = new TreeMap<>();
        Map<Integer, Integer> counts = new TreeMap<>();
        for (ConnectionUse u : use) {
            int h = u.at().atZone(zone).getHour();
            counts.merge(h, 1, Integer::sum);
            Map<String, Double> hour = sums.computeIfAbsent(h, k -> new TreeMap<>());
            u.sessions().forEach((key, n) -> {
                if (!key.user().isBlank()) {
                    hour.merge(key.user(), n, Double::sum);
                }
            });
        }
        sums.forEach((h, m) -> m.replaceAll((user, n) -> n / counts.get(h)));
        return sums;
    }

    /**
     * The digest's queries as far as they ran in the window's hours: a digest with calls per hour of the day (24
     * counts, as imported logs give) is scaled by the share of its calls in those hours; others are kept whole.
     */
    static List<QuerySummary> inHours(List<QuerySummary> all, Set<Integer> hours) {
        List<QuerySummary> out = new ArrayList<>();
        for (QuerySummary q : all) {
            if (q.callsPerHour().size() != 24) {
                out.add(q);
                continue;
            }
            long total = q.callsPerHour().stream().mapToLong(Long::longValue).sum();
            long inside = 0;
            for (int h : hours) {
                inside += q.callsPerHour().get(h);
            }
            if (total <= 0 || inside <= 0) {
                continue;
            }
            double share = (double) inside / total;
            long calls = Math.max(1, Math.round(q.calls() * share));
            out.add(new QuerySummary(q.fingerprint(), q.query(), calls, q.totalMs() * share, q.meanMs(), q.p95Ms(),
                    q.rows() < 0 ? q.rows() : Math.round(q.rows() * share),
                    q.tempBytes() < 0 ? q.tempBytes() : Math.round(q.tempBytes() * share), q.callsPerHour()));
        }
        return out;
    }
}
