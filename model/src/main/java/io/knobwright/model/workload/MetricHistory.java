package io.knobwright.model.workload;

import java.time.Instant;
import java.util.List;

/**
 * The stored series of what the collectors measured, as the workload profile reads it. The store keeps recent points
 * at the polling interval and older ones downsampled; a caller does not need to know which it gets.
 */
public interface MetricHistory {

    /** The points of {@code metric} for the instance in [from, to), oldest first; empty when nothing was collected. */
    List<MetricPoint> points(long instanceId, Metric metric, Instant from, Instant to);
}
