package io.knobwright.model.workload;

import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A {@link MetricHistory} held in memory: for tests, for the demo fleet's generated workloads, and for a profile of
 * points read from elsewhere (a file) without the store. Thread-safe; points are kept sorted by time.
 */
public final class InMemoryMetricHistory implements MetricHistory {

    private record Key(long instanceId, Metric metric) {
    }

    private final Map<Key, List<MetricPoint>> series = new ConcurrentHashMap<>();

    public InMemoryMetricHistory add(long instanceId, Metric metric, List<MetricPoint> points) {
        series.compute(new Key(instanceId, metric), (k, old) -> {
            List<MetricPoint> all = old == null ? new ArrayList<>() : new ArrayList<>(old);
            all.addAll(points);
            all.sort(Comparator.comparing(MetricPoint::at));
            return List.copyOf(all);
        });
        return this;
    }

    @Override
    public List<MetricPoint> points(long instanceId, Metric metric, Instant from, Instant to) {
        List<MetricPoint> all = series.getOrDefault(new Key(instanceId, metric), List.of());
        return all.stream().filter(p -> !p.at().isBefore(from) && p.at().isBefore(to)).toList();
    }

    /** The newest point of any metric of the instance, or null when nothing is held for it. */
    public Instant latest(long instanceId) {
        return series.entrySet().stream().filter(e -> e.getKey().instanceId() == instanceId)
                .map(e -> e.getValue().isEmpty() ? null : e.getValue().getLast().at())
                .filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
