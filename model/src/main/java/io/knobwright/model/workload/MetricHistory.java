package io.knobwright.model.workload;

import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The stored series of what the collectors measured, as the workload profile reads it. The store keeps recent points
 * at the polling interval and older ones downsampled; a caller does not need to know which it gets.
 */
public interface MetricHistory {

    /** The points of {@code metric} for the instance in [from, to), oldest first; empty when nothing was collected. */
    List<MetricPoint> points(long instanceId, Metric metric, Instant from, Instant to);

    /**
     * The points of each of {@code metrics} in [from, to), oldest first, every metric present in the answer (empty
     * when nothing was collected). A store that packs a poll's metrics in one row reads each row once here, where a
     * call per metric would read it once per metric.
     */
    default Map<Metric, List<MetricPoint>> points(long instanceId, Set<Metric> metrics, Instant from, Instant to) {
        Map<Metric, List<MetricPoint>> out = new EnumMap<>(Metric.class);
        for (Metric m : metrics) {
            out.put(m, points(instanceId, m, from, to));
        }
        return out;
    }
}
